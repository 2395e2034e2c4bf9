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
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.platform.web.Dates;
import no.tilfrisk.project.ProjectFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
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
            Map.entry("GET /api/v1/reports/funder/{projectId}/{format}", new Endpoint(Need.READER, "external=false")),
            Map.entry("GET /dashboard", new Endpoint(Need.DASHBOARD, "department={department}")));

    @Autowired
    MockMvc mvc;
    @Autowired
    ProjectFixtures projectFixtures;
    @Autowired
    UserDetailsService accounts;
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
                .check((c, r) -> !ProjectFixtures.seesPersons(c.account(), c.target()) && r.body().contains(c.fixture().name())
                        ? "shows the participant" : null)
                .check((c, r) -> c.account().startsWith("styret@") && r.allowed()
                        && !c.endpoint().contains("download") && !c.endpoint().contains("{format}")
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

    /** The linked project; {projectId} it, {department} its department. */
    record Fixture(ProjectFixtures.LinkedProject p) implements AccessMatrix.Fixture {
        public String name() {
            return p.name();
        }

        @Override
        public Map<String, ?> values(String endpoint) {
            return Map.of("projectId", p.project(), "department", p.department(), "format", "csv");
        }
    }

    private Fixture fixture(MatrixTarget target) {
        return new Fixture(projectFixtures.linked(target, "Matrise " + UUID.randomUUID().toString().substring(0, 8),
                FunderReportTest.form(today().minusDays(30), today().plusDays(30))));
    }

    private String state(Fixture f) {
        return projectFixtures.state(f.p().organisation(), f.p().project());
    }

    private static LocalDate today() {
        return LocalDate.now(Dates.OSLO);
    }
}
