package no.tilfrisk.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import no.tilfrisk.TilfriskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The public pages' queue: with one turn, a second visitor waits while the first is served, is answered 503 with
 * Retry-After and a message in their language when the wait runs out (a page, or problem+json on the API), and the
 * next one after the first is served gets its turn. Signed-in pages do not queue.
 */
@TilfriskTest
class PublicGateTest {

    @Autowired
    ProblemWriter problems;
    @Autowired
    StandalonePages pages;

    /** A servlet that holds its turn until released. */
    static final class Held extends HttpServlet {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) {
            entered.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            response.setStatus(200);
        }
    }

    private static MockHttpServletRequest get(String path, String language) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.addHeader("Accept-Language", language);
        return request;
    }

    @Test
    void aSecondVisitorWaitsForTheFirstAndIsToldToComeBackWhenTheWaitRunsOut() throws Exception {
        PublicGate gate = new PublicGate(List.of("/tilbud", "/api/v1/public/"), 1, Duration.ofMillis(200), problems, pages);
        Held first = new Held();
        CompletableFuture<MockHttpServletResponse> served = CompletableFuture.supplyAsync(() -> {
            MockHttpServletResponse response = new MockHttpServletResponse();
            try {
                gate.doFilter(get("/tilbud", "nb"), response, new MockFilterChain(first));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return response;
        });
        assertThat(first.entered.await(30, TimeUnit.SECONDS)).isTrue();

        MockHttpServletResponse page = new MockHttpServletResponse();
        gate.doFilter(get("/tilbud", "nb"), page, new MockFilterChain(new Held()));
        assertThat(page.getStatus()).isEqualTo(503);
        assertThat(page.getHeader("Retry-After")).isEqualTo("5");
        assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("Mange besøker nå");

        MockHttpServletResponse api = new MockHttpServletResponse();
        gate.doFilter(get("/api/v1/public/offers", "en"), api, new MockFilterChain(new Held()));
        assertThat(api.getStatus()).isEqualTo(503);
        assertThat(api.getContentType()).startsWith("application/problem+json");
        assertThat(api.getContentAsString(StandardCharsets.UTF_8)).contains("Many requests at once");

        MockHttpServletResponse staff = new MockHttpServletResponse();
        Held signedIn = new Held();
        signedIn.release.countDown();
        gate.doFilter(get("/persons", "nb"), staff, new MockFilterChain(signedIn));
        assertThat(staff.getStatus()).as("a signed-in page does not queue").isEqualTo(200);

        first.release.countDown();
        assertThat(served.get(30, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        Held next = new Held();
        next.release.countDown();
        MockHttpServletResponse after = new MockHttpServletResponse();
        gate.doFilter(get("/tilbud", "nb"), after, new MockFilterChain(next));
        assertThat(after.getStatus()).as("the turn is given back").isEqualTo(200);
        assertThat(gate.waiting()).isZero();
    }
}
