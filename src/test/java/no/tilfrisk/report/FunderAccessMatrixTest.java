package no.tilfrisk.report;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static no.tilfrisk.Demo.OTHER_ORGANISATION;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import no.tilfrisk.MatrixTarget;
import no.tilfrisk.MatrixRequests;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.activity.ActivityFixtures;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.Dates;
import no.tilfrisk.project.Projects;
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
 * Every page and API endpoint of projects, the funder report and the dashboard × every demo role × a project whose
 * activity and participant are in the caller's own department, in another department, and in another organisation.
 * Projects are kept by admins and coordinators of the organisation; linking activities and participants follows
 * their department rights (a coordinator: their own departments), deleting is for admins; report readers read the
 * list and the funder report, always the external version. Where there is no right the answer is 403, 404 or the
 * form again with an error, nothing about the project changes, and the participant's name never shows. A new
 * endpoint without an entry here fails the test.
 */
@TilfriskTest
@Import({People.class, ActivityFixtures.class})
class FunderAccessMatrixTest {

    /** What an endpoint needs. */
    enum Need {
        /** admins and coordinators; not about the target project */
        KEEPER_ANY,
        /** admins, coordinators and report readers; not about the target */
        READER_ANY,
        /** admins and coordinators of the project's organisation */
        KEEPER,
        /** admins, coordinators and report readers of the project's organisation */
        READER,
        /** admins of the project's organisation */
        ADMIN,
        /** admins of the organisation, coordinators of the department of the activity or person */
        DEPARTMENT,
        /** the dashboard: admins and coordinators, each sees only what they may */
        DASHBOARD
    }

    record Endpoint(Need need, String body) {
    }

    static final Map<String, String> TOKENS = Map.of(
            "admin@demo.tilfrisk.no", "demo-admin", "koordinator@demo.tilfrisk.no", "demo-koordinator",
            "ansatt@demo.tilfrisk.no", "demo-ansatt", "frivillig@demo.tilfrisk.no", "demo-frivillig",
            "deltaker@demo.tilfrisk.no", "demo-deltaker", "styret@demo.tilfrisk.no", "demo-styret",
            "admin@annen.tilfrisk.no", "demo-annen");

    /**
     * {id} and {projectId} the project, {activityId} and {personId} the linked activity and participant, {activity2}
     * and {person2} another activity and person of the same department, not linked; {department} that department.
     */
    static final Map<String, Endpoint> ENDPOINTS = Map.ofEntries(
            Map.entry("GET /projects", new Endpoint(Need.READER_ANY, "")),
            Map.entry("GET /projects/new", new Endpoint(Need.KEEPER_ANY, "")),
            Map.entry("POST /projects", new Endpoint(Need.KEEPER_ANY, "formId={new}&name=Nytt&funder=Dam&startsOn={today}&endsOn={today}")),
            Map.entry("GET /projects/{id}", new Endpoint(Need.KEEPER, "q={name}")),
            Map.entry("GET /projects/{id}/edit", new Endpoint(Need.KEEPER, "")),
            Map.entry("POST /projects/{id}", new Endpoint(Need.KEEPER, "name=Endret&funder=Dam&startsOn={today}&endsOn={today}")),
            Map.entry("POST /projects/{id}/delete", new Endpoint(Need.ADMIN, "")),
            Map.entry("POST /projects/{id}/activities", new Endpoint(Need.DEPARTMENT, "activityId={activity2}")),
            Map.entry("POST /projects/{id}/activities/{activityId}/remove", new Endpoint(Need.DEPARTMENT, "")),
            Map.entry("POST /projects/{id}/participants", new Endpoint(Need.DEPARTMENT, "personId={person2}")),
            Map.entry("POST /projects/{id}/participants/{personId}/remove", new Endpoint(Need.DEPARTMENT, "")),
            Map.entry("GET /api/v1/projects", new Endpoint(Need.KEEPER_ANY, "")),
            Map.entry("POST /api/v1/projects", new Endpoint(Need.KEEPER_ANY,
                    "{\"name\": \"Nytt\", \"funder\": \"Dam\", \"startsOn\": \"{today}\", \"endsOn\": \"{today}\"}")),
            Map.entry("GET /api/v1/projects/{id}", new Endpoint(Need.KEEPER, "")),
            Map.entry("PUT /api/v1/projects/{id}", new Endpoint(Need.KEEPER,
                    "{\"name\": \"Endret\", \"funder\": \"Dam\", \"startsOn\": \"{today}\", \"endsOn\": \"{today}\"}")),
            Map.entry("DELETE /api/v1/projects/{id}", new Endpoint(Need.ADMIN, "")),
            Map.entry("PUT /api/v1/projects/{id}/activities/{activityId}", new Endpoint(Need.DEPARTMENT, "")),
            Map.entry("DELETE /api/v1/projects/{id}/activities/{activityId}", new Endpoint(Need.DEPARTMENT, "")),
            Map.entry("GET /api/v1/projects/{id}/participants", new Endpoint(Need.KEEPER, "")),
            Map.entry("PUT /api/v1/projects/{id}/participants/{personId}", new Endpoint(Need.DEPARTMENT, "")),
            Map.entry("DELETE /api/v1/projects/{id}/participants/{personId}", new Endpoint(Need.DEPARTMENT, "")),
            Map.entry("GET /reports/funder/{projectId}", new Endpoint(Need.READER, "external=false")),
            Map.entry("GET /reports/funder/{projectId}/download", new Endpoint(Need.READER, "format=csv&external=false")),
            Map.entry("GET /api/v1/reports/funder/{projectId}", new Endpoint(Need.READER, "external=false")),
            Map.entry("GET /dashboard", new Endpoint(Need.DASHBOARD, "department={department}")));

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    People people;
    @Autowired
    ActivityFixtures activities;
    @Autowired
    Projects projects;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointIsInTheMatrix() {
        Set<String> found = new TreeSet<>(MatrixRequests.endpointsIn(mappings, "no.tilfrisk.project"));
        found.addAll(MatrixRequests.endpointsIn(mappings, "no.tilfrisk.report.funder"));
        found.addAll(MatrixRequests.endpointsIn(mappings, "no.tilfrisk.report.dashboard"));
        assertThat(found).hasSizeGreaterThan(20);
        assertThat(ENDPOINTS.keySet()).containsAll(found);
    }

