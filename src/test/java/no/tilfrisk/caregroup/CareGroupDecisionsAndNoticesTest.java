package no.tilfrisk.caregroup;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import no.tilfrisk.Demo;
import no.tilfrisk.People;
import no.tilfrisk.TestAccounts;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.account.Role;
import no.tilfrisk.account.TilfriskUser;
import no.tilfrisk.account.UserAccounts;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.notification.Email;
import no.tilfrisk.notification.Notifications;
import no.tilfrisk.notification.SmsGateway;
import no.tilfrisk.person.ConsentCheck;
import no.tilfrisk.person.ConsentForm;
import no.tilfrisk.person.ConsentMethod;
import no.tilfrisk.person.ConsentPurpose;
import no.tilfrisk.person.Consents;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.platform.web.Dates;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.transition.ChecklistCode;
import no.tilfrisk.transition.ChecklistItem;
import no.tilfrisk.transition.ResponsibleKind;
import no.tilfrisk.transition.TransitionForm;
import no.tilfrisk.transition.TransitionKind;
import no.tilfrisk.transition.Transitions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A decision of the responsibility group becomes an item of the person's open transition (who answers for it, its
 * due date), once for a double submit, with field-by-field refusals; the notice of a meeting set goes through a real
 * SMTP server (GreenMail) to the members who chose a channel, with fixed words and no health details, never twice;
 * the next meeting shows on the start page of «Min side». The transitions made here are cancelled at the end, so no
 * later test meets them.
 */
@TilfriskTest
class CareGroupDecisionsAndNoticesTest {

    private static final List<String> HEALTH_WORDS = List.of("rus", "behandling", "tsb", "psyk", "fengsel",
            "løslat", "utskriv", "diagnose", "medisin", "avhengig", "bolig");

    @Autowired
    ResponsibilityGroups groups;
    @Autowired
    CareGroupRecords records;
    @Autowired
    Transitions transitions;
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
    Clock clock;
    @Autowired
    People people;
    @Autowired
    TestAccounts testAccounts;
    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService accounts;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;

    private final LocalDate today = LocalDate.now(Dates.OSLO);
    private final List<UUID> made = new java.util.ArrayList<>();
    GreenMail smtp;

