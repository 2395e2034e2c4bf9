package no.tilfrisk.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /error} asked for directly (not as the server's error dispatch) is «not found»: Spring Boot's error
 * controller would answer it with a 500, since there is no error to show (issue 15, item 9: never a 500).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DirectErrorRequests extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // a request that carries an error's status is one to render (the server's dispatch, or a test doing its part)
        return !"/error".equals(path) || request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
