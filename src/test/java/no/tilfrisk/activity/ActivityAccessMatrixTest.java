package no.tilfrisk.activity;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import no.tilfrisk.AccessMatrix;
import no.tilfrisk.MatrixTarget;
import no.tilfrisk.MatrixRequests;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page and API endpoint of the activity module × every demo role × an activity (with a session, a named
 * attender and a distribution) in the caller's own department, in another department, and in another
 * organisation. Where there is no right the answer is 403 or 404 and shows neither the activity nor the person.
 * A new endpoint without an entry fails the test.
 */
@TilfriskTest
class ActivityAccessMatrixTest {

    /** What an endpoint needs. */
    enum Right {
        /** lists with figures: staff, coordinators, admins, report readers */
        LIST_COUNTS,
        /** pages and lists for making things: staff, coordinators, admins */
        LIST_MANAGE,
        /** the organisation's own kinds: coordinators and admins */
        KINDS,
        /** the calendar: everyone but participants */
        CALENDAR,
        /** read the target activity: its department's staff, report readers, a volunteer who leads it */
        READ,
        /** change the target: its department's staff */
        MANAGE,
        /** the target's roll call: its department's staff, a volunteer who leads it */
        ROLL_CALL,
        /** nobody: the public feed with a token that does not exist */
        NOBODY
    }

    record Account(String email, String role, Set<MatrixTarget> departments) {
    }

    static final Map<String, Account> ACCOUNTS = Stream.of(
            new Account("admin@demo.tilfrisk.no", "ORG_ADMIN", Set.of(MatrixTarget.OWN_DEPARTMENT, MatrixTarget.OTHER_DEPARTMENT)),
            new Account("koordinator@demo.tilfrisk.no", "COORDINATOR", Set.of(MatrixTarget.OWN_DEPARTMENT)),
            new Account("ansatt@demo.tilfrisk.no", "STAFF", Set.of(MatrixTarget.OWN_DEPARTMENT)),
            new Account("frivillig@demo.tilfrisk.no", "VOLUNTEER", Set.of()),
            new Account("deltaker@demo.tilfrisk.no", "PARTICIPANT", Set.of()),
            new Account("styret@demo.tilfrisk.no", "REPORT_VIEWER", Set.of(MatrixTarget.OWN_DEPARTMENT, MatrixTarget.OTHER_DEPARTMENT)),
            new Account("nav@demo.tilfrisk.no", "PARTNER", Set.of()),
            new Account("katalog@demo.tilfrisk.no", "DIRECTORY_EDITOR", Set.of()),
            new Account("admin@annen.tilfrisk.no", "ORG_ADMIN", Set.of(MatrixTarget.OTHER_ORGANISATION)))
            .collect(Collectors.toMap(Account::email, a -> a));

    /** What an endpoint needs, and a request body (form fields or JSON) that exercises it. */
    record Endpoint(Right right, String body) {
    }

