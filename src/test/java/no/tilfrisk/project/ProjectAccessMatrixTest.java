package no.tilfrisk.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.AccessMatrix;
import no.tilfrisk.Demo;
import no.tilfrisk.MatrixRequests;
import no.tilfrisk.MatrixTarget;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.platform.web.Dates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page and API endpoint of the project module × every demo role × a project whose activity and participant
 * are in the caller's own department, in another department, and in another organisation. Projects are kept by
 * admins and coordinators of the organisation; linking activities and participants follows their department
 * rights (a coordinator: their own departments), deleting is for admins; report readers read the list. Where there
 * is no right the answer is 403, 404 or the form again with an error, nothing about the project changes, and the
 * participant's name never shows. A new endpoint without an entry here fails the test.
 */
@TilfriskTest
class ProjectAccessMatrixTest {

    /** What an endpoint needs. */
    enum Need {
        /** admins and coordinators; not about the target project */
        KEEPER_ANY,
        /** admins, coordinators and report readers; not about the target */
        READER_ANY,
        /** admins and coordinators of the project's organisation */
        KEEPER,
        /** admins of the project's organisation */
        ADMIN,
        /** admins of the organisation, coordinators of the department of the activity or person */
        DEPARTMENT
    }

    record Endpoint(Need need, String body) {
    }

    /**
     * {id} the project, {activityId} and {personId} its linked activity and participant (on a PUT, which links:
     * another activity and person of the same department, not linked), {activity2} and {person2} those two,
     * {name} the participant's name, {new} a fresh form id, {today} today.
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
            Map.entry("DELETE /api/v1/projects/{id}/participants/{personId}", new Endpoint(Need.DEPARTMENT, "")));

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
    void everyEndpointOfTheModuleIsInTheMatrix() {
        Set<String> found = MatrixRequests.endpointsIn(mappings, "no.tilfrisk.project");
        assertThat(found).hasSizeGreaterThan(20);
        AccessMatrix.assertListsEvery(ENDPOINTS, found);
    }

    @Test
    void noEndpointShowsOrChangesAProjectOutsideTheCallersRights() throws Exception {
        AccessMatrix.of(mvc, accounts, ENDPOINTS, Endpoint::body, List.of(MatrixTarget.values()), this::fixture)
                .accounts(Demo.TOKENS.keySet())
                .allowed(c -> allowed(c.account(), c.target(), c.row().need()))
                .formErrorsRefuse()
                .state(this::state)
                // every write uses the project up: each gets a fresh one
                .fixtureFor(c -> c.read() ? c.fixture() : fixture(c.target(), c.fixture().name()))
                .check((c, r) -> !ProjectFixtures.seesPersons(c.account(), c.target()) && r.body().contains(c.fixture().name())
                        ? "shows the participant" : null)
                .verify();
    }

    private static boolean allowed(String account, MatrixTarget target, Need need) {
        boolean admin = account.startsWith("admin@");
        boolean coordinator = account.startsWith("koordinator@");
        boolean reader = account.startsWith("styret@");
        boolean sameOrganisation = account.endsWith("@annen.tilfrisk.no") == (target == MatrixTarget.OTHER_ORGANISATION);
        return switch (need) {
            case KEEPER_ANY -> admin || coordinator;
            case READER_ANY -> admin || coordinator || reader;
            case KEEPER -> sameOrganisation && (admin || coordinator);
            case ADMIN -> sameOrganisation && admin;
            case DEPARTMENT -> sameOrganisation && (admin || (coordinator && target == MatrixTarget.OWN_DEPARTMENT));
        };
    }

    /** The linked project; {id} it, {activityId} and {personId} the linked ones (the unlinked ones for PUT). */
    record Fixture(ProjectFixtures.LinkedProject p) implements AccessMatrix.Fixture {
        public String name() {
            return p.name();
        }

        @Override
        public Map<String, ?> values(String endpoint) {
            boolean link = endpoint.startsWith("PUT ");
            return Map.of("id", p.project(), "activityId", link ? p.activity2() : p.activity(),
                    "personId", link ? p.person2() : p.person(), "activity2", p.activity2(), "person2", p.person2(),
                    "name", p.name().replace(" ", "+"));
        }
    }

    private Fixture fixture(MatrixTarget target) {
        return fixture(target, "Matrise " + UUID.randomUUID().toString().substring(0, 8));
    }

    private Fixture fixture(MatrixTarget target, String name) {
        ProjectForm form = new ProjectForm();
        form.setFunder("Stiftelsen Dam");
        form.setStartsOn(today().minusDays(30));
        form.setEndsOn(today().plusDays(30));
        form.setPlannedReach(10);
        return new Fixture(projectFixtures.linked(target, name, form));
    }

    private String state(Fixture f) {
        return projectFixtures.state(f.p().organisation(), f.p().project());
    }

    private static LocalDate today() {
        return LocalDate.now(Dates.OSLO);
    }
}
