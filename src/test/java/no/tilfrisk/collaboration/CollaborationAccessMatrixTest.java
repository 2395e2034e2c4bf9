package no.tilfrisk.collaboration;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static no.tilfrisk.Demo.OTHER_ORGANISATION;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.AccessMatrix;
import no.tilfrisk.MatrixRequests;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
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
 * Every page and API endpoint of the collaboration register × every demo role × a record in the caller's own
 * department, in another department, of the whole organisation, and of another organisation. Where there is no
 * right the answer is 403, 404, or the form again with the field's error; it does not show the record, and nothing
 * changes. Where there is a right, the call succeeds and does what it says. A new endpoint without an entry fails.
 */
@TilfriskTest
class CollaborationAccessMatrixTest {

    enum Target { OWN_DEPARTMENT, OTHER_DEPARTMENT, WHOLE_ORGANISATION, OTHER_ORGANISATION }

    /** What an endpoint does with its target: read it, add a record in its department, or change or delete it. */
    enum Action { READ, ADD, CHANGE }

    static final Set<Target> DEMO = Set.of(Target.OWN_DEPARTMENT, Target.OTHER_DEPARTMENT, Target.WHOLE_ORGANISATION);

    /** Which targets each demo account may read, add to, and change. */
    static final Map<String, Map<Action, Set<Target>>> RIGHTS = Map.of(
            "admin@demo.tilfrisk.no", Map.of(Action.READ, DEMO, Action.ADD, DEMO, Action.CHANGE, DEMO),
            "koordinator@demo.tilfrisk.no", Map.of(Action.READ, DEMO,
                    Action.ADD, Set.of(Target.OWN_DEPARTMENT, Target.WHOLE_ORGANISATION),
                    Action.CHANGE, Set.of(Target.OWN_DEPARTMENT, Target.WHOLE_ORGANISATION)),
            "ansatt@demo.tilfrisk.no", Map.of(Action.READ, DEMO,
                    Action.ADD, Set.of(Target.OWN_DEPARTMENT, Target.WHOLE_ORGANISATION), Action.CHANGE, Set.of()),
            "frivillig@demo.tilfrisk.no", Map.of(Action.READ, Set.of(), Action.ADD, Set.of(), Action.CHANGE, Set.of()),
            "deltaker@demo.tilfrisk.no", Map.of(Action.READ, Set.of(), Action.ADD, Set.of(), Action.CHANGE, Set.of()),
            "styret@demo.tilfrisk.no", Map.of(Action.READ, DEMO, Action.ADD, Set.of(), Action.CHANGE, Set.of()),
            "nav@demo.tilfrisk.no", Map.of(Action.READ, Set.of(), Action.ADD, Set.of(), Action.CHANGE, Set.of()),
            "katalog@demo.tilfrisk.no", Map.of(Action.READ, Set.of(), Action.ADD, Set.of(), Action.CHANGE, Set.of()),
            // a record without a department is one of the caller's own organisation, whichever target it was aimed at
            "admin@annen.tilfrisk.no", Map.of(Action.READ, Set.of(Target.OTHER_ORGANISATION),
                    Action.ADD, Set.of(Target.OTHER_ORGANISATION, Target.WHOLE_ORGANISATION), Action.CHANGE, Set.of(Target.OTHER_ORGANISATION)));

    record Endpoint(Action action, String body) {
    }

    /** The title a call that adds gives its record: the matrix looks for it in both organisations. */
    static final String TITLE = "Matrise ny ";

    /**
     * Every endpoint with a request that exercises it on the target: {id} the target record, {department} its
     * department (empty for the whole organisation), {new} fresh for each request (form id, and the title after
     * {@link #TITLE}).
     */
    static final Map<String, Endpoint> ENDPOINTS = Map.ofEntries(
            Map.entry("GET /collaboration", new Endpoint(Action.READ, "year={year}")),
            Map.entry("GET /collaboration/new", new Endpoint(Action.ADD, "kind=SEMINAR")),
            Map.entry("POST /collaboration", new Endpoint(Action.ADD,
                    "formId={new}&kind=SEMINAR&title=Matrise ny {new}&startsOn={today}&participants=3&departmentId={department}")),
            Map.entry("GET /collaboration/{id}/edit", new Endpoint(Action.CHANGE, "")),
            Map.entry("POST /collaboration/{id}", new Endpoint(Action.CHANGE,
                    "title=Matrise ny {new}&startsOn={today}&participants=4&departmentId={department}")),
            Map.entry("POST /collaboration/{id}/delete", new Endpoint(Action.CHANGE, "confirmed=true")),
            Map.entry("GET /api/v1/collaboration", new Endpoint(Action.READ, "year={year}")),
            Map.entry("GET /api/v1/collaboration/summary", new Endpoint(Action.READ, "year={year}")),
            Map.entry("GET /api/v1/collaboration/{id}", new Endpoint(Action.READ, "")),
            Map.entry("POST /api/v1/collaboration", new Endpoint(Action.ADD,
                    "{\"kind\": \"SEMINAR\", \"title\": \"Matrise ny {new}\", \"startsOn\": \"{today}\", \"participants\": 3, \"departmentId\": {departmentJson}}")),
            Map.entry("PUT /api/v1/collaboration/{id}", new Endpoint(Action.CHANGE,
                    "{\"title\": \"Matrise ny {new}\", \"startsOn\": \"{today}\", \"participants\": 4, \"departmentId\": {departmentJson}}")),
            Map.entry("DELETE /api/v1/collaboration/{id}", new Endpoint(Action.CHANGE, "")));

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    People people;
    @Autowired
    CollaborationRegister register;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointOfTheModuleIsInTheMatrix() {
        Set<String> found = MatrixRequests.endpointsIn(mappings, "no.tilfrisk.collaboration");
        assertThat(found).hasSizeGreaterThan(10);
        AccessMatrix.assertListsEvery(ENDPOINTS, found);
    }

