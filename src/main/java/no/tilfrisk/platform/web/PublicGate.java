package no.tilfrisk.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A fair queue in front of the public pages that anyone may open without signing in (the service directory's
 * {@code /tilbud} and {@code /api/v1/public/}, {@code tilfrisk.web.public-gate.paths}): at most
 * {@code tilfrisk.web.public-gate.concurrent} of them (4) run at once, the rest wait their turn in arrival order, and
 * one that has waited {@code tilfrisk.web.public-gate.wait} (8 s) is answered 503 with {@code Retry-After}.
 *
 * <p>Two reasons. A crowd of anonymous visitors can no longer take every pooled connection from the staff's own
 * pages, which do not queue here. And the pool's own wait is not first come, first served: with 200 visitors at once
 * some waited past its 10 s while others came and went (issue 19's benchmark: 2,000 searches, one 503, p99 6.5 s).
 * Four at a time keep both cores busy; more only interleave.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class PublicGate extends OncePerRequestFilter {

    private final List<String> paths;
    private final Semaphore turns;
    private final long waitNanos;
    private final ProblemWriter problems;
    private final StandalonePages pages;

    PublicGate(@Value("${tilfrisk.web.public-gate.paths:/tilbud,/api/v1/public/}") List<String> paths,
               @Value("${tilfrisk.web.public-gate.concurrent:4}") int concurrent,
               @Value("${tilfrisk.web.public-gate.wait:8s}") Duration wait,
               ProblemWriter problems, StandalonePages pages) {
        this.paths = List.copyOf(paths);
        this.turns = new Semaphore(concurrent, true);
        this.waitNanos = wait.toNanos();
        this.problems = problems;
        this.pages = pages;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return paths.stream().noneMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean turn;
        try {
            turn = turns.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            turn = false;
        }
        if (!turn) {
            busy(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            turns.release();
        }
    }

    /** Requests waiting for a turn now (for the test). */
    int waiting() {
        return turns.getQueueLength();
    }

    private void busy(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS);
        response.setHeader("Cache-Control", "no-store");
        if (ProblemWriter.isApi(request)) {
            problems.write(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "problem.busy");
            return;
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        pages.write(request, "busy", response.getWriter());
    }
}
