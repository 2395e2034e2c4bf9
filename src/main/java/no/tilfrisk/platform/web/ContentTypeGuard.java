package no.tilfrisk.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A body whose {@code Content-Type} is a wildcard ({@code *}{@code /*}, {@code application/*}) or cannot be read
 * names no type anyone can parse: 415 at once, before Spring MVC would fail on it with a 500 and a logged stack
 * trace (issue 21). Pages get the error page, the API problem+json.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class ContentTypeGuard extends OncePerRequestFilter {

    private final ProblemWriter problems;

    ContentTypeGuard(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType != null && !contentType.isBlank() && !readable(contentType)) {
            if (ProblemWriter.isApi(request)) {
                problems.write(request, response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE,
                        "problem.unsupported-media-type");
            } else {
                response.sendError(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
            }
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean readable(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