    @Test
    void noEndpointShowsOrChangesARecordOutsideTheCallersRights() throws Exception {
        AccessMatrix.of(mvc, accounts, ENDPOINTS, Endpoint::body, List.of(Target.values()), this::fixture)
                .accounts(RIGHTS.keySet())
                .allowed(c -> rights(c, c.row().action()).contains(c.target()))
                .formErrorsRefuse()
                .state(this::state)
                // changing or deleting uses the target up: each such call gets a fresh one
                .fixtureFor(c -> c.row().action() == Action.CHANGE ? fixture(c.target()) : c.fixture())
                // a list the caller may read, of their own organisation, without the other's record
                .deniedMayAnswer((c, r) -> c.read() && r.status() == 200 && !r.body().contains(c.fixture().title())
                        && !c.endpoint().contains("{id}"))
                // the empty form: for everyone who may add anything, whatever the target
                .judge(c -> c.endpoint().equals("GET /collaboration/new"), (c, r) -> {
                    boolean should = !rights(c, Action.ADD).isEmpty();
                    return (r.status() == 200) != should ? (should ? "denied" : "allowed") + " the form" : null;
                })
                // and where there is a right, the call does what it says
                .check((c, r) -> r.allowed() && c.row().action() == Action.READ && !r.body().contains(c.fixture().title())
                        ? "does not show the record" : null)
                .check((c, r) -> r.allowed() && c.row().action() == Action.ADD && !c.read() && added(c.fresh()) != 1
                        ? "did not add the record" : null)
                .check((c, r) -> r.allowed() && c.row().action() == Action.CHANGE && !c.read() && !r.changed()
                        ? "did not change the record" : null)
                .check((c, r) -> !r.allowed() && added(c.fresh()) != 0 ? "added a record" : null)
                .check((c, r) -> !r.allowed() && !rights(c, Action.READ).contains(c.target())
                        && r.body().contains(c.fixture().title()) ? "shows the record" : null)
                .verify();
    }

    private static Set<Target> rights(AccessMatrix.Cell<?, ?, ?> c, Action action) {
        return RIGHTS.get(c.account()).get(action);
    }

    /** A seminar today in the target's department (none for the whole organisation), with a title that names it. */
    record Fixture(UUID organisation, UUID id, UUID department, String title) implements AccessMatrix.Fixture {
        /** {department} empty and {departmentJson} null for the whole organisation; {year} this year. */
        @Override
        public Map<String, ?> values(String endpoint) {
            return Map.of("id", id, "department", department == null ? "" : department.toString(),
                    "departmentJson", department == null ? "null" : "\"" + department + "\"",
                    "year", today().getYear());
        }
    }

    private Fixture fixture(Target target) {
        UUID organisation = target == Target.OTHER_ORGANISATION ? OTHER_ORGANISATION : DEMO_RECOVERY;
        String title = "Matrise " + UUID.randomUUID().toString().substring(0, 8);
        return People.asSystem(organisation, () -> {
            UUID department = switch (target) {
                case OWN_DEPARTMENT -> people.department("Skien").id();
                case OTHER_DEPARTMENT -> people.department("Stavanger").id();
                case WHOLE_ORGANISATION -> null;
                case OTHER_ORGANISATION -> people.department("Bergen").id();
            };
            CollaborationForm form = CollaborationForm.of(CollaborationKind.SEMINAR, today());
            form.setTitle(title);
            form.setParticipants(12);
            form.setDepartmentId(department);
            return new Fixture(organisation, register.create(UUID.randomUUID(), form), department, title);
        });
    }

    /** Everything about the target that an endpoint could change; «gone» once deleted. */
    private String state(Fixture f) {
        return Tenancy.runAs(f.organisation(), () -> tx.execute(s -> db.sql("""
                        SELECT coalesce((SELECT concat_ws('|', title, participants, starts_on, department_id, updated_at)
                                           FROM collaboration_record WHERE id = ?), 'gone')""")
                .param(f.id()).query(String.class).single()));
    }

    /** How many records, in either organisation, the call added under its fresh title. */
    private int added(String fresh) {
        return count(DEMO_RECOVERY, TITLE + fresh) + count(OTHER_ORGANISATION, TITLE + fresh);
    }

    private int count(UUID organisation, String title) {
        return Tenancy.runAs(organisation, () -> tx.execute(s -> db.sql(
                "SELECT count(*) FROM collaboration_record WHERE title = ?").param(title).query(Integer.class).single()));
    }

    private static LocalDate today() {
        return LocalDate.now(Dates.OSLO);
    }
}
