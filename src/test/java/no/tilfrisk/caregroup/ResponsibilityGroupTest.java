package no.tilfrisk.caregroup;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static no.tilfrisk.Demo.OTHER_ORGANISATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import no.tilfrisk.Demo;
import no.tilfrisk.People;
import no.tilfrisk.TestAccounts;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.account.Role;
import no.tilfrisk.account.UserAccounts;
import no.tilfrisk.account.TilfriskUser;
import no.tilfrisk.partner.PartnerKind;
import no.tilfrisk.partner.PartnerOrganisationForm;
import no.tilfrisk.partner.PartnerOrganisations;
import no.tilfrisk.person.ConsentForm;
import no.tilfrisk.person.ConsentMethod;
import no.tilfrisk.person.ConsentPurpose;
import no.tilfrisk.person.Consents;
import no.tilfrisk.plan.GoalForm;
import no.tilfrisk.plan.LifeArea;
import no.tilfrisk.plan.PlanStatus;
import no.tilfrisk.plan.Plans;
import no.tilfrisk.platform.web.Dates;
import no.tilfrisk.platform.web.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The responsibility group: who may be a member (and the clear messages, in both languages, for who may not, with
 * nothing saved), meetings with who came and minutes, decisions that become plan actions, and the person's own view.
 */
@TilfriskTest
class ResponsibilityGroupTest {

    @Autowired
    ResponsibilityGroups groups;
    @Autowired
    PartnerOrganisations partners;
    @Autowired
    Consents consents;
    @Autowired
    Plans plans;
    @Autowired
    People people;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts testAccounts;
    @Autowired
    UserAccounts users;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;

    @Test
    void aMemberFromAnotherOrganisationOrAPartnerWithoutConsentIsRefusedFieldByFieldAndNothingIsSaved() {
        UUID person = people.register(DEMO_RECOVERY, "Skien", "Gruppe Uten Samtykke");
        UUID otherAdmin = asSystem(() -> db.sql("SELECT id FROM app_user WHERE email = 'admin@annen.tilfrisk.no'")
                .query(UUID.class).single(), OTHER_ORGANISATION);
        UUID otherPartner = UUID.randomUUID();
        asSystem(() -> partners.create(otherPartner, new PartnerOrganisationForm("NAV Bergen " + otherPartner, PartnerKind.NAV)),
                OTHER_ORGANISATION);
        UUID otherPerson = people.register(OTHER_ORGANISATION, "Bergen", "Annen Pårørende");

        assertRefused(person, new MemberForm(MemberKind.STAFF, otherAdmin, null, null, null), "userId",
                "caregroup.member.otherOrganisation");
        assertRefused(person, new MemberForm(MemberKind.PARTNER, null, otherPartner, null, null), "partnerId",
                "caregroup.member.otherOrganisation");
        assertRefused(person, new MemberForm(MemberKind.PARTNER, null, PartnerIds.NAV_SKIEN, null, null), "partnerId",
                "caregroup.partner.noConsent");
        assertRefused(person, new MemberForm(MemberKind.RELATIVE, null, null, otherPerson, null), "relativeId",
                "caregroup.member.otherOrganisation");
        assertRefused(person, new MemberForm(null, null, null, null, null), "kind", "caregroup.kind.required");
        assertThat(groupRows(person)).as("nothing half-saved: not even the group").isZero();

        // with the person's consent, NAV Skien may join
        asSystem(() -> consents.give(person, new ConsentForm(ConsentPurpose.SHARE_WITH_PARTNER, ConsentMethod.SIGNED,
                null, "NAV Skien")), DEMO_RECOVERY);
        UUID id = UUID.randomUUID();
        MemberForm nav = new MemberForm(MemberKind.PARTNER, null, PartnerIds.NAV_SKIEN, null, "saksbehandler");
        asSystem(() -> groups.addMember(id, person, nav), DEMO_RECOVERY);
        asSystem(() -> groups.addMember(id, person, nav), DEMO_RECOVERY); // a double submit adds one
        assertThat(asSystem(() -> groups.group(person), DEMO_RECOVERY).members()).singleElement()
                .satisfies(m -> assertThat(m.name()).isEqualTo("NAV Skien"));
        assertRefused(person, new MemberForm(MemberKind.PARTNER, null, PartnerIds.NAV_SKIEN, null, null), "partnerId",
                "caregroup.member.duplicate");
    }

    @Test
    void theFormAnswersWithAClearMessageInEitherLanguageNeverA500() throws Exception {
        UUID person = people.register(DEMO_RECOVERY, "Skien", "Gruppe Skjema");
        UUID otherAdmin = asSystem(() -> db.sql("SELECT id FROM app_user WHERE email = 'admin@annen.tilfrisk.no'")
                .query(UUID.class).single(), OTHER_ORGANISATION);
        var staff = accounts.loadUserByUsername(Demo.STAFF);
        for (String[] lang : new String[][] {{"nb", "Dette medlemmet hører ikke til organisasjonen"},
                {"en", "This member does not belong to the organisation"}}) {
            String body = mvc.perform(post("/persons/" + person + "/ansvarsgruppe/members").with(user(staff)).with(csrf())
                            .param("lang", lang[0]).param("formId", UUID.randomUUID().toString())
                            .param("kind", "STAFF").param("userId", otherAdmin.toString()))
                    .andReturn().getResponse().getContentAsString();
            assertThat(body).contains(lang[1]).contains("field-error");
        }
        int status = mvc.perform(post("/persons/" + person + "/ansvarsgruppe/meetings").with(user(staff)).with(csrf())
                .param("formId", UUID.randomUUID().toString()).param("heldOn", "ikke-en-dato")).andReturn().getResponse().getStatus();
        assertThat(status).isLessThan(500);
        assertThat(groupRows(person)).isZero();
    }

