package no.tilfrisk.transition;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import no.tilfrisk.Demo;
import no.tilfrisk.People;
import no.tilfrisk.TestClock;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.account.TilfriskUser;
import no.tilfrisk.account.UserAccounts;
import no.tilfrisk.person.ConsentForm;
import no.tilfrisk.person.ConsentMethod;
import no.tilfrisk.person.ConsentPurpose;
import no.tilfrisk.person.Consents;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.Dates;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cancelling a transition and adding an item to one transition. The clock stands in March 2020, so what the tests
 * leave (cancelled transitions more than 60 days past) shows in no later test's list, «Min side» or figures.
 * A cancellation needs a reason, keeps who and when, closes the open alerts (the checklist leaves «Mine
 * oppgaver»), makes no new ones, leaves the coming list and the figures, refuses changes, and says «cancelled» on
 * staff's page, on «Min side» and on the partner's page; a double submit cancels once. An item added to one
 * transition is refused field by field and added once for a double submit.
 */
@TilfriskTest
class TransitionCancelTest {

    static final LocalDate DAY = LocalDate.of(2020, 3, 2);

    @Autowired
    TestClock.SettableClock clock;
    @Autowired
    Transitions transitions;
    @Autowired
    TransitionAlerts alerts;
    @Autowired
    TransitionFigures figures;
    @Autowired
    Consents consents;
    @Autowired
    UserAccounts userAccounts;
    @Autowired
    People people;
    @Autowired
    UserDetailsService users;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;

    UserDetails coordinatorUser;
    UUID coordinator;

    @BeforeEach
    void standInMarch2020() {
        clock.standAt(ZonedDateTime.of(DAY, LocalTime.of(9, 0), Dates.OSLO));
        coordinatorUser = users.loadUserByUsername("koordinator@demo.tilfrisk.no");
        coordinator = ((TilfriskUser) coordinatorUser).userId();
    }

    @AfterEach
    void release() {
        clock.release();
    }

    private <T> T asCoordinator(Supplier<T> work) {
        return People.as(coordinatorUser, work);
    }

    private UUID transitionOf(UUID person, int inDays) {
        TransitionForm form = new TransitionForm(TransitionKind.PRISON_RELEASE, null, DAY.plusDays(inDays));
        form.setCoordinatorId(coordinator);
        return asCoordinator(() -> transitions.create(UUID.randomUUID(), person, form));
    }

