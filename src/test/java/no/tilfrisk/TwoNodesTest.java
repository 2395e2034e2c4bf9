package no.tilfrisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.platform.scheduling.AsSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Two application nodes on one database (issue 21, item 3): node A is the shared test context, node B a second
 * application context started here on the same embedded PostgreSQL. This is the one test class that starts a
 * context of its own, since two nodes are what it is about; it starts exactly one, once, and closes it after.
 * It shows that a user signed in on A continues on B (sessions live in PostgreSQL), that a locked job runs on one
 * node only (ShedLock's table), and that concurrent audit writes from both nodes keep one organisation's chain
 * intact.
 */
@TilfriskTest
class TwoNodesTest {

    private static ConfigurableApplicationContext nodeB;

    @Autowired
    MockMvc nodeA;
    @Autowired
    LockProvider locksA;
    @Autowired
    AsSystem systemA;
    @Autowired
    AuditTrail auditA;
    @Autowired
    People people;
    @Autowired
    JdbcClient db;

    @BeforeAll
    static void startNodeB() {
        // as command-line arguments: they outrank application.properties (builder properties would not)
        nodeB = new SpringApplicationBuilder(TilfriskApplication.class).run(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--tilfrisk.data-dir=target/test-data",
                "--tilfrisk.embedded.clean=false",
                "--tilfrisk.demo.enabled=true",
                "--tilfrisk.scheduling.enabled=false");
    }

    @AfterAll
    static void stopNodeB() {
        if (nodeB != null) {
            nodeB.close();
        }
    }

    @Test
    void aUserSignedInOnOneNodeContinuesOnTheOther() throws Exception {
        MvcResult signedIn = nodeA.perform(post("/login").with(csrf())
                .param("email", Demo.ADMIN).param("password", Demo.PASSWORD)).andReturn();
        Cookie session = signedIn.getResponse().getCookie("SESSION");
        assertThat(session).as("the session cookie").isNotNull();
        // node B through its own server, as a browser would after the load balancer sent it there
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        URI users = URI.create("http://127.0.0.1:" + nodeB.getEnvironment().getProperty("local.server.port") + "/admin/users");
        HttpResponse<String> onB = browser.send(HttpRequest.newBuilder(users)
                .header("Cookie", "SESSION=" + session.getValue()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(onB.statusCode()).isEqualTo(200);
        assertThat(onB.body()).contains(Demo.ADMIN);
        // and without the cookie, node B knows nobody
        assertThat(browser.send(HttpRequest.newBuilder(users).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(302);
    }

    @Test
    void aLockedJobRunsOnOneNodeWhileTheOtherTriesAtTheSameTime() throws Throwable {
        var onA = new DefaultLockingTaskExecutor(locksA);
        var onB = new DefaultLockingTaskExecutor(nodeB.getBean(LockProvider.class));
        LockConfiguration job = new LockConfiguration(Instant.now(), "two-nodes.job-" + UUID.randomUUID(),
                Duration.ofMinutes(5), Duration.ZERO);
        AtomicInteger runs = new AtomicInteger();
        onA.executeWithLock((Runnable) () -> {
            runs.incrementAndGet();
            // node B's timer fires for the same job while A is still running it (another thread: ShedLock lets
            // the thread that holds a lock run its task again)
            CompletableFuture.runAsync(() -> onB.executeWithLock((Runnable) runs::incrementAndGet, job)).join();
        }, job);
        assertThat(runs).hasValue(1);
        onB.executeWithLock((Runnable) runs::incrementAndGet, job);
        assertThat(runs).as("once A has finished, B may run it").hasValue(2);
    }

    @Test
    void concurrentAuditWritesFromBothNodesKeepTheChainIntact() throws Exception {
        UUID person = people.register(Demo.DEMO_RECOVERY, "Skien", "To noder " + UUID.randomUUID());
        AsSystem systemB = nodeB.getBean(AsSystem.class);
        AuditTrail auditB = nodeB.getBean(AuditTrail.class);
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            AsSystem system = i % 2 == 0 ? systemA : systemB;
            AuditTrail audit = i % 2 == 0 ? auditA : auditB;
            writers.add(CompletableFuture.runAsync(() -> {
                for (int n = 0; n < 10; n++) {
                    system.run(Demo.DEMO_RECOVERY, () -> audit.record(person, AuditAction.READ, "two-nodes"));
                }
            }));
        }
        CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        AuditTrail.ChainVerification[] verification = new AuditTrail.ChainVerification[1];
        systemA.run(Demo.DEMO_RECOVERY, () -> verification[0] = auditA.verify());
        assertThat(verification[0].intact()).as("first broken row: %s", verification[0].firstBrokenSeq()).isTrue();
        // the app role sees no rows outside a transaction with an organisation; count them as the system does
        int[] counted = new int[1];
        systemA.run(Demo.DEMO_RECOVERY, () -> counted[0] = db.sql(
                "SELECT count(*) FROM audit_event WHERE person_id = ? AND what = 'two-nodes'")
                .param(person).query(Integer.class).single());
        assertThat(counted[0]).isEqualTo(80);
    }
}
