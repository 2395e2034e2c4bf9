package no.tilfrisk.transition;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static no.tilfrisk.Demo.OTHER_ORGANISATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.account.TilfriskUser;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.Dates;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bad input and double submits: an expected date in the past for a new transition, an actual date before the stay
 * began, another organisation's person, institution or staff member, a partner without consent, an over-long
 * note; each a message on its field (in nb and en on the page and the API), never a 500, nothing half-saved; the
 * same form sent twice makes one transition with one checklist.
 */
@TilfriskTest
class TransitionServicesTest {

    @Autowired
    Transitions transitions;
    @Autowired
    TransitionSettings settings;
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

    private final LocalDate today = LocalDate.now(Dates.OSLO);

    private <T> T asCoordinator(Supplier<T> work) {
        return People.as(users.loadUserByUsername("koordinator@demo.tilfrisk.no"), work);
    }

    private UUID person() {
        return people.register(DEMO_RECOVERY, "Skien", "Feil " + UUID.randomUUID());
    }

    private long transitionsOf(UUID person) {
        return Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql("""
                        SELECT (SELECT count(*) FROM transition WHERE person_id = :p)
                             + (SELECT count(*) FROM transition_checklist_item i JOIN transition t ON t.id = i.transition_id
                                 WHERE t.person_id = :p)""")
                .param("p", person).query(Long.class).single()));
    }

    private static List<String> fields(Throwable e) {
        return ((InvalidInputException) e).all().stream().map(x -> x.field() + ":" + x.code()).toList();
    }

    @Test
    void aNewTransitionExpectedInThePastOrEndingBeforeItsStayIsRefusedFieldByFieldAndNothingIsSaved() {
        UUID person = person();
        TransitionForm past = new TransitionForm(TransitionKind.PRISON_RELEASE, null, today.minusDays(1));
        assertThatThrownBy(() -> asCoordinator(() -> transitions.create(UUID.randomUUID(), person, past)))
                .satisfies(e -> assertThat(fields(e)).containsExactly("expectedOn:transition.expectedOn.past"));

        TransitionForm early = new TransitionForm(TransitionKind.DISCHARGE_TSB, null, today.plusDays(3));
        early.setStayStartedOn(today.minusDays(10));
        early.setActualOn(today.minusDays(20));
        early.setMunicipality("Ikke en kommune");
        assertThatThrownBy(() -> asCoordinator(() -> transitions.create(UUID.randomUUID(), person, early)))
                .satisfies(e -> assertThat(fields(e)).containsExactlyInAnyOrder(
                        "actualOn:transition.actualOn.beforeStay", "municipality:transition.municipality.unknown"));

        TransitionForm noKind = new TransitionForm(null, null, null);
        assertThatThrownBy(() -> asCoordinator(() -> transitions.create(UUID.randomUUID(), person, noKind)))
                .satisfies(e -> assertThat(fields(e)).containsExactlyInAnyOrder(
                        "kind:transition.kind.required", "expectedOn:transition.expectedOn.required"));
        assertThat(transitionsOf(person)).isZero();

        // recorded after it happened, with its actual date, an earlier expected date is what it was
        TransitionForm happened = new TransitionForm(TransitionKind.OTHER, null, today.minusDays(5));
        happened.setActualOn(today.minusDays(4));
        asCoordinator(() -> transitions.create(UUID.randomUUID(), person, happened));
        assertThat(transitionsOf(person)).isEqualTo(1 + 9);
    }

    @Test
    void anotherOrganisationsPersonInstitutionOrStaffMemberIsNotOurs() {
        UUID theirs = people.register(OTHER_ORGANISATION, "Bergen", "Annen " + UUID.randomUUID());
        UUID theirInstitution = People.asSystem(OTHER_ORGANISATION, () -> settings.institutions().get(0).id());
        UUID theirAdmin = ((TilfriskUser) users.loadUserByUsername("admin@annen.tilfrisk.no")).userId();
        TransitionForm form = new TransitionForm(TransitionKind.PRISON_RELEASE, null, today.plusDays(10));
        assertThatThrownBy(() -> asCoordinator(() -> transitions.create(UUID.randomUUID(), theirs, form)))
                .isInstanceOf(NotFoundException.class);

        UUID person = person();
        TransitionForm foreign = new TransitionForm(TransitionKind.PRISON_RELEASE, theirInstitution, today.plusDays(10));
        foreign.setCoordinatorId(theirAdmin);
        assertThatThrownBy(() -> asCoordinator(() -> transitions.create(UUID.randomUUID(), person, foreign)))
                .satisfies(e -> assertThat(fields(e)).containsExactlyInAnyOrder(
                        "institutionId:transition.institution.unknown", "coordinatorId:transition.coordinator.unknown"));
        assertThat(transitionsOf(person)).isZero();

        UUID id = asCoordinator(() -> transitions.create(UUID.randomUUID(), person,
                new TransitionForm(TransitionKind.PRISON_RELEASE, null, today.plusDays(10))));
        ChecklistItem housing = asCoordinator(() -> transitions.get(id).items().get(0));
        ItemForm toTheirs = new ItemForm(ItemStatus.IN_PROGRESS, ResponsibleKind.STAFF, theirAdmin, null, "x".repeat(1001));
        assertThatThrownBy(() -> asCoordinator(() -> transitions.setItem(housing.id(), toTheirs)))
                .satisfies(e -> assertThat(fields(e)).containsExactlyInAnyOrder(
                        "responsibleAccountId:transition.item.staff.unknown", "note:transition.item.note.tooLong"));
        ItemForm toPartner = new ItemForm(ItemStatus.IN_PROGRESS, ResponsibleKind.PARTNER, null, null, null);
        toPartner.setResponsiblePartnerOrg(UUID.randomUUID());
        assertThatThrownBy(() -> asCoordinator(() -> transitions.setItem(housing.id(), toPartner)))
                .satisfies(e -> assertThat(fields(e)).containsExactly(
                        "responsiblePartnerOrg:transition.item.partner.noConsent"));
        assertThat(asCoordinator(() -> transitions.item(housing.id())).status()).isEqualTo(ItemStatus.NOT_STARTED);
        // a transition or item of another organisation is not found
        UUID theirTransition = People.asSystem(OTHER_ORGANISATION, () -> transitions.create(UUID.randomUUID(), theirs,
                new TransitionForm(TransitionKind.OTHER, null, today.plusDays(3))));
        assertThatThrownBy(() -> asCoordinator(() -> transitions.get(theirTransition))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> asCoordinator(() -> transitions.create(theirTransition, person,
                new TransitionForm(TransitionKind.OTHER, null, today.plusDays(3))))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theSameFormSentTwiceMakesOneTransitionWithOneChecklist() throws Exception {
        UUID person = person();
        UserDetails coordinator = users.loadUserByUsername("koordinator@demo.tilfrisk.no");
        UUID formId = UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            MockHttpServletResponse r = mvc.perform(post("/persons/" + person + "/transitions").with(user(coordinator))
                    .with(csrf()).param("formId", formId.toString()).param("kind", "PRISON_RELEASE")
                    .param("expectedOn", today.plusDays(30).toString())).andReturn().getResponse();
            assertThat(r.getStatus()).isEqualTo(302);
            assertThat(r.getRedirectedUrl()).isEqualTo("/persons/" + person + "/transitions/" + formId);
        }
        assertThat(transitionsOf(person)).isEqualTo(1 + 9);
    }

    @Test
    void thePageAndTheApiSayWhatIsWrongInTheReadersLanguage() throws Exception {
        UUID person = person();
        UserDetails coordinator = users.loadUserByUsername("koordinator@demo.tilfrisk.no");
        MockHttpServletResponse nb = mvc.perform(post("/persons/" + person + "/transitions").with(user(coordinator))
                .with(csrf()).param("formId", UUID.randomUUID().toString()).param("kind", "PRISON_RELEASE")
                .param("expectedOn", today.minusDays(2).toString()).header("Accept-Language", "nb"))
                .andReturn().getResponse();
        assertThat(nb.getStatus()).isEqualTo(200);
        assertThat(nb.getContentAsString()).contains("field-error").contains("Forventet dato kan ikke være før i dag.");
        MockHttpServletResponse en = mvc.perform(post("/persons/" + person + "/transitions").with(user(coordinator))
                .with(csrf()).param("formId", UUID.randomUUID().toString()).param("kind", "PRISON_RELEASE")
                .param("expectedOn", "not a date").param("lang", "en").header("Accept-Language", "en"))
                .andReturn().getResponse();
        assertThat(en.getStatus()).isEqualTo(200);
        assertThat(en.getContentAsString()).contains("field-error");
        MockHttpServletResponse api = mvc.perform(post("/api/v1/persons/" + person + "/transitions")
                .header("Authorization", "Bearer demo-koordinator").header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\": \"PRISON_RELEASE\", \"expectedOn\": \"" + today.minusDays(2) + "\"}"))
                .andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(400);
        assertThat(api.getContentAsString()).contains("expectedOn").contains("The expected date cannot be before today.");
        assertThat(transitionsOf(person)).isZero();
    }
}
