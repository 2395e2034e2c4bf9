package no.tilfrisk.notification;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.account.UserAccounts;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.notification.internal.HttpSmsGateway;
import no.tilfrisk.person.ConsentCheck;
import no.tilfrisk.person.ConsentForm;
import no.tilfrisk.person.ConsentMethod;
import no.tilfrisk.person.ConsentPurpose;
import no.tilfrisk.person.Consents;
import no.tilfrisk.person.PersonLookup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

/**
 * Notices through a real SMTP server (GreenMail) and a real HTTP SMS provider (the JDK's HTTP server): only with
 * consent to the channel, never with health details, logged without the text, and never twice for one id.
 */
@TilfriskTest
class NotificationTest {

    private static final Locale NB = Locale.forLanguageTag("nb");
    /** Words that would tell what a notice is about; none of them may be in one. */
    private static final List<String> HEALTH_WORDS = List.of("rus", "behandling", "tsb", "psyk", "fengsel",
            "løslat", "utskriv", "diagnose", "medisin", "avhengig", "samtale");

    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    People people;
    @Autowired
    Consents consents;
    @Autowired
    ConsentCheck consentCheck;
    @Autowired
    PersonLookup persons;
    @Autowired
    UserAccounts users;
    @Autowired
    AuditTrail audit;
    @Autowired
    MessageSource messages;
    @Autowired
    Notifications fromContext;

    GreenMail smtp;
    final List<String[]> texts = new ArrayList<>();
    Notifications notifications;

    @BeforeEach
    void start() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
        notifications = with(new SmsGateway() {
            @Override
            public void send(String phone, String text) {
                texts.add(new String[] {phone, text});
            }

            @Override
            public boolean delivers() {
                return true;
            }
        }, sender);
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    @Test
    void theEmailArrivesWithTheFixedWordingOnlyAndOnlyOncePerId() throws Exception {
        UUID person = participant("Eva Epost", "eva@example.no", "+47 900 00 001", ConsentPurpose.CONTACT_EMAIL);
        UUID id = UUID.randomUUID();
        Notice notice = Notice.of("test.appointment", "notification.appointment.subject",
                "notification.appointment.text", "08.12.2026", "10:00");

        assertThat(send(id, person, Channel.EMAIL, notice)).isEqualTo(Outcome.SENT);
        assertThat(send(id, person, Channel.EMAIL, notice)).as("the same id again").isEqualTo(Outcome.ALREADY_SENT);

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("eva@example.no");
        assertThat(received[0].getSubject()).isEqualTo("Påminnelse fra Tilfrisk");
        String body = GreenMailUtil.getBody(received[0]).strip();
        assertThat(body).isEqualTo("Hei! Du har en avtale 08.12.2026 kl. 10:00. Hilsen Tilfrisk");
        assertThat(HEALTH_WORDS).noneMatch(w -> body.toLowerCase(Locale.ROOT).contains(w));

        List<SentNotice> log = asSystem(() -> tx.execute(s -> notifications.sentTo(person)));
        assertThat(log).singleElement().satisfies(n -> {
            assertThat(n.id()).isEqualTo(id);
            assertThat(n.channel()).isEqualTo(Channel.EMAIL);
            assertThat(n.kind()).isEqualTo("test.appointment");
            assertThat(n.recipient()).isEqualTo("eva@example.no");
            assertThat(n.outcome()).isEqualTo("SENT");
        });
        assertThat(auditRows(person, "notification.email")).isEqualTo(1);
    }

    @Test
    void nothingGoesOutWithoutConsentToThatChannelAndAWithdrawalStopsTheNextAtOnce() {
        UUID person = participant("Siri Sms", "siri@example.no", "+47 900 00 002", ConsentPurpose.CONTACT_SMS);
        Notice notice = Notice.of("test.appointment", "notification.appointment.subject",
                "notification.appointment.text", "09.12.2026", "12:30");

        assertThat(send(UUID.randomUUID(), person, Channel.EMAIL, notice)).isEqualTo(Outcome.NO_CONSENT);
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(send(UUID.randomUUID(), person, Channel.SMS, notice)).isEqualTo(Outcome.SENT);
        assertThat(texts).singleElement().satisfies(t -> {
            assertThat(t[0]).isEqualTo("+47 900 00 002");
            assertThat(t[1]).isEqualTo("Hei! Du har en avtale 09.12.2026 kl. 12:30. Hilsen Tilfrisk");
        });

        asSystem(() -> tx.execute(s -> {
            UUID consent = consents.of(person).stream().filter(c -> c.purpose() == ConsentPurpose.CONTACT_SMS)
                    .findFirst().orElseThrow().id();
            consents.withdraw(person, consent, ConsentMethod.VERBAL);
            return null;
        }));
        assertThat(send(UUID.randomUUID(), person, Channel.SMS, notice)).isEqualTo(Outcome.NO_CONSENT);
        assertThat(texts).hasSize(1);
        assertThat(logRows(person)).as("only what went out is logged").isEqualTo(1);
        assertThat(db.sql("SELECT column_name FROM information_schema.columns WHERE table_name = 'notification_log'")
                .query(String.class).list()).as("the log has no place for a text")
                .containsExactlyInAnyOrder("id", "organisation_id", "person_id", "user_id", "channel", "kind",
                        "recipient", "outcome", "sent_at", "sent_by");

        UUID noPhone = participant("Uten Telefon", null, null, ConsentPurpose.CONTACT_SMS);
        assertThat(send(UUID.randomUUID(), noPhone, Channel.SMS, notice)).isEqualTo(Outcome.NO_ADDRESS);
    }

