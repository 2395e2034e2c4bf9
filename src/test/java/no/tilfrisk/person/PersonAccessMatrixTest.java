package no.tilfrisk.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.AccessMatrix;
import no.tilfrisk.MatrixTarget;
import no.tilfrisk.MatrixRequests;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page and API endpoint of the person module × every demo role × a person in the caller's own department,
 * in another department, and in another organisation. Where there is no right, the answer is 403 or 404 and
 * carries none of the person's data. A new endpoint without an entry here fails the test.
 */
@TilfriskTest
class PersonAccessMatrixTest {

    /** Which targets each demo account may reach through the person module: the department rule. */
    static final Map<String, Set<MatrixTarget>> RIGHTS = MatrixTarget.DEPARTMENT_RULE;

    /**
     * Every endpoint of the module with a request that exercises it: {id} the target person, {roleId},
     * {membershipId} and {consentId} theirs, {department} their department.
     */
    static final Map<String, String> ENDPOINTS = Map.ofEntries(
            Map.entry("GET /persons", ""),
            Map.entry("GET /persons/new", ""),
            Map.entry("GET /persons/review", ""),
            Map.entry("GET /persons/{id}/export", ""),
            Map.entry("GET /persons/{id}/export/print", ""),
            Map.entry("GET /persons/{id}/export.pdf", ""),
            Map.entry("POST /persons/{id}/erase", "confirm=false"),
            Map.entry("GET /api/v1/persons/{id}/export", ""),
            Map.entry("POST /persons", "displayName=Matrise&formId={new}"),
            Map.entry("GET /persons/{id}", ""),
            Map.entry("GET /persons/{id}/edit", ""),
            Map.entry("POST /persons/{id}", "displayName=Matrise"),
            Map.entry("POST /persons/{id}/deactivate", "reason=Matrise&confirmed=true"),
            Map.entry("POST /persons/{id}/reactivate", ""),
            Map.entry("POST /persons/{id}/roles", "role=GUEST"),
            Map.entry("POST /persons/{id}/roles/{roleId}/end", "confirmed=true"),
            Map.entry("POST /persons/{id}/memberships", "departmentId={department}"),
            Map.entry("POST /persons/{id}/memberships/{membershipId}/end", "confirmed=true"),
            Map.entry("POST /persons/{id}/consents", "formId={new}&purposes=PHOTOS&method=VERBAL"),
            Map.entry("POST /persons/{id}/relatives", "relativeId={id}"),
            Map.entry("POST /persons/{id}/relatives/{linkId}/remove", "confirmed=true"),
            Map.entry("POST /persons/{id}/consents/{consentId}/withdraw", "method=VERBAL&confirmed=true"),
            Map.entry("GET /api/v1/persons", ""),
            Map.entry("POST /api/v1/persons", "{\"displayName\": \"Matrise\"}"),
            Map.entry("GET /api/v1/persons/{id}", ""),
            Map.entry("PUT /api/v1/persons/{id}", "{\"displayName\": \"Matrise\"}"),
            Map.entry("POST /api/v1/persons/{id}/deactivate", "{\"reason\": \"Matrise\"}"),
            Map.entry("POST /api/v1/persons/{id}/reactivate", ""),
            Map.entry("GET /api/v1/persons/{id}/consents", ""),
            Map.entry("POST /api/v1/persons/{id}/consents", "{\"purpose\": \"PHOTOS\", \"method\": \"VERBAL\"}"),
            Map.entry("POST /api/v1/persons/{id}/consents/{consentId}/withdraw", "{}"),
            Map.entry("GET /api/v1/persons/{id}/roles", ""),
            Map.entry("POST /api/v1/persons/{id}/roles", "{\"role\": \"GUEST\", \"from\": \"2023-01-01\", \"to\": \"2023-12-31\"}"),
            Map.entry("PUT /api/v1/persons/{id}/roles/{roleId}", "{\"from\": \"2020-01-01\"}"),
            Map.entry("POST /api/v1/persons/{id}/roles/{roleId}/end", "{}"),
            Map.entry("GET /api/v1/persons/{id}/memberships", ""),
            Map.entry("POST /api/v1/persons/{id}/memberships", "{\"departmentId\": \"{department}\", \"from\": \"2023-01-01\"}"),
            Map.entry("PUT /api/v1/persons/{id}/memberships/{membershipId}", "{\"from\": \"2020-01-01\"}"),
            Map.entry("POST /api/v1/persons/{id}/memberships/{membershipId}/end", "{}"),
            Map.entry("GET /api/v1/persons/{id}/relatives", ""),
            Map.entry("POST /api/v1/persons/{id}/relatives", "{\"relativeId\": \"{id}\"}"),
            Map.entry("DELETE /api/v1/persons/{id}/relatives/{linkId}", ""));

    /** Endpoints for coordinators and admins only: erasure and the retention review. */
    static final Set<String> NOT_FOR_STAFF = Set.of("GET /persons/review", "POST /persons/{id}/erase");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    People people;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointOfTheModuleIsInTheMatrix() {
        Set<String> found = MatrixRequests.endpointsIn(mappings, "no.tilfrisk.person");
        assertThat(found).isNotEmpty();
        AccessMatrix.assertListsEvery(ENDPOINTS, found);
    }

    @Test
    void noEndpointShowsOrChangesAPersonOutsideTheCallersRights() throws Exception {
        AccessMatrix.of(mvc, accounts, ENDPOINTS, List.of(MatrixTarget.values()), this::fixture)
                .accounts(RIGHTS.keySet())
                .allowed(c -> (c.endpoint().contains("{id}") ? RIGHTS.get(c.account()).contains(c.target())
                        : !RIGHTS.get(c.account()).isEmpty())
                        && !(NOT_FOR_STAFF.contains(c.endpoint()) && c.account().startsWith("ansatt@")))
                // a write out of order (reactivating an active person) may be refused as invalid or a conflict
                .lenient(status -> status >= 400 && status != 400 && status != 409)
                // each withdrawal needs a consent not yet withdrawn
                .fixtureFor(c -> c.endpoint().contains("{consentId}") ? withFreshConsent(c.fixture(), c.target()) : c.fixture())
                .check((c, r) -> !RIGHTS.get(c.account()).contains(c.target()) && r.body().contains(c.fixture().name())
                        ? "leaks the person's name" : null)
                .verify();
    }

    /** A person in the target's department with a role, a membership and a consent; {id} is the person. */
    record Fixture(UUID person, String name, UUID roleId, UUID membershipId, UUID consentId, UUID department)
            implements AccessMatrix.Fixture {
        @Override
        public Map<String, ?> values(String endpoint) {
            return Map.of("id", person, "roleId", roleId, "membershipId", membershipId, "linkId", roleId,
                    "consentId", consentId, "department", department);
        }
    }

    private Fixture fixture(MatrixTarget target) {
        String name = "Matrisemål " + UUID.randomUUID().toString().substring(0, 8);
        UUID organisation = target.organisation();
        String department = target.department();
        UUID person = people.register(organisation, department, name);
        return People.asSystem(organisation, () -> {
            PersonDetails details = people.details(person);
            return new Fixture(person, name, details.roles().get(0).id(), details.memberships().get(0).id(),
                    people.consent(person), people.department(department).id());
        });
    }

    private Fixture withFreshConsent(Fixture f, MatrixTarget target) {
        UUID organisation = target.organisation();
        UUID consent = People.asSystem(organisation, () -> people.consent(f.person()));
        return new Fixture(f.person(), f.name(), f.roleId(), f.membershipId(), consent, f.department());
    }
}