    private List<String> alertStates(UUID transition) {
        return Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql(
                        "SELECT step || ':' || coalesce(closed_reason, 'OPEN') FROM transition_alert WHERE transition_id = ? ORDER BY step")
                .param(transition).query(String.class).list()));
    }

    @Test
    void aCancelledTransitionClosesItsAlertsMakesNoneCountsNowhereAndRefusesChanges() throws Exception {
        UUID person = people.register(DEMO_RECOVERY, "Skien", "Avlyses " + UUID.randomUUID());
        UUID t = transitionOf(person, 7);
        assertThat(People.asSystem(DEMO_RECOVERY, () -> alerts.makeAlerts())).isPositive();
        assertThat(alertStates(t)).containsExactly("WEEK_1:OPEN");
        assertThat(asCoordinator(() -> alerts.mine())).anyMatch(a -> a.alert().transitionId().equals(t));
        long before = asCoordinator(() -> figures.forPeriod(DAY, DAY.plusDays(30))).total();
        assertThat(asCoordinator(() -> transitions.upcoming(0, 10_000)).items()).anyMatch(u -> u.id().equals(t));

        assertThatThrownBy(() -> asCoordinator(() -> { transitions.cancel(t, "  "); return null; }))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("reason");
                    assertThat(e.code()).isEqualTo("transition.cancel.reason.required");
                });
        assertThatThrownBy(() -> asCoordinator(() -> { transitions.cancel(t, "x".repeat(501)); return null; }))
                .isInstanceOf(InvalidInputException.class);
        assertThat(alertStates(t)).containsExactly("WEEK_1:OPEN");

        // the page asks first and changes nothing; confirmed, it cancels
        MockHttpServletResponse asked = mvc.perform(post("/persons/" + person + "/transitions/" + t + "/cancel")
                .with(user(coordinatorUser)).with(csrf()).param("reason", "Dommen ble endret")).andReturn().getResponse();
        assertThat(asked.getStatus()).isEqualTo(200);
        assertThat(asked.getContentAsString()).contains("confirmed");
        assertThat(asCoordinator(() -> transitions.get(t)).transition().cancelled()).isFalse();
        for (int i = 0; i < 2; i++) { // a double submit cancels once
            MockHttpServletResponse done = mvc.perform(post("/persons/" + person + "/transitions/" + t + "/cancel")
                    .with(user(coordinatorUser)).with(csrf()).param("reason", "Dommen ble endret")
                    .param("confirmed", "true")).andReturn().getResponse();
            assertThat(done.getStatus()).isEqualTo(302);
        }

        TransitionView view = asCoordinator(() -> transitions.get(t));
        assertThat(view.transition().cancelled()).isTrue();
        assertThat(view.transition().cancelledReason()).isEqualTo("Dommen ble endret");
        assertThat(view.transition().cancelledBy()).isEqualTo(coordinator);
        assertThat(view.openAlerts()).isEmpty();
        assertThat(alertStates(t)).containsExactly("WEEK_1:CANCELLED");
        assertThat(asCoordinator(() -> alerts.mine())).noneMatch(a -> a.alert().transitionId().equals(t));
        assertThat(auditCount(person, "transition.cancel")).isOne();

        // no new alert on the day itself, out of the coming list and the figures
        clock.standAt(ZonedDateTime.of(DAY.plusDays(7), LocalTime.of(9, 0), Dates.OSLO));
        People.asSystem(DEMO_RECOVERY, () -> alerts.makeAlerts());
        assertThat(alertStates(t)).containsExactly("WEEK_1:CANCELLED");
        assertThat(asCoordinator(() -> transitions.upcoming(0, 10_000)).items()).noneMatch(u -> u.id().equals(t));
        assertThat(asCoordinator(() -> figures.forPeriod(DAY, DAY.plusDays(30))).total()).isEqualTo(before - 1);

        // no change any more; the page says it is cancelled and offers no form
        UUID item = view.items().get(0).id();
        assertThatThrownBy(() -> asCoordinator(() -> transitions.updateItem(item,
                new ItemUpdate(ItemStatus.IN_PLACE, null), Actor.STAFF))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> asCoordinator(() -> transitions.addItem(UUID.randomUUID(), t, labelled("Nytt"))))
                .isInstanceOf(NotFoundException.class);
        String page = mvc.perform(get("/persons/" + person + "/transitions/" + t).with(user(coordinatorUser))
                .header("Accept-Language", "nb")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Grunn: Dommen ble endret").doesNotContain("/move\"").doesNotContain("/cancel\"");
        assertThat(mvc.perform(get("/persons/" + person + "/transitions").with(user(coordinatorUser))
                .header("Accept-Language", "nb")).andReturn().getResponse().getContentAsString()).contains("Avlyst");
    }

    @Test
    void minSideAndThePartnerSayItIsCancelled() throws Exception {
        // the participant's own (Dag): in March 2020, so it is long past when the clock is released
        UserDetails dagUser = users.loadUserByUsername("deltaker@demo.tilfrisk.no");
        UUID dag = People.asSystem(DEMO_RECOVERY, () -> userAccounts.personOf(((TilfriskUser) dagUser).userId()).orElseThrow());
        UUID mine = transitionOf(dag, 20);
        asCoordinator(() -> { transitions.cancel(mine, "Flyttet til et annet fengsel"); return null; });
        String minSide = mvc.perform(get("/min-side/overgang").with(user(dagUser)).header("Accept-Language", "nb"))
                .andReturn().getResponse().getContentAsString();
        assertThat(minSide).contains("er avlyst");
        assertThatThrownBy(() -> People.as(dagUser, () -> transitions.updateItem(
                asCoordinator(() -> transitions.get(mine)).items().get(0).id(),
                new ItemUpdate(ItemStatus.IN_PLACE, null), Actor.PERSON))).isInstanceOf(NotFoundException.class);

        UUID sharing = people.register(DEMO_RECOVERY, "Skien", "Deler Avlyst " + UUID.randomUUID());
        People.asSystem(DEMO_RECOVERY, () -> consents.give(sharing, new ConsentForm(ConsentPurpose.SHARE_WITH_PARTNER,
                ConsentMethod.SIGNED, null, "NAV Skien")));
        UUID theirs = transitionOf(sharing, 20);
        asCoordinator(() -> { transitions.cancel(theirs, "Avlyst"); return null; });
        String partner = mvc.perform(get("/partner/persons/" + sharing)
                        .with(user(users.loadUserByUsername(Demo.PARTNER))).header("Accept-Language", "nb"))
                .andReturn().getResponse().getContentAsString();
        assertThat(partner).contains("Overgangen er avlyst.");
    }

    @Test
    void anItemForOneTransitionIsCheckedFieldByFieldAndAddedOnce() throws Exception {
        UUID person = people.register(DEMO_RECOVERY, "Skien", "Eget punkt " + UUID.randomUUID());
        UUID t = transitionOf(person, 20);
        int before = asCoordinator(() -> transitions.get(t)).items().size();
        ItemForm bad = labelled(" ");
        bad.setResponsibleKind(ResponsibleKind.PARTNER);
        bad.setResponsiblePartnerOrg(UUID.randomUUID());
        bad.setNote("x".repeat(1001));
        assertThatThrownBy(() -> asCoordinator(() -> transitions.addItem(UUID.randomUUID(), t, bad)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.all())
                        .extracting(x -> x.field() + ":" + x.code()).containsExactlyInAnyOrder(
                                "label:transition.item.label.required",
                                "responsiblePartnerOrg:transition.item.partner.noConsent",
                                "note:transition.item.note.tooLong"));
        assertThat(asCoordinator(() -> transitions.get(t)).items()).hasSize(before);

        UUID formId = UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            MockHttpServletResponse r = mvc.perform(post("/persons/" + person + "/transitions/" + t + "/items")
                    .with(user(coordinatorUser)).with(csrf()).param("formId", formId.toString())
                    .param("label", "Søknad om startlån").param("responsibleKind", "PERSON")
                    .param("dueOn", DAY.plusDays(10).toString())).andReturn().getResponse();
            assertThat(r.getStatus()).isEqualTo(302);
        }
        List<ChecklistItem> items = asCoordinator(() -> transitions.get(t)).items();
        assertThat(items).hasSize(before + 1);
        ChecklistItem added = items.get(items.size() - 1);
        assertThat(added.id()).isEqualTo(formId);
        assertThat(added.code()).isEqualTo(ChecklistCode.OWN);
        assertThat(added.label()).isEqualTo("Søknad om startlån");
        assertThat(added.responsibleKind()).isEqualTo(ResponsibleKind.PERSON);
        assertThat(added.status()).isEqualTo(ItemStatus.NOT_STARTED);
        assertThat(added.dueOn()).isEqualTo(DAY.plusDays(10));

        // the form in English, with the error on its field
        String en = mvc.perform(post("/persons/" + person + "/transitions/" + t + "/items").with(user(coordinatorUser))
                .with(csrf()).param("formId", UUID.randomUUID().toString()).param("label", "")
                .param("lang", "en").header("Accept-Language", "en")).andReturn().getResponse().getContentAsString();
        assertThat(en).contains("Write what must be in place.");
        asCoordinator(() -> { transitions.cancel(t, "Testen er ferdig"); return null; });
    }

    @Test
    void theOpenApiDocumentDescribesTheNewEndpoints() throws Exception {
        String doc = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
        com.jayway.jsonpath.DocumentContext json = com.jayway.jsonpath.JsonPath.parse(doc);
        assertThat((Object) json.read("$.paths['/api/v1/transitions/{id}/cancel'].post.summary")).isNotNull();
        assertThat((Object) json.read("$.paths['/api/v1/transitions/{id}/items'].post.summary")).isNotNull();
        assertThat((Object) json.read("$.paths['/api/v1/partners/{id}'].put.summary")).isNotNull();
        assertThat((Object) json.read("$.paths['/api/v1/persons/{personId}/care-group/meetings/{meetingId}/decisions'].post.summary"))
                .isNotNull();
        assertThat((Object) json.read("$.paths['/api/v1/persons/{personId}/care-group/members/{memberId}'].delete"))
                .isNotNull();
    }

    private static ItemForm labelled(String label) {
        ItemForm f = new ItemForm();
        f.setLabel(label);
        return f;
    }

    private long auditCount(UUID person, String what) {
        return Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql(
                        "SELECT count(*) FROM audit_event WHERE person_id = ? AND what = ?")
                .params(person, what).query(Long.class).single()));
    }
}
