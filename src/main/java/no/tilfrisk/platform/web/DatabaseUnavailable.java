package no.tilfrisk.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import no.tilfrisk.platform.database.DatabaseAway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database is away (stopped, restarting, unreachable), a request that needed it is answered 503 with
 * {@code Retry-After}, a page that says so or problem+json on the API, never the 500 of an unexpected error (issue 21,
 * item 1). It sits outside the session and security filters, since both read the database too. The page is
 * rendered on its own ({@link StandalonePages}), without the layout, whose menu needs the session. The API's
 * controllers answer the same through {@link ApiProblems}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 4)
class DatabaseUnavailable extends OncePerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "5";
    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);

    private final ProblemWriter problems;
    private final StandalonePages pages;

    DatabaseUnavailable(ProblemWriter problems, StandalonePages pages) {
        this.problems = problems;
        this.pages = pages;
    }

    /** Also the server's error dispatch, since rendering an error page reads the session from the database. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!DatabaseAway.causedBy(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("Database unavailable, answered 503: {} {}: {}", request.getMethod(), request.getRequestURI(),
                    e.getMessage());
            answer(request, response);
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.resetBuffer();
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.setHeader("Cache-Control", "no-store");
        if (ProblemWriter.isApi(request)) {
            problems.write(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "problem.unavailable");
            return;
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        pages.write(request, "unavailable", response.getWriter());
    }
}
