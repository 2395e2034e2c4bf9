package no.tilfrisk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21, items 1, 2 and 9, against the app as a child process on an external PostgreSQL of the test's own
 * ({@link ChildApp}), so stopping that database disturbs no other test class: readiness says UP only once the demo
 * data is written; with the database stopped readiness says DOWN within 2 s and requests get 503 (a page, and
 * problem+json on the API), not 500; with the database back readiness is UP again and the signed-in session still
 * works; and SIGTERM stops the app within the graceful period while the database is gone and a request waits for it.
 */
class DatabaseOutageTest {

    private static final Duration SHORT = Duration.ofSeconds(2);
    private static final Duration POOL_WAIT = Duration.ofSeconds(30);
    /** spring.lifecycle.timeout-per-shutdown-phase: Spring Boot's default, which Tilfrisk keeps. */
    private static final long GRACEFUL_SECONDS = 30;

    @TempDir
    Path dir;

    @Test
    void readinessFollowsTheDatabaseAndRequestsGet503WhileItIsAway() throws Exception {
        try (ChildApp app = new ChildApp(dir)) {
            app.start();
            Awaitility.await("readiness UP").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions().until(() -> {
                        assertThat(app.process.isAlive()).as(app::log).isTrue();
                        return app.readiness(SHORT).statusCode() == 200;
                    });
            // item 9: ready means the demo data is there, not that it is still being written
            try (Connection c = app.postgres.getDatabase("postgres", "tilfrisk").getConnection();
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM organisation")) {
                rs.next();
                assertThat(rs.getInt(1)).as("demo organisations at the first UP").isEqualTo(2);
            }
            app.signIn();
            assertThat(app.get("/persons", POOL_WAIT).statusCode()).isEqualTo(200);

            app.stopDatabase();
            HttpResponse<String> readiness = app.readiness(SHORT);
            assertThat(readiness.statusCode()).as("readiness with the database stopped").isEqualTo(503);
            assertThat(readiness.body()).contains("DOWN");

            HttpResponse<String> page = app.get("/persons", POOL_WAIT);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(503);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(page.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(page.body()).contains("Midlertidig utilgjengelig").doesNotContain("Exception");
            HttpResponse<String> api = app.get("/api/v1/me", POOL_WAIT, "Authorization", "Bearer demo-admin",
                    "Accept-Language", "en");
            assertThat(api.statusCode()).as(api.body()).isEqualTo(503);
            assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(api.body()).contains("\"status\":503").contains("Temporarily unavailable");

            app.startDatabase();
            Awaitility.await("readiness UP again").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions().until(() -> app.readiness(SHORT).statusCode() == 200);
            assertThat(app.get("/persons", POOL_WAIT).statusCode()).as("the session kept in the database").isEqualTo(200);

            // SIGTERM while the database is gone and a request is waiting for a connection
            app.stopDatabase();
            // the first request finds the pool's broken connections and is answered at once; the next one waits
            assertThat(app.get("/persons", POOL_WAIT).statusCode()).isEqualTo(503);
            // the request has reached the pool and waits there for a connection; on a slow machine the pool's wait
            // may end before a metrics scrape sees it, so a request that was answered meanwhile is sent again
            AtomicReference<CompletableFuture<HttpResponse<String>>> waiting = new AtomicReference<>(waitForPool(app));
            Awaitility.await("a request waiting for a connection").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                    .until(() -> {
                        if (waiting.get().isDone()) {
                            waiting.set(waitForPool(app));
                        }
                        return app.pendingConnections() > 0 && !waiting.get().isDone();
                    });
            app.process.destroy();
            assertThat(app.process.waitFor(GRACEFUL_SECONDS + 5, TimeUnit.SECONDS))
                    .as("stopped within the graceful period").isTrue();
            // the graceful shutdown let it finish: it waited for the pool in vain and was told so
            HttpResponse<String> last = waiting.get().get(10, TimeUnit.SECONDS);
            assertThat(last).as("the request in flight got an answer").isNotNull();
            assertThat(last.statusCode()).as("the request in flight").isEqualTo(503);
        }
    }

    private static CompletableFuture<HttpResponse<String>> waitForPool(ChildApp app) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return app.get("/persons", POOL_WAIT);
            } catch (Exception e) {
                return null;
            }
        });
    }
}
