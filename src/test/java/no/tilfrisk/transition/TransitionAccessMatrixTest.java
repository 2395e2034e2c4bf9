package no.tilfrisk.transition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.AccessMatrix;
import no.tilfrisk.Demo;
import no.tilfrisk.MatrixRequests;
import no.tilfrisk.MatrixTarget;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.account.TilfriskUser;
import no.tilfrisk.account.UserAccounts;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.Dates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page and API endpoint of the transition module × every demo role × a person with a transition (its items,
 * an alert, the organisation's institutions and own items) in the caller's own department, in another department,
 * and in another organisation. Staff follow the person register's department rule; the organisation's lists are
 * the admin's; an alert is closed only by its recipient; the participant (deltaker@) sees only their own transition
 * on «Min side» and marks only their own items; report readers and volunteers nothing. Where there is no right the
 * answer is 403, 404 or the form again with an error, nothing changes, and the person's name does not leak. (The
 * PARTNER role is added to this table by the partner module.) A new endpoint without an entry here fails the test.
 */
@TilfriskTest
class TransitionAccessMatrixTest {

    enum Need {
        /** admins, coordinators and staff; not about the target */
        STAFF_ANY,
        /** admins of the caller's organisation; not about the target */
        ADMIN_ANY,
        /** admins of the target's organisation */
        ADMIN_ORGANISATION,
        /** admins of the target's organisation, coordinators and staff of its department */
        STAFF_DEPARTMENT,
        /** the alert's recipient (the target organisation's admin) */
        RECIPIENT,
        /** the participant; not about the target */
        PARTICIPANT_ANY,
        /** the participant, on their own item (in the demo organisation) */
        PARTICIPANT_OWN
    }

    record Endpoint(Need need, String body) {
    }

    private static final String FORM = "formId={new}&kind=PRISON_RELEASE&expectedOn={today}&institutionId={listedId}";