    /**
     * Every endpoint: {id} the target activity (a session, distribution or feed of it on their paths), {personId}
     * the attender, {department}, {kind} and {name} the activity's, {token} a feed token that does not exist.
     */
    static final Map<String, Endpoint> ENDPOINTS = Map.ofEntries(
            Map.entry("GET /activities", new Endpoint(Right.LIST_COUNTS, "")),
            Map.entry("GET /activities/new", new Endpoint(Right.LIST_MANAGE, "")),
            Map.entry("POST /activities", new Endpoint(Right.LIST_MANAGE,
                    "formId={new}&name=Ny matrise&format=GROUP&kindId={kind}&departmentId={department}&startDate=2025-01-01")),
            Map.entry("GET /activities/{id}", new Endpoint(Right.READ, "")),
            Map.entry("GET /activities/{id}/edit", new Endpoint(Right.MANAGE, "")),
            Map.entry("POST /activities/{id}", new Endpoint(Right.MANAGE,
                    "name={name}&format=GROUP&kindId={kind}&departmentId={department}&startDate=2025-01-01")),
            Map.entry("POST /activities/{id}/archive", new Endpoint(Right.MANAGE, "confirmed=true")),
            Map.entry("POST /activities/{id}/unarchive", new Endpoint(Right.MANAGE, "")),
            Map.entry("POST /activities/{id}/sessions", new Endpoint(Right.MANAGE, "date={today}&startTime=10:00")),
            Map.entry("GET /activities/kinds", new Endpoint(Right.LIST_MANAGE, "")),
            Map.entry("POST /activities/kinds", new Endpoint(Right.KINDS, "name=Matrisetype")),
            Map.entry("GET /sessions/{id}", new Endpoint(Right.ROLL_CALL, "")),
            Map.entry("GET /sessions/{id}/find", new Endpoint(Right.ROLL_CALL, "q=Matrise")),
            Map.entry("POST /sessions/{id}/attendance/{personId}", new Endpoint(Right.ROLL_CALL, "present=true")),
            Map.entry("POST /sessions/{id}/counts", new Endpoint(Right.ROLL_CALL, "children=1")),
            Map.entry("POST /sessions/{id}/cancel", new Endpoint(Right.MANAGE, "reason=Matrise")),
            Map.entry("POST /sessions/{id}/reinstate", new Endpoint(Right.MANAGE, "")),
            Map.entry("GET /distributions", new Endpoint(Right.LIST_COUNTS, "")),
            Map.entry("GET /distributions/new", new Endpoint(Right.LIST_MANAGE, "")),
            Map.entry("POST /distributions", new Endpoint(Right.LIST_MANAGE,
                    "formId={new}&date={today}&departmentId={department}&kind=OTHER&count=1")),
            Map.entry("POST /distributions/{id}/remove", new Endpoint(Right.MANAGE, "confirmed=true")),
            Map.entry("GET /calendar", new Endpoint(Right.CALENDAR, "")),
            Map.entry("GET /calendar/feeds", new Endpoint(Right.LIST_MANAGE, "")),
            Map.entry("POST /calendar/feeds", new Endpoint(Right.LIST_MANAGE, "departmentId={department}")),
            Map.entry("POST /calendar/feeds/{id}/revoke", new Endpoint(Right.MANAGE, "")),
            Map.entry("GET /calendar/feed/{token}.ics", new Endpoint(Right.NOBODY, "")),
            Map.entry("GET /api/v1/activities", new Endpoint(Right.LIST_COUNTS, "")),
            Map.entry("GET /api/v1/activity-kinds", new Endpoint(Right.LIST_COUNTS, "")),
            Map.entry("POST /api/v1/activity-kinds", new Endpoint(Right.KINDS, "{\"name\": \"Matrisetype\"}")),
            Map.entry("POST /api/v1/activities", new Endpoint(Right.LIST_MANAGE,
                    "{\"name\": \"Ny matrise\", \"format\": \"EVENT\", \"kindId\": \"{kind}\", \"departmentId\": \"{department}\", \"startDate\": \"2025-01-01\"}")),
            Map.entry("GET /api/v1/activities/{id}", new Endpoint(Right.READ, "")),
            Map.entry("PUT /api/v1/activities/{id}", new Endpoint(Right.MANAGE,
                    "{\"name\": \"{name}\", \"format\": \"GROUP\", \"kindId\": \"{kind}\", \"departmentId\": \"{department}\", \"startDate\": \"2025-01-01\"}")),
            Map.entry("DELETE /api/v1/activities/{id}", new Endpoint(Right.MANAGE, "")),
            Map.entry("POST /api/v1/activities/{id}/unarchive", new Endpoint(Right.MANAGE, "")),
            Map.entry("GET /api/v1/activities/{id}/sessions", new Endpoint(Right.READ, "")),
            Map.entry("POST /api/v1/activities/{id}/sessions", new Endpoint(Right.MANAGE, "{\"date\": \"{today}\", \"startTime\": \"11:00\"}")),
            Map.entry("GET /api/v1/sessions/{id}", new Endpoint(Right.READ, "")),
            Map.entry("POST /api/v1/sessions/{id}/cancel", new Endpoint(Right.MANAGE, "{\"reason\": \"Matrise\"}")),
            Map.entry("POST /api/v1/sessions/{id}/reinstate", new Endpoint(Right.MANAGE, "")),
            Map.entry("GET /api/v1/sessions/{id}/attendance", new Endpoint(Right.ROLL_CALL, "")),
            Map.entry("PUT /api/v1/sessions/{id}/attendance", new Endpoint(Right.ROLL_CALL,
                    "{\"personIds\": [\"{personId}\"], \"adults\": 1, \"children\": 0, \"guests\": 0}")),
            Map.entry("GET /api/v1/distributions", new Endpoint(Right.LIST_COUNTS, "")),
            Map.entry("POST /api/v1/distributions", new Endpoint(Right.LIST_MANAGE,
                    "{\"date\": \"{today}\", \"departmentId\": \"{department}\", \"kind\": \"OTHER\", \"count\": 1}")),
            Map.entry("DELETE /api/v1/distributions/{id}", new Endpoint(Right.MANAGE, "")));

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    People people;
    @Autowired
    ActivityFixtures fixtures;
    @Autowired
    Distributions distributions;
    @Autowired
    CalendarFeeds feeds;
    @Autowired
    Activities activities;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointOfTheModuleIsInTheMatrix() {
        Set<String> found = MatrixRequests.endpointsIn(mappings, "no.tilfrisk.activity");
        assertThat(found).isNotEmpty();
        AccessMatrix.assertListsEvery(ENDPOINTS, found);
    }

