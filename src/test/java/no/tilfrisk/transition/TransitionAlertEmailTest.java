package no.tilfrisk.transition;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import no.tilfrisk.People;
import no.tilfrisk.TestClock;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.account.TilfriskUser;
import no.tilfrisk.account.UserAccounts;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.followup.ContactFigures;
import no.tilfrisk.notification.Email;
import no.tilfrisk.notification.Notifications;
import no.tilfrisk.notification.SmsGateway;
import no.tilfrisk.person.ConsentCheck;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.platform.scheduling.AsSystem;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.Dates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transition alert's e-mail itself, through a real SMTP server (GreenMail): the daily alerts, with the
 * notification module wired to it, send the coordinator who chose e-mail one message per new alert, in fixed words
 * without the person, the institution or what it is about; the next run the same day sends nothing; the alert is
 * marked as e-mailed; a staff member who did not choose e-mail gets none. The clock stands in 2034 and the
 * transition is cancelled at the end, so no later test meets it.
 */
@TilfriskTest
class TransitionAlertEmailTest {

    static final LocalDate DAY = LocalDate.of(2034, 2, 6);
    private static final List<String> TELLING = List.of("rus", "behandling", "tsb", "psyk", "fengsel", "løslat",
            "utskriv", "diagnose", "medisin", "skien", "bolig");

    @Autowired
    TestClock.SettableClock clock;
    @Autowired
    TransitionRecords records;
    @Autowired
    Transitions transitions;
    @Autowired
    ContactFigures contacts;
    @Autowired
    PersonLookup persons;
    @Autowired
    ConsentCheck consents;
    @Autowired
    UserAccounts users;
    @Autowired
    AuditTrail audit;
    @Autowired
    AsSystem asSystem;
    @Autowired
    MessageSource messages;
    @Autowired
    People people;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;

    GreenMail smtp;
    UUID coordinator;
    UUID staff;
    boolean coordinatorHadChosen;
    UUID transition;

    @BeforeEach
    void start() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        clock.standAt(ZonedDateTime.of(DAY, LocalTime.of(6, 30), Dates.OSLO));
        coordinator = ((TilfriskUser) accounts.loadUserByUsername("koordinator@demo.tilfrisk.no")).userId();
        staff = ((TilfriskUser) accounts.loadUserByUsername("ansatt@demo.tilfrisk.no")).userId();
        coordinatorHadChosen = inDemo(() -> records.wantsEmail(coordinator));
        inDemo(() -> {
            records.chooseEmail(coordinator, true);
            return null;
        });
    }

    @AfterEach
    void stop() {
        smtp.stop();
        if (!coordinatorHadChosen) {
            inDemo(() -> {
                records.chooseEmail(coordinator, false);
                return null;
            });
        }
        if (transition != null) {
            People.asSystem(DEMO_RECOVERY, () -> {
                transitions.cancel(transition, "Testen er ferdig");
                return null;
            });
        }
        clock.release();
    }

    @Test
    void theCoordinatorWhoChoseItGetsOneFixedWordedEmailPerAlertAndNeverTwice() throws Exception {
        UUID person = people.register(DEMO_RECOVERY, "Skien", "Varsel Epost " + UUID.randomUUID());
        transition = People.asSystem(DEMO_RECOVERY, () -> {
            TransitionForm form = new TransitionForm(TransitionKind.PRISON_RELEASE, null, DAY.plusDays(28));
            form.setCoordinatorId(coordinator);
            UUID id = transitions.create(UUID.randomUUID(), person, form);
            ChecklistItem housing = transitions.get(id).items().get(0);
            transitions.setItem(housing.id(), new ItemForm(ItemStatus.IN_PROGRESS, ResponsibleKind.STAFF, staff, null, null));
            return id;
        });
        TransitionAlerts alerts = new TransitionAlerts(records, contacts, persons, audit, asSystem,
                new Notifications(db, consents, persons, users, audit, new Email(sender(), "ikke-svar@tilfrisk.no"),
                        noSms(), messages), clock);

        People.asSystem(DEMO_RECOVERY, () -> tx.execute(s -> alerts.makeAlerts()));
        List<MimeMessage> mine = toCoordinator();
        assertThat(mine).hasSize(emailedAlertsOfCoordinator());
        assertThat(emailed(transition)).containsExactly("WEEKS_4:" + coordinator + ":true", "WEEKS_4:" + staff + ":false");
        for (MimeMessage m : mine) {
            assertThat(m.getSubject()).isEqualTo("Nytt varsel i Tilfrisk");
            String body = m.getContent().toString().strip();
            assertThat(body).isEqualTo(
                    "Hei! Du har et nytt varsel om en overgang i Tilfrisk. Logg inn og se «Mine oppgaver».");
            assertThat(body).doesNotContain("Varsel Epost");
            assertThat(TELLING).noneMatch(w -> body.toLowerCase(Locale.ROOT).contains(w));
        }
        int sent = smtp.getReceivedMessages().length;
        assertThat(sent).as("the staff member did not choose e-mail").isEqualTo(mine.size());

        People.asSystem(DEMO_RECOVERY, () -> tx.execute(s -> alerts.makeAlerts()));
        assertThat(smtp.getReceivedMessages()).as("the same day again: nothing more").hasSize(sent);
    }

    private List<MimeMessage> toCoordinator() throws Exception {
        List<MimeMessage> out = new java.util.ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals("koordinator@demo.tilfrisk.no")) {
                out.add(m);
            }
        }
        return out;
    }

    /** The coordinator's alerts made today and e-mailed (other transitions of the day may have some too). */
    private int emailedAlertsOfCoordinator() {
        return inDemo(() -> db.sql("""
                        SELECT count(*) FROM transition_alert
                         WHERE recipient_id = ? AND created_on = ? AND emailed_at IS NOT NULL""")
                .params(coordinator, DAY).query(Integer.class).single());
    }

    private List<String> emailed(UUID t) {
        return inDemo(() -> db.sql("""
                        SELECT step || ':' || recipient_id || ':' || (emailed_at IS NOT NULL) FROM transition_alert
                         WHERE transition_id = ? ORDER BY recipient_id = ?, step""")
                .params(t, staff).query(String.class).list());
    }

    private <T> T inDemo(java.util.function.Supplier<T> work) {
        return Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> work.get()));
    }

    private JavaMailSenderImpl sender() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
        return sender;
    }

    private static SmsGateway noSms() {
        return new SmsGateway() {
            @Override
            public void send(String phone, String text) {
                throw new AssertionError("no SMS for an alert");
            }

            @Override
            public boolean delivers() {
                return true;
            }
        };
    }
}