    @Test
    void aMeetingRecordsWhoCameTheMinutesAndDecisionsThatBecomePlanActionsAndThePersonReadsIt() {
        UUID dagPerson = people.register(DEMO_RECOVERY, "Skien", "Gruppe Deltaker");
        var account = testAccounts.create(DEMO_RECOVERY, Role.PARTICIPANT, Set.of());
        asSystem(() -> {
            users.linkPerson(account.id(), dagPerson);
            return null;
        }, DEMO_RECOVERY);
        TilfriskUser dag = (TilfriskUser) accounts.loadUserByUsername(account.email());
        UUID staffId = ((TilfriskUser) accounts.loadUserByUsername(Demo.STAFF)).userId();
        LocalDate today = LocalDate.now(Dates.OSLO);
        UUID me = asSystem(() -> groups.addMember(UUID.randomUUID(), dagPerson,
                new MemberForm(MemberKind.PERSON, null, null, null, null)), DEMO_RECOVERY);
        UUID anders = asSystem(() -> groups.addMember(UUID.randomUUID(), dagPerson,
                new MemberForm(MemberKind.STAFF, staffId, null, null, "veileder")), DEMO_RECOVERY);
        UUID stranger = UUID.randomUUID();
        assertThatThrownBy(() -> asSystem(() -> groups.addMeeting(UUID.randomUUID(), dagPerson,
                new MeetingForm(today, List.of(me, stranger), "Skal ikke lagres")), DEMO_RECOVERY))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("attendees"));

        String minutes = "Referat " + UUID.randomUUID() + ": vi snakket om bolig.";
        UUID meeting = asSystem(() -> groups.addMeeting(UUID.randomUUID(), dagPerson,
                new MeetingForm(today.plusDays(3), List.of(me, anders), minutes)), DEMO_RECOVERY);
        UUID goal = asSystem(() -> plans.addGoal(UUID.randomUUID(), dagPerson, goal("Egen bolig")), DEMO_RECOVERY);
        asSystem(() -> groups.addDecision(UUID.randomUUID(), dagPerson, meeting,
                new DecisionForm("Søke om bostøtte", anders, today.plusDays(14), goal)), DEMO_RECOVERY);
        assertThatThrownBy(() -> asSystem(() -> groups.addDecision(UUID.randomUUID(), dagPerson, meeting,
                new DecisionForm("Uten ansvarlig", null, null, goal)), DEMO_RECOVERY))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("responsibleMemberId"));

        assertThat(asSystem(() -> plans.plan(dagPerson), DEMO_RECOVERY).allActions())
                .anySatisfy(a -> assertThat(a.text()).isEqualTo("Søke om bostøtte"));
        int inClear = asSystem(() -> db.sql("""
                        SELECT count(*) FROM care_meeting WHERE id = ?
                           AND position(convert_to(?, 'UTF8') in minutes_encrypted) > 0""")
                .params(meeting, "vi snakket om bolig").query(Integer.class).single(), DEMO_RECOVERY);
        int stored = asSystem(() -> db.sql("SELECT count(*) FROM care_meeting WHERE id = ? AND minutes_encrypted IS NOT NULL")
                .param(meeting).query(Integer.class).single(), DEMO_RECOVERY);
        assertThat(stored).isOne();
        assertThat(inClear).as("the minutes are encrypted").isZero();

        GroupView mine = People.as(dag, () -> groups.mine());
        assertThat(mine.nextOn(today)).hasValueSatisfying(m -> assertThat(m.minutes()).isEqualTo(minutes));
        assertThat(mine.meetings()).anySatisfy(m -> {
            assertThat(m.attendees()).contains("Anders Ansatt");
            assertThat(m.decisions()).singleElement().satisfies(d -> {
                assertThat(d.responsible()).isEqualTo("Anders Ansatt");
                assertThat(d.inPlan()).isTrue();
            });
        });
    }

    private void assertRefused(UUID person, MemberForm form, String field, String code) {
        assertThatThrownBy(() -> asSystem(() -> groups.addMember(UUID.randomUUID(), person, form), DEMO_RECOVERY))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.code()).isEqualTo(code);
                });
    }

    private int groupRows(UUID person) {
        return asSystem(() -> db.sql("SELECT count(*) FROM care_group WHERE person_id = ?").param(person)
                .query(Integer.class).single(), DEMO_RECOVERY);
    }

    private static GoalForm goal(String text) {
        GoalForm form = new GoalForm();
        form.setLifeArea(LifeArea.HOUSING);
        form.setText(text);
        form.setStatus(PlanStatus.NOT_STARTED);
        return form;
    }

    private <T> T asSystem(Supplier<T> work, UUID organisation) {
        return People.asSystem(organisation, () -> tx.execute(s -> work.get()));
    }

    /** The demo's partner organisations (demo/DemoPartners). */
    static final class PartnerIds {
        static final UUID NAV_SKIEN = UUID.fromString("00000000-0000-4000-8000-0000000a7001");
    }
}
