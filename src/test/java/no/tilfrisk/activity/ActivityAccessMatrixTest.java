package no.tilfrisk.activity;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static no.tilfrisk.Demo.OTHER_ORGANISATION;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.MatrixTarget;
import no.tilfrisk.MatrixRequests;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.platform.tenancy.Tenancy;
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
 * Every page and API endpoint of the activity module × every demo role × an activity (with a session, a named
 * attender and a distribution) in the caller's own department, in another department, and in another
 * organisation. Where there is no right the answer is 403 or 404 and shows neither the activity nor the person.
 * A new endpoint without an entry fails the test.
 */
@TilfriskTest
@Import({People.class, ActivityFixtures.class})
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

    record Account(String email, String token, String role, Set<MatrixTarget> departments) {
    }

    static final List<Account> ACCOUNTS = List.of(
            new Account("admin@demo.tilfrisk.no", "demo-admin", "ORG_ADMIN", Set.of(MatrixTarget.OWN_DEPARTMENT, MatrixTarget.OTHER_DEPARTMENT)),
            new Account("koordinator@demo.tilfrisk.no", "demo-koordinator", "COORDINATOR", Set.of(MatrixTarget.OWN_DEPARTMENT)),
            new Account("ansatt@demo.tilfrisk.no", "demo-ansatt", "STAFF", Set.of(MatrixTarget.OWN_DEPARTMENT)),
            new Account("frivillig@demo.tilfrisk.no", "demo-frivillig", "VOLUNTEER", Set.of()),
            new Account("deltaker@demo.tilfrisk.no", "demo-deltaker", "PARTICIPANT", Set.of()),
            new Account("styret@demo.tilfrisk.no", "demo-styret", "REPORT_VIEWER", Set.of(MatrixTarget.OWN_DEPARTMENT, MatrixTarget.OTHER_DEPARTMENT)),
            new Account("admin@annen.tilfrisk.no", "demo-annen", "ORG_ADMIN", Set.of(MatrixTarget.OTHER_ORGANISATION)));

    /** Endpoint → what it needs, and a request body (form fields or JSON) that exercises it. */
    static final Map<String, Object[]> ENDPOINTS = Map.ofEntries(
            Map.entry("GET /activities", new Object[] {Right.LIST_COUNTS, ""}),
            Map.entry("GET /activities/new", new Object[] {Right.LIST_MANAGE, ""}),
            Map.entry("POST /activities", new Object[] {Right.LIST_MANAGE,
                    "formId={formId}&name=Ny matrise&format=GROUP&kindId={kind}&departmentId={department}&startDate=2025-01-01"}),
            Map.entry("GET /activities/{id}", new Object[] {Right.READ, ""}),
            Map.entry("GET /activities/{id}/edit", new Object[] {Right.MANAGE, ""}),
            Map.entry("POST /activities/{id}", new Object[] {Right.MANAGE,
                    "name={name}&format=GROUP&kindId={kind}&departmentId={department}&startDate=2025-01-01"}),
            Map.entry("POST /activities/{id}/archive", new Object[] {Right.MANAGE, ""}),
            Map.entry("POST /activities/{id}/sessions", new Object[] {Right.MANAGE, "date={today}&startTime=10:00"}),
            Map.entry("GET /activities/kinds", new Object[] {Right.LIST_MANAGE, ""}),
            Map.entry("POST /activities/kinds", new Object[] {Right.KINDS, "name=Matrisetype"}),
            Map.entry("GET /sessions/{id}", new Object[] {Right.ROLL_CALL, ""}),
            Map.entry("GET /sessions/{id}/find", new Object[] {Right.ROLL_CALL, "q=Matrise"}),
            Map.entry("POST /sessions/{id}/attendance/{personId}", new Object[] {Right.ROLL_CALL, "present=true"}),
            Map.entry("POST /sessions/{id}/counts", new Object[] {Right.ROLL_CALL, "children=1"}),
            Map.entry("POST /sessions/{id}/cancel", new Object[] {Right.MANAGE, "reason=Matrise"}),
            Map.entry("POST /sessions/{id}/reinstate", new Object[] {Right.MANAGE, ""}),
            Map.entry("GET /distributions", new Object[] {Right.LIST_COUNTS, ""}),
            Map.entry("GET /distributions/new", new Object[] {Right.LIST_MANAGE, ""}),
            Map.entry("POST /distributions", new Object[] {Right.LIST_MANAGE,
                    "formId={formId}&date={today}&departmentId={department}&kind=OTHER&count=1"}),
            Map.entry("POST /distributions/{id}/remove", new Object[] {Right.MANAGE, ""}),
            Map.entry("GET /calendar", new Object[] {Right.CALENDAR, ""}),
            Map.entry("GET /calendar/feeds", new Object[] {Right.LIST_MANAGE, ""}),
            Map.entry("POST /calendar/feeds", new Object[] {Right.LIST_MANAGE, "departmentId={department}"}),
            Map.entry("POST /calendar/feeds/{id}/revoke", new Object[] {Right.MANAGE, ""}),
            Map.entry("GET /calendar/feed/{token}.ics", new Object[] {Right.NOBODY, ""}),
            Map.entry("GET /api/v1/activities", new Object[] {Right.LIST_COUNTS, ""}),
            Map.entry("GET /api/v1/activity-kinds", new Object[] {Right.LIST_COUNTS, ""}),
            Map.entry("POST /api/v1/activities", new Object[] {Right.LIST_MANAGE,
                    "{\"name\": \"Ny matrise\", \"format\": \"EVENT\", \"kindId\": \"{kind}\", \"departmentId\": \"{department}\", \"startDate\": \"2025-01-01\"}"}),
            Map.entry("GET /api/v1/activities/{id}", new Object[] {Right.READ, ""}),
            Map.entry("PUT /api/v1/activities/{id}", new Object[] {Right.MANAGE,
                    "{\"name\": \"{name}\", \"format\": \"GROUP\", \"kindId\": \"{kind}\", \"departmentId\": \"{department}\", \"startDate\": \"2025-01-01\"}"}),
            Map.entry("DELETE /api/v1/activities/{id}", new Object[] {Right.MANAGE, ""}),
            Map.entry("GET /api/v1/activities/{id}/sessions", new Object[] {Right.READ, ""}),
            Map.entry("POST /api/v1/activities/{id}/sessions", new Object[] {Right.MANAGE, "{\"date\": \"{today}\", \"startTime\": \"11:00\"}"}),
            Map.entry("GET /api/v1/sessions/{id}", new Object[] {Right.READ, ""}),
            Map.entry("POST /api/v1/sessions/{id}/cancel", new Object[] {Right.MANAGE, "{\"reason\": \"Matrise\"}"}),
            Map.entry("GET /api/v1/sessions/{id}/attendance", new Object[] {Right.ROLL_CALL, ""}),
            Map.entry("PUT /api/v1/sessions/{id}/attendance", new Object[] {Right.ROLL_CALL,
                    "{\"personIds\": [\"{personId}\"], \"adults\": 1, \"children\": 0, \"guests\": 0}"}),
            Map.entry("GET /api/v1/distributions", new Object[] {Right.LIST_COUNTS, ""}),
            Map.entry("POST /api/v1/distributions", new Object[] {Right.LIST_MANAGE,
                    "{\"date\": \"{today}\", \"departmentId\": \"{department}\", \"kind\": \"OTHER\", \"count\": 1}"}),
            Map.entry("DELETE /api/v1/distributions/{id}", new Object[] {Right.MANAGE, ""}));

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
        assertThat(ENDPOINTS.keySet()).containsAll(found);
    }

    @Test
    void noEndpointShowsOrChangesAnActivityOutsideTheCallersRights() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Account account : ACCOUNTS) {
            UserDetails who = accounts.loadUserByUsername(account.email());
            for (MatrixTarget target : MatrixTarget.values()) {
                Fixture f = fixture(target);
                for (var endpoint : ENDPOINTS.entrySet()) {
                    Right right = (Right) endpoint.getValue()[0];
                    boolean allowed = allowed(account, target, right, f);
                    var response = mvc.perform(request(endpoint.getKey(), (String) endpoint.getValue()[1], f, who,
                            account.token())).andReturn().getResponse();
                    int status = response.getStatus();
                    String body = response.getContentAsString();
                    String cell = account.email() + " × " + target + " × " + endpoint.getKey() + " → " + status;
                    if (status >= 500) {
                        failures.add("server error: " + cell);
                    } else if (allowed && (status == 401 || status == 403 || status == 404)) {
                        failures.add("denied but should be allowed: " + cell);
                    } else if (!allowed && !(status == 403 || status == 404)) {
                        failures.add("allowed but should be denied: " + cell);
                    }
                    if (!allowed(account, target, Right.READ, f) && body.contains(f.activityName())) {
                        failures.add("shows the activity: " + cell);
                    }
                    if (!allowed(account, target, Right.ROLL_CALL, f) && body.contains(f.personName())) {
                        failures.add("shows the person: " + cell);
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    private static boolean allowed(Account a, MatrixTarget target, Right right, Fixture f) {
        boolean staff = Set.of("ORG_ADMIN", "COORDINATOR", "STAFF").contains(a.role());
        boolean ownOrganisation = a.email().endsWith("@annen.tilfrisk.no") == (target == MatrixTarget.OTHER_ORGANISATION);
        boolean department = a.departments().contains(target);
        boolean leads = a.role().equals("VOLUNTEER") && target == MatrixTarget.OWN_DEPARTMENT;
        return switch (right) {
            case LIST_COUNTS -> staff || a.role().equals("REPORT_VIEWER");
            case LIST_MANAGE -> staff;
            case KINDS -> a.role().equals("ORG_ADMIN") || a.role().equals("COORDINATOR");
            case CALENDAR -> !a.role().equals("PARTICIPANT");
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
                   UUID department, UUID kind, String activityName, String personName) {
    }

    private Fixture fixture(MatrixTarget target) {
        UUID organisation = target == MatrixTarget.OTHER_ORGANISATION ? OTHER_ORGANISATION : DEMO_RECOVERY;
        String department = switch (target) {
            case OWN_DEPARTMENT -> "Skien";
            case OTHER_DEPARTMENT -> "Stavanger";
            case OTHER_ORGANISATION -> "Bergen";
        };
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

    private static MockHttpServletRequestBuilder request(String endpoint, String body, Fixture f, UserDetails who,
                                                         String token) {
        String[] parts = endpoint.split(" ");
        String id = parts[1].startsWith("/sessions") || parts[1].startsWith("/api/v1/sessions") ? f.session().toString()
                : parts[1].startsWith("/api/v1/distributions") ? f.distribution2().toString()
                : parts[1].contains("distributions") ? f.distribution().toString()
                : parts[1].startsWith("/calendar/feeds") ? f.feed().toString() : f.activity().toString();
        String path = parts[1].replace("{id}", id).replace("{personId}", f.person().toString())
                .replace("{token}", "ukjent-" + UUID.randomUUID());
        String filled = body.replace("{formId}", UUID.randomUUID().toString()).replace("{name}", f.activityName())
                .replace("{kind}", f.kind().toString()).replace("{department}", f.department().toString())
                .replace("{today}", LocalDate.now().toString()).replace("{personId}", f.person().toString());
        return MatrixRequests.request(parts[0], path, filled, who, token);
    }
}
