package no.tilfrisk.webhook;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static no.tilfrisk.Demo.OTHER_ORGANISATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import no.tilfrisk.Demo;
import no.tilfrisk.People;
import no.tilfrisk.TestClock;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.activity.AttendanceRecorded;
import no.tilfrisk.person.DataSubjectRights;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.transition.TransitionDateMoved;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks against a partner system that is a JDK HTTP server in the test: an event is queued in its own
 * transaction (rolled back with it, never lost after its commit), an erased person's id leaves queue and log,
 * delivered signed (the HMAC checked here by hand), tried again after a 500 once its pause has passed, and logged;
 * one organisation's events never reach another's hook; a refused address is a field message, never a hook.
 */
@TilfriskTest
class WebhookDeliveryTest {

    record Received(String path, String body, Map<String, List<String>> headers) {
    }

    @Autowired
    Webhooks webhooks;
    @Autowired
    WebhookOutbox outbox;
    @Autowired
    People people;
    @Autowired
    TestClock.SettableClock clock;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JsonMapper json;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    DataSubjectRights rights;

    HttpServer server;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final Deque<Integer> answers = new ArrayDeque<>();

    @BeforeEach
    void partnerSystem() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestURI().getPath(), new String(body, StandardCharsets.UTF_8),
                    Map.copyOf(exchange.getRequestHeaders())));
            Integer answer;
            synchronized (answers) {
                answer = answers.poll();
            }
            exchange.sendResponseHeaders(answer == null ? 204 : answer, -1);
            exchange.close();
        });
        server.start();
        // hooks other classes may have left on would be sent to as well: this class counts only its own
        offEveryHook();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        clock.release();
        offEveryHook();
    }

    @Test
    void anEventIsSignedTriedAgainAfterA500WhenItsPauseHasPassedAndLogged() throws Exception {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.standAt(t0);
        CreatedWebhook hook = hook(DEMO_RECOVERY, "/demo", WebhookEvent.PERSON_CREATED);
        assertThat(hook.secret()).startsWith("whsec_").hasSizeGreaterThan(40);
        answers.add(500);

        String name = "Webhook Person " + UUID.randomUUID();
        UUID person = people.register(DEMO_RECOVERY, "Skien", name);

        assertThat(deliver(DEMO_RECOVERY)).isEqualTo(new WebhookOutbox.Run(0, 1));
        assertThat(received).hasSize(1);
        Received first = received.get(0);
        assertThat(first.path()).isEqualTo("/demo");
        Map<String, Object> body = json.readValue(first.body(), Map.class);
        assertThat(body).containsOnlyKeys("id", "kind", "occurredAt", "organisationId", "data");
        assertThat(body).containsEntry("kind", "person.created").containsEntry("occurredAt", t0.toString())
                .containsEntry("organisationId", DEMO_RECOVERY.toString())
                .containsEntry("data", Map.of("personId", person.toString()));
        assertThat(first.body()).doesNotContain(name).doesNotContain("Webhook Person");
        assertThat(header(first, "X-tilfrisk-signature")).isEqualTo("sha256=" + hmac(first.body(), hook.secret()));
        assertThat(header(first, "X-tilfrisk-event")).isEqualTo("person.created");
        assertThat(header(first, "Content-type")).isEqualTo("application/json");

        // not due again before its pause of 30 seconds
        clock.standAt(t0.plusSeconds(29));
        assertThat(deliver(DEMO_RECOVERY)).isEqualTo(new WebhookOutbox.Run(0, 0));
        assertThat(received).hasSize(1);

        clock.standAt(t0.plusSeconds(30));
        assertThat(deliver(DEMO_RECOVERY)).isEqualTo(new WebhookOutbox.Run(1, 0));
        assertThat(received).hasSize(2);
        assertThat(received.get(1).body()).isEqualTo(first.body());
        assertThat(header(received.get(1), "X-tilfrisk-signature")).isEqualTo(header(first, "X-tilfrisk-signature"));
        assertThat(header(received.get(1), "X-tilfrisk-delivery")).isEqualTo(header(first, "X-tilfrisk-delivery"));

        // delivered once: a later run sends nothing
        clock.standAt(t0.plus(Duration.ofHours(1)));
        assertThat(deliver(DEMO_RECOVERY)).isEqualTo(new WebhookOutbox.Run(0, 0));

        List<WebhookDelivery> log = People.asSystem(DEMO_RECOVERY, () -> webhooks.deliveries(hook.webhook().id()));
        assertThat(log).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo(WebhookDelivery.Status.DELIVERED);
            assertThat(d.attempts()).isEqualTo(2);
            assertThat(d.lastHttpStatus()).isEqualTo(204);
            assertThat(d.deliveredAt()).isEqualTo(t0.plusSeconds(30));
            assertThat(d.kind()).isEqualTo("person.created");
        });
        List<Integer> attempts = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql("""
                        SELECT a.http_status FROM webhook_attempt a JOIN webhook_delivery d ON d.id = a.delivery_id
                         WHERE d.webhook_id = ? ORDER BY a.attempted_at""")
                .param(hook.webhook().id()).query(Integer.class).list()));
        assertThat(attempts).containsExactly(500, 204);
        // what went out about the person is in their audit trail, once
        int exported = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql("""
                        SELECT count(*) FROM audit_event WHERE person_id = ? AND action = 'EXPORT' AND what = ?""")
                .params(person, "webhook:" + hook.webhook().id()).query(Integer.class).single()));
        assertThat(exported).isOne();
    }

    @Test
    void oneOrganisationsEventsNeverReachAnothersHook() {
        CreatedWebhook demo = hook(DEMO_RECOVERY, "/demo", WebhookEvent.PERSON_CREATED);
        CreatedWebhook other = hook(OTHER_ORGANISATION, "/other", WebhookEvent.PERSON_CREATED);

        UUID person = people.register(OTHER_ORGANISATION, "Bergen", "Webhook Annen " + UUID.randomUUID());
        deliver(DEMO_RECOVERY);
        deliver(OTHER_ORGANISATION);

        assertThat(received).extracting(Received::path).containsExactly("/other");
        assertThat(received.get(0).body()).contains(person.toString()).contains(OTHER_ORGANISATION.toString());
        assertThat(header(received.get(0), "X-tilfrisk-signature"))
                .isEqualTo("sha256=" + hmac(received.get(0).body(), other.secret()));
        assertThat(People.asSystem(DEMO_RECOVERY, () -> webhooks.deliveries(demo.webhook().id()))).isEmpty();
        // and the demo organisation cannot see the other's hook at all
        assertThat(People.asSystem(DEMO_RECOVERY, () -> webhooks.list()))
                .extracting(Webhook::id).doesNotContain(other.webhook().id());
    }

    @Test
    void onlyTheKindsAHookAsksForAndNothingOfAChangeThatRolledBack() {
        CreatedWebhook hook = hook(DEMO_RECOVERY, "/kinds", WebhookEvent.ATTENDANCE_RECORDED,
                WebhookEvent.TRANSITION_DATE_MOVED);
        UUID person = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        Instant at = Instant.parse("2026-03-02T10:15:30Z");
        Tenancy.runAs(DEMO_RECOVERY, () -> tx.executeWithoutResult(s -> {
            events.publishEvent(new AttendanceRecorded(DEMO_RECOVERY, UUID.randomUUID(), session, List.of(person), at));
            events.publishEvent(new TransitionDateMoved(DEMO_RECOVERY, UUID.randomUUID(), person, at));
        }));
        Tenancy.runAs(DEMO_RECOVERY, () -> tx.executeWithoutResult(s -> {
            events.publishEvent(new TransitionDateMoved(DEMO_RECOVERY, UUID.randomUUID(), person, at));
            s.setRollbackOnly();
        }));
        // a person registered is not a kind this hook wants
        people.register(DEMO_RECOVERY, "Skien", "Webhook Ikke " + UUID.randomUUID());

        assertThat(deliver(DEMO_RECOVERY)).isEqualTo(new WebhookOutbox.Run(2, 0));
        assertThat(received).extracting(r -> header(r, "X-tilfrisk-event"))
                .containsExactlyInAnyOrder("attendance.recorded", "transition.date_moved");
        assertThat(received).allSatisfy(r -> assertThat(r.body()).contains(person.toString()));
        assertThat(received).anySatisfy(r -> assertThat(r.body()).contains(session.toString()));
        assertThat(People.asSystem(DEMO_RECOVERY, () -> webhooks.deliveries(hook.webhook().id()))).hasSize(2);
    }

    @Test
    void theDeliveryRowIsWrittenInThePublishingTransactionAndRollsBackWithIt() {
        CreatedWebhook hook = hook(DEMO_RECOVERY, "/outbox", WebhookEvent.TRANSITION_DATE_MOVED);
        UUID person = UUID.randomUUID();
        Instant at = Instant.parse("2026-03-02T10:15:30Z");
        // inside the transaction that publishes the event, before any commit, the delivery is already there
        int inside = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> {
            events.publishEvent(new TransitionDateMoved(DEMO_RECOVERY, UUID.randomUUID(), person, at));
            int rows = deliveriesNaming(person);
            s.setRollbackOnly();
            return rows;
        }));
        assertThat(inside).isOne();
        // and it went with the rollback: nothing to send, nothing in the log
        assertThat(committedNaming(person)).isZero();
        assertThat(deliver(DEMO_RECOVERY)).isEqualTo(new WebhookOutbox.Run(0, 0));
        assertThat(People.asSystem(DEMO_RECOVERY, () -> webhooks.deliveries(hook.webhook().id()))).isEmpty();

        // a change that commits has its delivery committed with it, read by the job afterwards
        Tenancy.runAs(DEMO_RECOVERY, () -> tx.executeWithoutResult(s ->
                events.publishEvent(new TransitionDateMoved(DEMO_RECOVERY, UUID.randomUUID(), person, at))));
        assertThat(deliver(DEMO_RECOVERY)).isEqualTo(new WebhookOutbox.Run(1, 0));
        assertThat(received).singleElement().satisfies(r -> assertThat(r.body()).contains(person.toString()));
    }

    @Test
    void anEventOutsideATransactionIsRefusedNotLost() {
        hook(DEMO_RECOVERY, "/outbox", WebhookEvent.TRANSITION_DATE_MOVED);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Tenancy.runAs(DEMO_RECOVERY, () ->
                        events.publishEvent(new TransitionDateMoved(DEMO_RECOVERY, UUID.randomUUID(), UUID.randomUUID(),
                                Instant.parse("2026-03-02T10:15:30Z")))))
                .isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
    }

    @Test
    void anErasedPersonsIdLeavesTheQueueAndTheLog() {
        CreatedWebhook hook = hook(DEMO_RECOVERY, "/erasure", WebhookEvent.PERSON_CREATED,
                WebhookEvent.ATTENDANCE_RECORDED, WebhookEvent.TRANSITION_DATE_MOVED);
        UUID person = people.register(DEMO_RECOVERY, "Skien", "Webhook Slettes " + UUID.randomUUID());
        assertThat(deliver(DEMO_RECOVERY)).isEqualTo(new WebhookOutbox.Run(1, 0));
        UUID other = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        Instant at = Instant.parse("2026-03-02T10:15:30Z");
        Tenancy.runAs(DEMO_RECOVERY, () -> tx.executeWithoutResult(s -> {
            events.publishEvent(new AttendanceRecorded(DEMO_RECOVERY, UUID.randomUUID(), session,
                    List.of(person, other), at));
            events.publishEvent(new TransitionDateMoved(DEMO_RECOVERY, UUID.randomUUID(), person, at));
        }));
        assertThat(committedNaming(person)).isEqualTo(3);

        People.asSystem(DEMO_RECOVERY, () -> {
            rights.erase(person, true);
            return null;
        });

        Map<String, String> left = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql("""
                        SELECT kind, body FROM webhook_delivery WHERE webhook_id = ?""")
                .param(hook.webhook().id())
                .query((rs, n) -> Map.entry(rs.getString("kind"), rs.getString("body"))).list()))
                .stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        // the waiting date move named only them: gone; the delivered «created» and the attendance stay, blanked
        assertThat(left).containsOnlyKeys("person.created", "attendance.recorded");
        assertThat(left.values()).allSatisfy(body -> assertThat(body).doesNotContain(person.toString()));
        assertThat((Map<String, Object>) json.readValue(left.get("person.created"), Map.class))
                .extractingByKey("data").isEqualTo(Map.of());
        assertThat((Map<String, Object>) json.readValue(left.get("attendance.recorded"), Map.class))
                .extractingByKey("data").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("personIds", List.of(other.toString()))
                .containsEntry("sessionId", session.toString());
        assertThat(committedNaming(person)).isZero();

        // what is still to send goes out without them
        received.clear();
        assertThat(deliver(DEMO_RECOVERY)).isEqualTo(new WebhookOutbox.Run(1, 0));
        assertThat(received).singleElement().satisfies(r -> {
            assertThat(header(r, "X-tilfrisk-event")).isEqualTo("attendance.recorded");
            assertThat(r.body()).doesNotContain(person.toString()).contains(other.toString());
            assertThat(header(r, "X-tilfrisk-signature")).isEqualTo("sha256=" + hmac(r.body(), hook.secret()));
        });
    }

    private int committedNaming(UUID person) {
        Integer rows = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> deliveriesNaming(person)));
        return rows;
    }

    private int deliveriesNaming(UUID person) {
        return db.sql("SELECT count(*) FROM webhook_delivery WHERE ? = ANY(person_ids) OR body LIKE ?")
                .params(person, "%" + person + "%").query(Integer.class).single();
    }

    @Test
    void aHookThatIsOffGetsNothingQueued() {
        CreatedWebhook hook = hook(DEMO_RECOVERY, "/off", WebhookEvent.PERSON_CREATED);
        People.asSystem(DEMO_RECOVERY, () -> webhooks.setActive(hook.webhook().id(), false));
        people.register(DEMO_RECOVERY, "Skien", "Webhook Av " + UUID.randomUUID());
        assertThat(deliver(DEMO_RECOVERY)).isEqualTo(new WebhookOutbox.Run(0, 0));
        assertThat(People.asSystem(DEMO_RECOVERY, () -> webhooks.deliveries(hook.webhook().id()))).isEmpty();
    }

    @Test
    void aRefusedAddressIsAFieldMessageInTheCallersLanguageAndNoHook() throws Exception {
        int before = hooks();
        var admin = user(accounts.loadUserByUsername(Demo.ADMIN));
        mvc.perform(post("/admin/webhooks").with(admin).with(csrf())
                        .param("formId", UUID.randomUUID().toString()).param("url", "ftp://partner.example/x")
                        .param("events", "PERSON_CREATED"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "Adressen må begynne med https:// eller http://.")));
        mvc.perform(post("/admin/webhooks").with(admin).with(csrf())
                        .param("formId", UUID.randomUUID().toString()).param("url", "http://localhost:8080/api/v1/x"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Adressen peker til Tilfrisk selv.")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Velg minst én hendelse.")));
        mvc.perform(post("/api/v1/webhooks").header("Authorization", Demo.bearer("demo-admin"))
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\": \"http://169.254.169.254/latest\", \"events\": [\"PERSON_CREATED\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("\"url\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "The address points to this machine or a local network range")));
        assertThat(hooks()).isEqualTo(before);
    }

    private CreatedWebhook hook(UUID organisation, String path, WebhookEvent... kinds) {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + path;
        return People.asSystem(organisation, () -> webhooks.create(UUID.randomUUID(),
                new WebhookForm(url, List.of(kinds))));
    }

    private WebhookOutbox.Run deliver(UUID organisation) {
        return People.asSystem(organisation, () -> outbox.deliverDue());
    }

    private int hooks() {
        return People.asSystem(DEMO_RECOVERY, () -> webhooks.list().size());
    }

    private void offEveryHook() {
        for (UUID organisation : List.of(DEMO_RECOVERY, OTHER_ORGANISATION)) {
            Tenancy.runAs(organisation, () -> tx.executeWithoutResult(s ->
                    db.sql("UPDATE webhook SET active = false WHERE active").update()));
        }
    }

    private static String header(Received r, String name) {
        return r.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }

    private static String hmac(String body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