    @Test
    void theHttpProviderGetsTheTextAndARefusalIsLoggedAsFailedAndMayBeTriedAgain() throws IOException {
        AtomicInteger status = new AtomicInteger(500);
        List<String> bodies = new ArrayList<>();
        List<String> authorisations = new ArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sms", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            authorisations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.start();
        try {
            Notifications viaHttp = with(new HttpSmsGateway(RestClient.builder(),
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/sms", "hemmelig", "Tilfrisk"), null);
            UUID person = participant("Hanne Http", null, "+4790000003", ConsentPurpose.CONTACT_SMS);
            UUID id = UUID.randomUUID();
            Notice notice = Notice.of("test.meeting", "notification.meeting.subject", "notification.meeting.text",
                    "10.12.2026", "09:00");

            assertThat(sendWith(viaHttp, id, person, Channel.SMS, notice)).isEqualTo(Outcome.FAILED);
            assertThat(outcome(id)).isEqualTo("FAILED");
            status.set(200);
            assertThat(sendWith(viaHttp, id, person, Channel.SMS, notice)).as("a failed one may be tried again")
                    .isEqualTo(Outcome.SENT);
            assertThat(sendWith(viaHttp, id, person, Channel.SMS, notice)).isEqualTo(Outcome.ALREADY_SENT);
            assertThat(outcome(id)).isEqualTo("SENT");

            assertThat(bodies).hasSize(2);
            assertThat(bodies.get(1)).contains("\"to\":\"+4790000003\"").contains("\"from\":\"Tilfrisk\"")
                    .contains("Du er invitert til et møte 10.12.2026 kl. 09:00");
            assertThat(authorisations).containsOnly("Bearer hemmelig");
            assertThat(sendWith(viaHttp, UUID.randomUUID(), person, Channel.EMAIL, notice))
                    .as("no consent to e-mail comes before «no mail server»").isEqualTo(Outcome.NO_CONSENT);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aStaffMemberGetsTheirNoticeByEmail() throws Exception {
        UUID staff = asSystem(() -> tx.execute(s -> db.sql("SELECT id FROM app_user WHERE email = 'ansatt@demo.tilfrisk.no'")
                .query(UUID.class).single()));
        UUID id = UUID.randomUUID();
        Notice notice = Notice.of("test.tasks", "notification.tasks.subject", "notification.tasks.text");
        Outcome sent = asSystem(() -> tx.execute(s -> notifications.toUser(id, staff, notice, NB)));
        assertThat(sent).isEqualTo(Outcome.SENT);
        assertThat(smtp.getReceivedMessages()).singleElement().satisfies(m ->
                assertThat(m.getAllRecipients()[0].toString()).isEqualTo("ansatt@demo.tilfrisk.no"));
        List<SentNotice> log = asSystem(() -> tx.execute(s -> notifications.sentToUser(staff)));
        assertThat(log).extracting(SentNotice::id).contains(id);
    }

    @Test
    void aWordingMustBeAFixedNotificationTextAndTheServiceAsksForStaffRights() {
        assertThatThrownBy(() -> Notice.of("test.x", "notification.tasks.subject", "person.note"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Notice.of("Has Spaces", "notification.tasks.subject", "notification.tasks.text"))
                .isInstanceOf(IllegalArgumentException.class);
        UUID person = participant("Uten Rett", "r@example.no", null, ConsentPurpose.CONTACT_EMAIL);
        Notice notice = Notice.of("test.tasks", "notification.tasks.subject", "notification.tasks.text");
        assertThatThrownBy(() -> fromContext.toPerson(UUID.randomUUID(), person, Channel.EMAIL, notice, NB))
                .as("not signed in").isInstanceOf(
                        org.springframework.security.authentication.AuthenticationCredentialsNotFoundException.class);
        Outcome unconfigured = asSystem(() -> fromContext.toPerson(UUID.randomUUID(), person, Channel.EMAIL, notice, NB));
        assertThat(unconfigured).as("no mail server in the shared context").isEqualTo(Outcome.NOT_CONFIGURED);
    }

    private Notifications with(SmsGateway sms, JavaMailSenderImpl mail) {
        return new Notifications(db, consentCheck, persons, users, audit, new Email(mail, "ikke-svar@tilfrisk.no"),
                sms, messages);
    }

    private Outcome send(UUID id, UUID person, Channel channel, Notice notice) {
        return sendWith(notifications, id, person, channel, notice);
    }

    private Outcome sendWith(Notifications via, UUID id, UUID person, Channel channel, Notice notice) {
        return asSystem(() -> tx.execute(s -> via.toPerson(id, person, channel, notice, NB)));
    }

    private UUID participant(String name, String email, String phone, ConsentPurpose consent) {
        UUID person = people.register(DEMO_RECOVERY, "Skien", name);
        asSystem(() -> tx.execute(s -> {
            db.sql("UPDATE person SET email = ?, phone = ? WHERE id = ?").params(email, phone, person).update();
            consents.give(person, new ConsentForm(consent, ConsentMethod.SIGNED, null, null));
            return null;
        }));
        return person;
    }

    private String outcome(UUID id) {
        return asSystem(() -> tx.execute(s -> db.sql("SELECT outcome FROM notification_log WHERE id = ?").param(id)
                .query(String.class).single()));
    }

    private int logRows(UUID person) {
        return asSystem(() -> tx.execute(s -> db.sql("SELECT count(*) FROM notification_log WHERE person_id = ?")
                .param(person).query(Integer.class).single()));
    }

    private int auditRows(UUID person, String what) {
        return asSystem(() -> tx.execute(s -> db.sql("SELECT count(*) FROM audit_event WHERE person_id = ? AND what = ?")
                .params(person, what).query(Integer.class).single()));
    }

    private static <T> T asSystem(Supplier<T> work) {
        return People.asSystem(DEMO_RECOVERY, work);
    }
}
