package no.tilfrisk.report.funder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import no.tilfrisk.AccessMatrix;
import no.tilfrisk.Demo;
import no.tilfrisk.MatrixRequests;
import no.tilfrisk.MatrixTarget;
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
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page and API endpoint of the funder report and the dashboard × every demo role × a project whose activity
 * and participant are in the caller's own department, in another department, and in another organisation. Admins,
 * coordinators and report readers of the project's organisation read the funder report, report readers always the
 * external version; the dashboard is for admins and coordinators, each seeing only what they may. Where there is no
 * right the answer is 403, 404 or the page with an error, nothing about the project changes, and the participant's
 * name never shows. A new endpoint without an entry here fails the test. The project pages have their own matrix
 * in the project module.
 */
@TilfriskTest
@Import({People.class, ActivityFixtures.class})
class FunderAccessMatrixTest {

    /** What an endpoint needs. */
    enum Need {
        /** admins, coordinators and report readers of the project's organisation */
        READER,
        /** the dashboard: admins and coordinators, each sees only what they may */
        DASHBOARD
    }

    record Endpoint(Need need, String body) {
    }

    static final Map<String, Endpoint> ENDPOINTS = Map.ofEntries(
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
        Set<String> found = new TreeSet<>(MatrixRequests.endpointsIn(mappings, "no.tilfrisk.report.funder"));
        found.addAll(MatrixRequests.endpointsIn(mappings, "no.tilfrisk.report.dashboard"));
        assertThat(found).hasSizeGreaterThanOrEqualTo(4);
        AccessMatrix.assertListsEvery(ENDPOINTS, found);
    }

    @Test
    void noEndpointShowsOrChangesAProjectOutsideTheCallersRights() throws Exception {
        AccessMatrix.of(mvc, accounts, ENDPOINTS, Endpoint::body, List.of(MatrixTarget.values()), this::fixture)
                .accounts(Demo.TOKENS.keySet())
                .allowed(c -> allowed(c.account(), c.target(), c.row().need()))
                .formErrorsRefuse()
                .state(this::state)
                .check((c, r) -> !seesPersons(c.account(), c.target()) && r.body().contains(c.fixture().name())
                        ? "shows the participant" : null)
                .check((c, r) -> c.account().startsWith("styret@") && r.allowed() && !c.endpoint().contains("download")
                        && c.row().need() == Need.READER && !r.body().contains("Ekstern versjon")
                        ? "not the external version" : null)
                .check((c, r) -> c.account().startsWith("admin@demo") && r.allowed()
                        && c.endpoint().equals("GET /reports/funder/{projectId}") && !r.body().contains("Intern versjon")
                        ? "not the internal version" : null)
                .verify();
    }

    private static boolean allowed(String account, MatrixTarget target, Need need) {
        boolean admin = account.startsWith("admin@");
        boolean coordinator = account.startsWith("koordinator@");
        boolean reader = account.startsWith("styret@");
        boolean sameOrganisation = account.endsWith("@annen.tilfrisk.no") == (target == MatrixTarget.OTHER_ORGANISATION);
        return switch (need) {
            case READER -> sameOrganisation && (admin || coordinator || reader);
            case DASHBOARD -> admin || coordinator;
        };
    }

    /** Whether the account may see the persons of the target's department. */
    private static boolean seesPersons(String account, MatrixTarget target) {
        boolean sameOrganisation = account.endsWith("@annen.tilfrisk.no") == (target == MatrixTarget.OTHER_ORGANISATION);
        return sameOrganisation && (account.startsWith("admin@")
                || ((account.startsWith("koordinator@") || account.startsWith("ansatt@")) && target == MatrixTarget.OWN_DEPARTMENT));
    }

    /**
     * A project with one linked activity (a session that the participant attended) and one linked participant;
     * {projectId} it, {department} theirs.
     */
    record Fixture(UUID organisation, String name, UUID project, UUID department) implements AccessMatrix.Fixture {
        @Override
        public Map<String, ?> values(String endpoint) {
            return Map.of("projectId", project, "department", department);
        }
    }

    private Fixture fixture(MatrixTarget target) {
        String name = "Matrise " + UUID.randomUUID().toString().substring(0, 8);
        UUID organisation = target.organisation();
        String department = target.department();
        UUID person = people.register(organisation, department, name);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        UUID activity = activities.activity(organisation, department, "Aktivitet " + tag, false, today().minusDays(60), null, List.of()).id();
        // and a person and an activity of the same department outside the project, which show nowhere either
        people.register(organisation, department, name + " to");
        activities.activity(organisation, department, "Aktivitet to " + tag, false, today().minusDays(60), null, List.of());
        activities.attendance(organisation, activities.session(organisation, activity, today().minusDays(5)).id(),
                List.of(person), 0, 0, 0);
        return People.asSystem(organisation, () -> {
            var form = FunderReportTest.form(today().minusDays(30), today().plusDays(30));
            form.setName("Prosjekt " + tag);
            UUID project = projects.create(UUID.randomUUID(), form);
            projects.linkActivity(project, activity);
            projects.linkParticipant(project, person);
            return new Fixture(organisation, name, project, people.department(department).id());
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

    private static LocalDate today() {
        return LocalDate.now(Dates.OSLO);
    }
}