    static final Map<String, Endpoint> ENDPOINTS = Map.ofEntries(
            Map.entry("GET /transitions", new Endpoint(Need.STAFF_ANY, "")),
            Map.entry("POST /transitions/email-choice", new Endpoint(Need.STAFF_ANY, "email=false")),
            Map.entry("GET /persons/{personId}/transitions", new Endpoint(Need.STAFF_DEPARTMENT, "")),
            Map.entry("GET /persons/{personId}/transitions/new", new Endpoint(Need.STAFF_DEPARTMENT, "")),
            Map.entry("POST /persons/{personId}/transitions", new Endpoint(Need.STAFF_DEPARTMENT, FORM)),
            Map.entry("GET /persons/{personId}/transitions/{id}", new Endpoint(Need.STAFF_DEPARTMENT, "")),
            Map.entry("GET /persons/{personId}/transitions/{id}/edit", new Endpoint(Need.STAFF_DEPARTMENT, "")),
            Map.entry("POST /persons/{personId}/transitions/{id}", new Endpoint(Need.STAFF_DEPARTMENT,
                    "kind=DISCHARGE_TSB&ownWords=Matrise")),
            Map.entry("POST /persons/{personId}/transitions/{id}/move", new Endpoint(Need.STAFF_DEPARTMENT,
                    "expectedOn={later}&reason=Matrise")),
            Map.entry("POST /persons/{personId}/transitions/{id}/items/{itemId}/status", new Endpoint(Need.STAFF_DEPARTMENT,
                    "status=IN_PLACE")),
            Map.entry("GET /persons/{personId}/transitions/{id}/items/{itemId}", new Endpoint(Need.STAFF_DEPARTMENT, "")),
            Map.entry("POST /persons/{personId}/transitions/{id}/items/{itemId}", new Endpoint(Need.STAFF_DEPARTMENT,
                    "status=IN_PROGRESS&note=Matrise")),
            Map.entry("GET /persons/{personId}/transitions/{id}/items/new", new Endpoint(Need.STAFF_DEPARTMENT, "")),
            Map.entry("POST /persons/{personId}/transitions/{id}/items", new Endpoint(Need.STAFF_DEPARTMENT,
                    "formId={new}&label=Matrise&responsibleKind=PERSON")),
            Map.entry("POST /persons/{personId}/transitions/{id}/cancel", new Endpoint(Need.STAFF_DEPARTMENT,
                    "reason=Matrise&confirmed=true")),
            Map.entry("POST /transitions/alerts/{alertId}/done", new Endpoint(Need.RECIPIENT, "")),
            Map.entry("GET /admin/transitions", new Endpoint(Need.ADMIN_ANY, "")),
            Map.entry("POST /admin/transitions/institutions", new Endpoint(Need.ADMIN_ANY, "formId={new}&name=Matrise {new}")),
            Map.entry("POST /admin/transitions/institutions/{institutionId}/active", new Endpoint(Need.ADMIN_ORGANISATION, "active=false")),
            Map.entry("POST /admin/transitions/extras", new Endpoint(Need.ADMIN_ANY, "formId={new}&label=Matrise {new}")),
            Map.entry("POST /admin/transitions/extras/{extraId}/retire", new Endpoint(Need.ADMIN_ORGANISATION, "")),
            Map.entry("GET /min-side/overgang", new Endpoint(Need.PARTICIPANT_ANY, "")),
            Map.entry("POST /min-side/overgang/items/{itemId}", new Endpoint(Need.PARTICIPANT_OWN, "status=IN_PLACE")),
            Map.entry("GET /api/v1/transitions", new Endpoint(Need.STAFF_ANY, "")),
            Map.entry("GET /api/v1/persons/{personId}/transitions", new Endpoint(Need.STAFF_DEPARTMENT, "")),
            Map.entry("POST /api/v1/persons/{personId}/transitions", new Endpoint(Need.STAFF_DEPARTMENT,
                    "{\"kind\": \"PRISON_RELEASE\", \"expectedOn\": \"{today}\"}")),
            Map.entry("GET /api/v1/transitions/{id}", new Endpoint(Need.STAFF_DEPARTMENT, "")),
            Map.entry("PUT /api/v1/transitions/{id}", new Endpoint(Need.STAFF_DEPARTMENT,
                    "{\"kind\": \"DISCHARGE_TSB\", \"ownWords\": \"Matrise\"}")),
            Map.entry("POST /api/v1/transitions/{id}/date-moves", new Endpoint(Need.STAFF_DEPARTMENT,
                    "{\"expectedOn\": \"{later}\", \"reason\": \"Matrise\"}")),
            Map.entry("POST /api/v1/transitions/{id}/cancel", new Endpoint(Need.STAFF_DEPARTMENT,
                    "{\"reason\": \"Matrise\"}")),
            Map.entry("POST /api/v1/transitions/{id}/items", new Endpoint(Need.STAFF_DEPARTMENT,
                    "{\"label\": \"Matrise\", \"responsibleKind\": \"PERSON\"}")),
            Map.entry("GET /api/v1/transitions/items/{itemId}", new Endpoint(Need.STAFF_DEPARTMENT, "")),
            Map.entry("PUT /api/v1/transitions/items/{itemId}", new Endpoint(Need.STAFF_DEPARTMENT,
                    "{\"status\": \"IN_PROGRESS\", \"note\": \"Matrise\"}")),
            Map.entry("POST /api/v1/transitions/items/{itemId}/status", new Endpoint(Need.STAFF_DEPARTMENT,
                    "{\"status\": \"IN_PLACE\"}")),
            Map.entry("GET /api/v1/transitions/alerts", new Endpoint(Need.STAFF_ANY, "")),
            Map.entry("POST /api/v1/transitions/alerts/{alertId}/done", new Endpoint(Need.RECIPIENT, "")),
            Map.entry("GET /api/v1/transitions/email-choice", new Endpoint(Need.STAFF_ANY, "")),
            Map.entry("PUT /api/v1/transitions/email-choice", new Endpoint(Need.STAFF_ANY, "{\"email\": false}")),
            Map.entry("GET /api/v1/transitions/settings/institutions", new Endpoint(Need.STAFF_ANY, "")),
            Map.entry("POST /api/v1/transitions/settings/institutions", new Endpoint(Need.ADMIN_ANY,
                    "{\"name\": \"Matrise {new}\"}")),
            Map.entry("PUT /api/v1/transitions/settings/institutions/{institutionId}/active",
                    new Endpoint(Need.ADMIN_ORGANISATION, "{\"active\": false}")),
            Map.entry("GET /api/v1/transitions/settings/extras", new Endpoint(Need.STAFF_ANY, "")),
            Map.entry("POST /api/v1/transitions/settings/extras", new Endpoint(Need.ADMIN_ANY,
                    "{\"label\": \"Matrise {new}\"}")),
            Map.entry("POST /api/v1/transitions/settings/extras/{extraId}/retire",
                    new Endpoint(Need.ADMIN_ORGANISATION, "")));

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    UserAccounts userAccounts;
    @Autowired
    People people;
    @Autowired
    Transitions transitions;
    @Autowired
    TransitionSettings settings;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointOfTheModuleIsInTheMatrix() {
        Set<String> found = MatrixRequests.endpointsIn(mappings, "no.tilfrisk.transition");
        assertThat(found).hasSizeGreaterThan(20);
        AccessMatrix.assertListsEvery(ENDPOINTS, found);
    }