    @Test
    void noEndpointShowsOrChangesAnActivityOutsideTheCallersRights() throws Exception {
        AccessMatrix.of(mvc, accounts, ENDPOINTS, Endpoint::body, List.of(MatrixTarget.values()), this::fixture)
                .accounts(ACCOUNTS.keySet())
                .allowed(c -> allowed(ACCOUNTS.get(c.account()), c.target(), c.row().right()))
                // an allowed call may meet a validation error or a conflict; only a refusal counts as denied
                .lenient(status -> status == 401 || status == 403 || status == 404)
                .check((c, r) -> !allowed(ACCOUNTS.get(c.account()), c.target(), Right.READ)
                        && r.body().contains(c.fixture().activityName()) ? "shows the activity" : null)
                .check((c, r) -> !allowed(ACCOUNTS.get(c.account()), c.target(), Right.ROLL_CALL)
                        && r.body().contains(c.fixture().personName()) ? "shows the person" : null)
                .verify();
    }

    private static boolean allowed(Account a, MatrixTarget target, Right right) {
        boolean staff = Set.of("ORG_ADMIN", "COORDINATOR", "STAFF").contains(a.role());
        boolean ownOrganisation = a.email().endsWith("@annen.tilfrisk.no") == (target == MatrixTarget.OTHER_ORGANISATION);
        boolean department = a.departments().contains(target);
        boolean leads = a.role().equals("VOLUNTEER") && target == MatrixTarget.OWN_DEPARTMENT;
        return switch (right) {
            case LIST_COUNTS -> staff || a.role().equals("REPORT_VIEWER");
            case LIST_MANAGE -> staff;
            case KINDS -> a.role().equals("ORG_ADMIN") || a.role().equals("COORDINATOR");
            // a partner and a directory editor have no calendar
            case CALENDAR -> !a.role().equals("PARTICIPANT") && !a.role().equals("PARTNER")
                    && !a.role().equals("DIRECTORY_EDITOR");
            case READ -> ownOrganisation && (department || leads);
            case MANAGE -> ownOrganisation && staff && department;
            case ROLL_CALL -> ownOrganisation && ((staff && department) || leads);
            case NOBODY -> false;
        };
    }

    /**
     * A low-threshold group in the target department with a session today, a named attender, a distribution to
     * them and a calendar feed; in the caller's own department the demo volunteer leads it.
     */
    record Fixture(UUID organisation, UUID activity, UUID session, UUID person, UUID distribution, UUID distribution2, UUID feed,
                   UUID department, UUID kind, String activityName, String personName) implements AccessMatrix.Fixture {

        /** {id} is the session, distribution (the page and the API each remove one) or feed its path is about. */
        @Override
        public Map<String, ?> values(String endpoint) {
            String path = endpoint.substring(endpoint.indexOf(' ') + 1);
            UUID id = path.startsWith("/sessions") || path.startsWith("/api/v1/sessions") ? session
                    : path.startsWith("/api/v1/distributions") ? distribution2
                    : path.contains("distributions") ? distribution
                    : path.startsWith("/calendar/feeds") ? feed : activity;
            return Map.of("id", id, "personId", person, "token", "ukjent-" + UUID.randomUUID(), "name", activityName,
                    "kind", kind, "department", department);
        }
    }

    private Fixture fixture(MatrixTarget target) {
        UUID organisation = target.organisation();
        String department = target.department();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        UUID volunteer = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s ->
                db.sql("SELECT id FROM app_user WHERE email = 'frivillig@demo.tilfrisk.no'").query(UUID.class).single()));
        Activity activity = fixtures.activity(organisation, department, "Matriseaktivitet " + tag, true,
                LocalDate.now().minusMonths(1), null, target == MatrixTarget.OWN_DEPARTMENT ? List.of(volunteer) : List.of());
        UUID session = fixtures.session(organisation, activity.id(), LocalDate.now()).id();
        String personName = "Matriseperson " + tag;
        UUID person = people.register(organisation, department, personName);
        fixtures.attendance(organisation, session, List.of(person), 2, 0, 0);
        return People.asSystem(organisation, () -> {
            DistributionForm form = new DistributionForm();
            form.setDate(LocalDate.now());
            form.setDepartmentId(activity.departmentId());
            form.setKind(DistributionKind.GIFT_CARD);
            form.setCount(1);
            UUID distribution = distributions.register(UUID.randomUUID(), form);
            // the page and the API each remove one
            UUID distribution2 = distributions.register(UUID.randomUUID(), form);
            UUID feed = feeds.create(activity.departmentId()).id();
            return new Fixture(organisation, activity.id(), session, person, distribution, distribution2, feed, activity.departmentId(),
                    activities.kinds().get(0).id(), activity.name(), personName);
        });
    }
}