    @BeforeEach
    void startSmtp() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
    }

    @AfterEach
    void cleanUp() {
        smtp.stop();
        made.forEach(t -> asSystem(() -> {
            transitions.cancel(t, "Testen er ferdig");
            return null;
        }));
    }

    @Test
    void aDecisionBecomesAnItemOfTheOpenTransitionOnceWithWhoAnswersAndWhen() {
        UUID person = people.register(DEMO_RECOVERY, "Skien", "Vedtak Sjekkliste " + UUID.randomUUID());
        UUID staffId = ((TilfriskUser) accounts.loadUserByUsername(Demo.STAFF)).userId();
        UUID me = asSystem(() -> groups.addMember(UUID.randomUUID(), person,
                new MemberForm(MemberKind.PERSON, null, null, null, null)));
        UUID anders = asSystem(() -> groups.addMember(UUID.randomUUID(), person,
                new MemberForm(MemberKind.STAFF, staffId, null, null, "veileder")));
        UUID meeting = asSystem(() -> groups.addMeeting(UUID.randomUUID(), person,
                new MeetingForm(today.minusDays(1), List.of(me, anders), null)));

        // no open transition yet: told on the choice; no responsible: told on its field; nothing saved
        DecisionForm early = new DecisionForm("Søke om startlån", null, today.plusDays(10), null);
        early.setBecomes(DecisionTarget.CHECKLIST_ITEM);
        assertThatThrownBy(() -> asSystem(() -> groups.addDecision(UUID.randomUUID(), person, meeting, early)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.all())
                        .extracting(x -> x.field() + ":" + x.code()).containsExactlyInAnyOrder(
                                "becomes:caregroup.decision.noTransition",
                                "responsibleMemberId:caregroup.decision.responsible.forChecklist"));
        DecisionForm noGoal = new DecisionForm("Uten mål", anders, null, null);
        noGoal.setBecomes(DecisionTarget.PLAN_ACTION);
        assertThatThrownBy(() -> asSystem(() -> groups.addDecision(UUID.randomUUID(), person, meeting, noGoal)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("goalId"));

        TransitionForm form = new TransitionForm(TransitionKind.PRISON_RELEASE, null, today.plusDays(30));
        UUID transition = asSystem(() -> transitions.create(UUID.randomUUID(), person, form));
        made.add(transition);
        int before = asSystem(() -> transitions.get(transition)).items().size();
        UUID decision = UUID.randomUUID();
        DecisionForm becomesItem = new DecisionForm("Søke om startlån", anders, today.plusDays(10), null);
        becomesItem.setBecomes(DecisionTarget.CHECKLIST_ITEM);
        asSystem(() -> groups.addDecision(decision, person, meeting, becomesItem));
        asSystem(() -> groups.addDecision(decision, person, meeting, becomesItem)); // a double submit
        List<ChecklistItem> items = asSystem(() -> transitions.get(transition)).items();
        assertThat(items).hasSize(before + 1);
        ChecklistItem item = items.get(items.size() - 1);
        assertThat(item.code()).isEqualTo(ChecklistCode.OWN);
        assertThat(item.label()).isEqualTo("Søke om startlån");
        assertThat(item.responsibleKind()).isEqualTo(ResponsibleKind.STAFF);
        assertThat(item.responsibleAccountId()).isEqualTo(staffId);
        assertThat(item.dueOn()).isEqualTo(today.plusDays(10));
        assertThat(asSystem(() -> groups.group(person)).meetings()).singleElement()
                .satisfies(m -> assertThat(m.decisions()).singleElement().satisfies(d -> {
                    assertThat(d.inChecklist()).isTrue();
                    assertThat(d.inPlan()).isFalse();
                }));
    }

    @Test
    void aMeetingSetIsToldOnceToTheMembersWhoChoseAChannelInFixedWords() throws Exception {
        UUID person = people.register(DEMO_RECOVERY, "Skien", "Møte Varsel " + UUID.randomUUID());
        var account = testAccounts.create(DEMO_RECOVERY, Role.PARTICIPANT, Set.of());
        UUID staffId = ((TilfriskUser) accounts.loadUserByUsername(Demo.STAFF)).userId();
        UUID coordinatorId = ((TilfriskUser) accounts.loadUserByUsername("koordinator@demo.tilfrisk.no")).userId();
        UUID relative = people.register(DEMO_RECOVERY, "Skien", "Pårørende Uten Samtykke " + UUID.randomUUID());
        asSystem(() -> tx.execute(s -> {
            users.linkPerson(account.id(), person);
            db.sql("UPDATE person SET email = ?, phone = ? WHERE id = ?").params("mote@example.no", "+47 900 00 002", person)
                    .update();
            db.sql("UPDATE person SET email = ? WHERE id = ?").params("slekt@example.no", relative).update();
            consents.give(person, new ConsentForm(ConsentPurpose.CONTACT_EMAIL, ConsentMethod.SIGNED, null, null));
            return null;
        }));
        MemberForm staff = new MemberForm(MemberKind.STAFF, staffId, null, null, null);
        staff.setNotifyEmail(true);
        asSystem(() -> groups.addMember(UUID.randomUUID(), person, new MemberForm(MemberKind.PERSON, null, null, null, null)));
        asSystem(() -> groups.addMember(UUID.randomUUID(), person, staff));
        asSystem(() -> groups.addMember(UUID.randomUUID(), person,
                new MemberForm(MemberKind.COORDINATOR, coordinatorId, null, null, null)));

        // through the shared context (no mail server there) the meeting is saved and nothing breaks
        LocalDate on = today.plusDays(9);
        UUID meeting = asSystem(() -> groups.addMeeting(UUID.randomUUID(), person, new MeetingForm(on, List.of(), null)));

        // the same notices through GreenMail: the person (e-mail consent) and the staff member who chose e-mail
        MeetingNotices notices = greenMailNotices();
        List<CareGroupRecords.MemberRow> members = asSystem(() -> tx.execute(s ->
                records.members(records.groupOf(person).orElseThrow())));
        Integer first = asSystem(() -> tx.execute(s -> notices.meetingSet(meeting, on, person, members)));
        Integer again = asSystem(() -> tx.execute(s -> notices.meetingSet(meeting, on, person, members)));
        Integer past = asSystem(() -> tx.execute(s -> notices.meetingSet(UUID.randomUUID(), today.minusDays(1), person,
                members)));
        assertThat(first).isEqualTo(2);
        assertThat(again).as("never twice").isZero();
        assertThat(past).as("a past meeting").isZero();
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(Arrays.stream(received).map(m -> {
            try {
                return m.getAllRecipients()[0].toString();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).containsExactlyInAnyOrder("mote@example.no", "ansatt@demo.tilfrisk.no");
        String date = DateTimeFormatter.ofPattern("dd.MM.yyyy").format(on);
        for (MimeMessage m : received) {
            assertThat(m.getSubject()).isEqualTo("Møte i ansvarsgruppen");
            String body = m.getContent().toString().strip();
            assertThat(body).isEqualTo("Hei! Det er satt opp et møte i ansvarsgruppen din " + date
                    + ". Logg inn på Min side i Tilfrisk for å se mer.");
            assertThat(HEALTH_WORDS).noneMatch(w -> body.toLowerCase(Locale.ROOT).contains(w));
        }

        // the start page of «Min side» shows the next meeting
        String home = mvc.perform(get("/min-side").with(user(accounts.loadUserByUsername(account.email())))
                .header("Accept-Language", "nb")).andReturn().getResponse().getContentAsString();
        assertThat(home).contains("Neste møte i ansvarsgruppen: " + date);
    }

    private MeetingNotices greenMailNotices() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
        SmsGateway sms = new SmsGateway() {
            @Override
            public void send(String phone, String text) {
                throw new AssertionError("no SMS consent was given: " + phone);
            }

            @Override
            public boolean delivers() {
                return true;
            }
        };
        return new MeetingNotices(new Notifications(db, consentCheck, persons, users, audit,
                new Email(sender, "ikke-svar@tilfrisk.no"), sms, messages), clock);
    }

    private static <T> T asSystem(Supplier<T> work) {
        return People.asSystem(DEMO_RECOVERY, work);
    }
}