    @Test
    void noEndpointShowsOrChangesATransitionOutsideTheCallersRights() throws Exception {
        AccessMatrix.of(mvc, accounts, ENDPOINTS, Endpoint::body, List.of(MatrixTarget.values()), this::fixture)
                .accounts(Demo.TOKENS.keySet())
                .allowed(c -> allowed(c.account(), c.target(), c.row().need()))
                .formErrorsRefuse()
                // a cancel uses its transition up: an allowed one gets a fresh fixture, which it cancels itself
                .fixtureFor(c -> c.endpoint().endsWith("/cancel") && allowed(c.account(), c.target(), c.row().need())
                        ? fixture(c.target()) : c.fixture())
                // and every shared fixture is cancelled when done, so no later test meets it in a list or a task
                .afterTarget(f -> People.asSystem(f.organisation(), () -> {
                    transitions.cancel(f.transition(), "Matrisen er ferdig");
                    return null;
                }))
                .state(this::state)
                .check((c, r) -> !seesPersons(c.account(), c.target()) && r.body().contains(c.fixture().name())
                        ? "shows the person" : null)
                .verify();
    }

    private static boolean allowed(String account, MatrixTarget target, Need need) {
        boolean admin = account.startsWith("admin@");
        boolean coordinator = account.startsWith("koordinator@");
        boolean staff = account.startsWith("ansatt@");
        boolean demoTarget = target != MatrixTarget.OTHER_ORGANISATION;
        boolean sameOrganisation = account.endsWith("@annen.tilfrisk.no") != demoTarget;
        return switch (need) {
            case STAFF_ANY -> admin || coordinator || staff;
            case ADMIN_ANY -> admin;
            case ADMIN_ORGANISATION, RECIPIENT -> admin && sameOrganisation;
            case STAFF_DEPARTMENT -> sameOrganisation && (admin || ((coordinator || staff) && target == MatrixTarget.OWN_DEPARTMENT));
            case PARTICIPANT_ANY -> account.startsWith("deltaker@");
            case PARTICIPANT_OWN -> account.startsWith("deltaker@") && demoTarget;
        };
    }

    private static boolean seesPersons(String account, MatrixTarget target) {
        return MatrixTarget.DEPARTMENT_RULE.get(account).contains(target);
    }

    /** {@code listed}: a seeded institution the forms name; {@code institution}: one of the fixture's own to toggle. */
    record Fixture(UUID organisation, String name, UUID person, UUID transition, UUID item, UUID alert,
                   UUID listed, UUID institution, UUID extra, UUID myItem) implements AccessMatrix.Fixture {
        @Override
        public Map<String, ?> values(String endpoint) {
            UUID itemId = endpoint.startsWith("POST /min-side/") ? myItem : item;
            return Map.of("personId", person, "id", transition, "itemId", itemId, "alertId", alert,
                    "institutionId", institution, "listedId", listed, "extraId", extra,
                    "later", LocalDate.now(Dates.OSLO).plusDays(40).toString());
        }
    }

    /** Dag's (the demo participant's) own item, made once: every demo target uses it. */
    private UUID dagsItem;