    @Test
    void noEndpointShowsOrChangesAProjectOutsideTheCallersRights() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String account : TOKENS.keySet()) {
            UserDetails who = accounts.loadUserByUsername(account);
            for (MatrixTarget target : MatrixTarget.values()) {
                String name = "Matrise " + UUID.randomUUID().toString().substring(0, 8);
                Fixture shared = fixture(target, name);
                for (var endpoint : ENDPOINTS.entrySet()) {
                    boolean changes = !endpoint.getKey().startsWith("GET");
                    Fixture f = changes ? fixture(target, name) : shared;
                    String before = state(f);
                    var response = mvc.perform(request(endpoint.getKey(), endpoint.getValue().body(), f, name, who,
                            TOKENS.get(account))).andReturn().getResponse();
                    int status = response.getStatus();
                    String body = response.getContentAsString(StandardCharsets.UTF_8);
                    String cell = account + " × " + target + " × " + endpoint.getKey() + " → " + status;
                    boolean allowed = allowed(account, target, endpoint.getValue().need());
                    if (status >= 500) {
                        failures.add("server error: " + cell);
                    } else if (allowed) {
                        boolean pageWrite = !endpoint.getKey().contains("/api/") && changes;
                        if (status >= 400 || (pageWrite && status != 302) || (!pageWrite && body.contains("field-error"))) {
                            failures.add("denied but should be allowed: " + cell);
                        }
                    } else {
                        boolean refused = status == 403 || status == 404 || status == 400
                                || (status == 200 && (body.contains("field-error") || body.contains("alert-error")));
                        if (!refused) {
                            failures.add("allowed but should be denied: " + cell);
                        }
                        if (!state(f).equals(before)) {
                            failures.add("changed the project: " + cell);
                        }
                    }
                    if (!seesPersons(account, target) && body.contains(name)) {
                        failures.add("shows the participant: " + cell);
                    }
                    if (account.startsWith("styret@") && allowed && !endpoint.getKey().contains("download")
                            && endpoint.getValue().need() == Need.READER && !body.contains("Ekstern versjon")) {
                        failures.add("not the external version: " + cell);
                    }
                    if (account.startsWith("admin@demo") && allowed && endpoint.getKey().equals("GET /reports/funder/{projectId}")
                            && !body.contains("Intern versjon")) {
                        failures.add("not the internal version: " + cell);
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    private static boolean allowed(String account, MatrixTarget target, Need need) {
        boolean admin = account.startsWith("admin@");
        boolean coordinator = account.startsWith("koordinator@");
        boolean reader = account.startsWith("styret@");
        boolean sameOrganisation = account.endsWith("@annen.tilfrisk.no") == (target == MatrixTarget.OTHER_ORGANISATION);
        return switch (need) {
            case KEEPER_ANY, DASHBOARD -> admin || coordinator;
            case READER_ANY -> admin || coordinator || reader;
            case KEEPER -> sameOrganisation && (admin || coordinator);
            case READER -> sameOrganisation && (admin || coordinator || reader);
            case ADMIN -> sameOrganisation && admin;
            case DEPARTMENT -> sameOrganisation && (admin || (coordinator && target == MatrixTarget.OWN_DEPARTMENT));
        };
    }

    /** Whether the account may see the persons of the target's department. */
    private static boolean seesPersons(String account, MatrixTarget target) {
        boolean sameOrganisation = account.endsWith("@annen.tilfrisk.no") == (target == MatrixTarget.OTHER_ORGANISATION);
        return sameOrganisation && (account.startsWith("admin@")
                || ((account.startsWith("koordinator@") || account.startsWith("ansatt@")) && target == MatrixTarget.OWN_DEPARTMENT));
    }

    /** A project with one linked activity (a session that the participant attended) and one linked participant. */
    record Fixture(UUID organisation, UUID project, UUID activity, UUID activity2, UUID person, UUID person2,
                   UUID department) {
    }

    private Fixture fixture(MatrixTarget target, String name) {
        UUID organisation = target == MatrixTarget.OTHER_ORGANISATION ? OTHER_ORGANISATION : DEMO_RECOVERY;
        String department = switch (target) {
            case OWN_DEPARTMENT -> "Skien";
            case OTHER_DEPARTMENT -> "Stavanger";
            case OTHER_ORGANISATION -> "Bergen";
        };
        UUID person = people.register(organisation, department, name);
        UUID person2 = people.register(organisation, department, name + " to");
        String tag = UUID.randomUUID().toString().substring(0, 6);
        UUID activity = activities.activity(organisation, department, "Aktivitet " + tag, false, today().minusDays(60), null, List.of()).id();
        UUID activity2 = activities.activity(organisation, department, "Aktivitet to " + tag, false, today().minusDays(60), null, List.of()).id();
        activities.attendance(organisation, activities.session(organisation, activity, today().minusDays(5)).id(),
                List.of(person), 0, 0, 0);
        return People.asSystem(organisation, () -> {
            var form = FunderReportTest.form(today().minusDays(30), today().plusDays(30));
            form.setName("Prosjekt " + tag);
            UUID project = projects.create(UUID.randomUUID(), form);
            projects.linkActivity(project, activity);
            projects.linkParticipant(project, person);
            return new Fixture(organisation, project, activity, activity2, person, person2,
                    people.department(department).id());
        });
    }

    /** Everything about the project that an endpoint could change. */
    private String state(Fixture f) {
        return Tenancy.runAs(f.organisation(), () -> tx.execute(s -> db.sql("""
                        SELECT concat_ws('|',
                               (SELECT concat_ws('/', name, updated_at) FROM project WHERE id = :project),
                               (SELECT string_agg(activity_id::text, ',' ORDER BY activity_id) FROM project_activity WHERE project_id = :project),
                               (SELECT string_agg(person_id::text, ',' ORDER BY person_id) FROM project_participant WHERE project_id = :project))""")
                .param("project", f.project()).query(String.class).single()));
    }

    private static MockHttpServletRequestBuilder request(String endpoint, String body, Fixture f, String name,
                                                         UserDetails who, String token) {
        String[] parts = endpoint.split(" ");
        boolean linkPath = parts[0].equals("PUT");
        String path = parts[1].replace("{id}", f.project().toString()).replace("{projectId}", f.project().toString())
                .replace("{activityId}", (linkPath ? f.activity2() : f.activity()).toString())
                .replace("{personId}", (linkPath ? f.person2() : f.person()).toString());
        String filled = body.replace("{activity2}", f.activity2().toString()).replace("{person2}", f.person2().toString())
                .replace("{department}", f.department().toString()).replace("{today}", today().toString())
                .replace("{new}", UUID.randomUUID().toString()).replace("{name}", name.replace(" ", "+"));
        if (parts[0].equals("GET") && !filled.isEmpty()) {
            return MatrixRequests.request(parts[0], path + "?" + filled, "", who, token);
        }
        return MatrixRequests.request(parts[0], path, filled, who, token);
    }

    private static LocalDate today() {
        return LocalDate.now(Dates.OSLO);
    }
}
