package no.tilfrisk.platform.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The server's error dispatch for an {@code /api/} request (no endpoint there, a filter's {@code sendError}, a
 * refusal before any controller) answers problem+json, not Spring Boot's own JSON or the HTML error page.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class ApiErrorDispatch extends OncePerRequestFilter {

    private final ProblemWriter problems;

    ApiErrorDispatch(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getDispatcherType() != DispatcherType.ERROR || !ProblemWriter.isApi(request);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer c ? c : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        problems.write(request, response, status, ProblemWriter.keyFor(status));
    }
}
