package no.tilfrisk.collaboration;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static no.tilfrisk.Demo.OTHER_ORGANISATION;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.MatrixRequests;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.Dates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page and API endpoint of the collaboration register × every demo role × a record in the caller's own
 * department, in another department, of the whole organisation, and of another organisation. Where there is no
 * right the answer is 403, 404, or the form again with the field's error; it does not show the record, and nothing
 * changes. Where there is a right, the call succeeds and does what it says. A new endpoint without an entry fails.
 */
@TilfriskTest
@Import(People.class)
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
            // a record without a department is one of the caller's own organisation, whichever target it was aimed at
            "admin@annen.tilfrisk.no", Map.of(Action.READ, Set.of(Target.OTHER_ORGANISATION),
                    Action.ADD, Set.of(Target.OTHER_ORGANISATION, Target.WHOLE_ORGANISATION), Action.CHANGE, Set.of(Target.OTHER_ORGANISATION)));

    static final Map<String, String> TOKENS = no.tilfrisk.Demo.TOKENS;

    record Endpoint(Action action, String body) {
    }

    /**
     * Every endpoint with a request that exercises it on the target: {id} the target record, {department} its
     * department (empty for the whole organisation), {new} a fresh title or form id.
     */
    static final Map<String, Endpoint> ENDPOINTS = Map.ofEntries(
            Map.entry("GET /collaboration", new Endpoint(Action.READ, "year={year}")),
            Map.entry("GET /collaboration/new", new Endpoint(Action.ADD, "kind=SEMINAR")),
            Map.entry("POST /collaboration", new Endpoint(Action.ADD,
                    "formId={uuid}&kind=SEMINAR&title={new}&startsOn={today}&participants=3&departmentId={department}")),
            Map.entry("GET /collaboration/{id}/edit", new Endpoint(Action.CHANGE, "")),
            Map.entry("POST /collaboration/{id}", new Endpoint(Action.CHANGE,
                    "title={new}&startsOn={today}&participants=4&departmentId={department}")),
            Map.entry("POST /collaboration/{id}/delete", new Endpoint(Action.CHANGE, "")),
            Map.entry("GET /api/v1/collaboration", new Endpoint(Action.READ, "year={year}")),
            Map.entry("GET /api/v1/collaboration/summary", new Endpoint(Action.READ, "year={year}")),
            Map.entry("GET /api/v1/collaboration/{id}", new Endpoint(Action.READ, "")),
            Map.entry("POST /api/v1/collaboration", new Endpoint(Action.ADD,
                    "{\"kind\": \"SEMINAR\", \"title\": \"{new}\", \"startsOn\": \"{today}\", \"participants\": 3, \"departmentId\": {departmentJson}}")),
            Map.entry("PUT /api/v1/collaboration/{id}", new Endpoint(Action.CHANGE,
                    "{\"title\": \"{new}\", \"startsOn\": \"{today}\", \"participants\": 4, \"departmentId\": {departmentJson}}")),
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
        assertThat(ENDPOINTS.keySet()).containsAll(found);
    }

    @Test
    void noEndpointShowsOrChangesARecordOutsideTheCallersRights() throws Exception {
        List<String> failures = new ArrayList<>();
        for (var account : RIGHTS.entrySet()) {
            UserDetails who = accounts.loadUserByUsername(account.getKey());
            for (Target target : Target.values()) {
                Fixture shared = fixture(target);
                for (var endpoint : ENDPOINTS.entrySet()) {
                    Action action = endpoint.getValue().action();
                    Fixture f = action == Action.CHANGE ? fixture(target) : shared;
                    boolean reach = account.getValue().get(action).contains(target);
                    String fresh = "Matrise ny " + UUID.randomUUID().toString().substring(0, 8);
                    String before = state(f);
                    var response = mvc.perform(request(endpoint.getKey(), endpoint.getValue().body(), f, fresh, who,
                            TOKENS.get(account.getKey()))).andReturn().getResponse();
                    int status = response.getStatus();
                    String body = response.getContentAsString(StandardCharsets.UTF_8);
                    String cell = account.getKey() + " × " + target + " × " + endpoint.getKey() + " → " + status;
                    boolean page = !endpoint.getKey().contains("/api/");
                    boolean read = endpoint.getKey().startsWith("GET");
                    if (status >= 500) {
                        failures.add("server error: " + cell);
                    } else if (endpoint.getKey().equals("GET /collaboration/new")) {
                        // the empty form: for everyone who may add anything, whatever the target
                        boolean should = !account.getValue().get(Action.ADD).isEmpty();
                        if ((status == 200) != should) {
                            failures.add((should ? "denied" : "allowed") + " the form: " + cell);
                        }
                    } else if (reach) {
                        if (status >= 400 || (page && !read && status != 302) || body.contains("field-error")) {
                            failures.add("denied but should be allowed: " + cell);
                        } else if (action == Action.READ && !body.contains(f.title())) {
                            failures.add("does not show the record: " + cell);
                        } else if (action == Action.ADD && !read
                                && count(DEMO_RECOVERY, fresh) + count(OTHER_ORGANISATION, fresh) != 1) {
                            failures.add("did not add the record: " + cell);
                        } else if (action == Action.CHANGE && !read && state(f).equals(before)) {
                            failures.add("did not change the record: " + cell);
                        }
                    } else {
                        boolean refused = status == 403 || status == 404 || status == 400
                                || (status == 200 && (body.contains("field-error") || body.contains("alert-error")));
                        // a list the caller may read, of their own organisation, without the other's record
                        boolean listWithout = read && status == 200 && !body.contains(f.title())
                                && !endpoint.getKey().contains("{id}");
                        if (!refused && !listWithout) {
                            failures.add("allowed but should be denied: " + cell);
                        }
                        if (!state(f).equals(before) || count(DEMO_RECOVERY, fresh) + count(OTHER_ORGANISATION, fresh) != 0) {
                            failures.add("changed the target: " + cell);
                        }
                        if (!account.getValue().get(Action.READ).contains(target) && body.contains(f.title())) {
                            failures.add("shows the record: " + cell);
                        }
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    /** A seminar today in the target's department (none for the whole organisation), with a title that names it. */
    record Fixture(UUID organisation, UUID id, UUID department, String title) {
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

    private int count(UUID organisation, String title) {
        return Tenancy.runAs(organisation, () -> tx.execute(s -> db.sql(
                "SELECT count(*) FROM collaboration_record WHERE title = ?").param(title).query(Integer.class).single()));
    }

    private static MockHttpServletRequestBuilder request(String endpoint, String body, Fixture f, String fresh,
                                                         UserDetails who, String token) {
        String[] parts = endpoint.split(" ");
        String path = parts[1].replace("{id}", f.id().toString());
        String filled = body.replace("{department}", f.department() == null ? "" : f.department().toString())
                .replace("{departmentJson}", f.department() == null ? "null" : "\"" + f.department() + "\"")
                .replace("{today}", today().toString()).replace("{year}", String.valueOf(today().getYear()))
                .replace("{uuid}", UUID.randomUUID().toString()).replace("{new}", fresh);
        if (parts[0].equals("GET") && !filled.isEmpty()) {
            return MatrixRequests.request(parts[0], path + "?" + filled, "", who, token);
        }
        return MatrixRequests.request(parts[0], path, filled, who, token);
    }

    private static LocalDate today() {
        return LocalDate.now(Dates.OSLO);
    }
}