    private Fixture fixture(MatrixTarget target) {
        UUID org = target.organisation();
        String name = "Matrise " + UUID.randomUUID().toString().substring(0, 8);
        UUID person = people.register(org, target.department(), name);
        UUID admin = user(target.admin());
        return People.asSystem(org, () -> {
            UUID listed = settings.institutions().stream().filter(Institution::seeded).findFirst().orElseThrow().id();
            UUID institution = settings.addInstitution(UUID.randomUUID(), "Sted " + UUID.randomUUID(), null);
            UUID extra = settings.addExtra(UUID.randomUUID(), "Punkt " + UUID.randomUUID());
            TransitionForm form = new TransitionForm(TransitionKind.PRISON_RELEASE, listed,
                    LocalDate.now(Dates.OSLO).plusDays(20));
            form.setCoordinatorId(admin);
            UUID t = transitions.create(UUID.randomUUID(), person, form);
            List<ChecklistItem> items = transitions.get(t).items();
            ChecklistItem own = items.get(1);
            transitions.setItem(own.id(), new ItemForm(ItemStatus.NOT_STARTED, ResponsibleKind.PERSON, null, null, null));
            UUID alert = UUID.randomUUID();
            tx.executeWithoutResult(st -> db.sql("""
                            INSERT INTO transition_alert (id, organisation_id, transition_id, step, target_date, recipient_id,
                                                          open_items, created_on)
                            VALUES (?, ?, ?, 'WEEKS_4', ?, ?, ARRAY[?]::uuid[], ?)""")
                    .params(alert, org, t, LocalDate.now(Dates.OSLO).plusDays(20), admin, items.get(0).id(),
                            LocalDate.now(Dates.OSLO)).update());
            UUID myItem = org.equals(Demo.DEMO_RECOVERY) ? dagsItem(admin) : own.id();
            return new Fixture(org, name, person, t, items.get(0).id(), alert, listed, institution, extra, myItem);
        });
    }

    private UUID dagsItem(UUID admin) {
        if (dagsItem == null) {
            UUID dag = userAccounts.personOf(user("deltaker@demo.tilfrisk.no")).orElseThrow();
            TransitionForm form = new TransitionForm(TransitionKind.DISCHARGE_TSB, null, LocalDate.now(Dates.OSLO).plusDays(30));
            form.setCoordinatorId(admin);
            UUID t = transitions.create(UUID.randomUUID(), dag, form);
            ChecklistItem item = transitions.get(t).items().get(2);
            transitions.setItem(item.id(), new ItemForm(ItemStatus.NOT_STARTED, ResponsibleKind.PERSON, null, null, null));
            dagsItem = item.id();
        }
        return dagsItem;
    }

    private UUID user(String email) {
        return ((TilfriskUser) accounts.loadUserByUsername(email)).userId();
    }

    /** Everything about the target that an endpoint could change. */
    private String state(Fixture f) {
        return Tenancy.runAs(f.organisation(), () -> tx.execute(s -> db.sql("""
                        SELECT concat_ws('|',
                               (SELECT string_agg(concat_ws('/', id, kind, expected_on, own_words, updated_at), ',' ORDER BY id)
                                  FROM transition WHERE person_id = :person),
                               (SELECT string_agg(concat_ws('/', id, status, note, responsible_kind), ',' ORDER BY id)
                                  FROM transition_checklist_item WHERE id IN (:item, :myItem)),
                               (SELECT count(*) FROM transition_date_move WHERE transition_id = :transition),
                               (SELECT count(*) FROM transition_checklist_item WHERE transition_id = :transition),
                               (SELECT cancelled_at FROM transition WHERE id = :transition),
                               (SELECT closed_at FROM transition_alert WHERE id = :alert),
                               (SELECT active FROM transition_institution WHERE id = :institution),
                               (SELECT active FROM transition_checklist_extra WHERE id = :extra))""")
                .param("person", f.person()).param("item", f.item()).param("myItem", f.myItem())
                .param("transition", f.transition()).param("alert", f.alert()).param("institution", f.institution())
                .param("extra", f.extra())
                .query(String.class).single()));
    }
}
