package no.tilfrisk.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.AccessMatrix;
import no.tilfrisk.MatrixRequests;
import no.tilfrisk.MatrixTarget;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The FHIR export × every demo role × a person in the caller's own department, in another department and in another
 * organisation: the rights of the person's page. Where there is no right, the answer is 403 or 404 without the
 * person's name. A new endpoint of the module without an entry here fails the test.
 */
@TilfriskTest
class FhirAccessMatrixTest {

    static final Map<String, Set<MatrixTarget>> RIGHTS = MatrixTarget.DEPARTMENT_RULE;

    static final Map<String, String> ENDPOINTS = Map.of("GET /api/v1/persons/{id}/fhir", "");
    /** Min side's own bundle: no person in the request; only a participant, and always their own person. */
    static final Map<String, String> OWN = Map.of("GET /min-side/fhir", "");

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
        Set<String> found = MatrixRequests.endpointsIn(mappings, "no.tilfrisk.fhir");
        assertThat(found).isNotEmpty();
        Map<String, String> all = new java.util.HashMap<>(ENDPOINTS);
        all.putAll(OWN);
        AccessMatrix.assertListsEvery(all, found);
    }

    @Test
    void theBundleIsOnlyForThoseWhoMaySeeThePerson() throws Exception {
        AccessMatrix.of(mvc, accounts, ENDPOINTS, List.of(MatrixTarget.values()), this::fixture)
                .accounts(RIGHTS.keySet())
                .allowed(c -> RIGHTS.get(c.account()).contains(c.target()))
                .check((c, r) -> !RIGHTS.get(c.account()).contains(c.target()) && r.body().contains(c.fixture().name())
                        ? "leaks the person's name" : null)
                .check((c, r) -> RIGHTS.get(c.account()).contains(c.target()) && !r.body().contains("\"Bundle\"")
                        ? "is not a bundle" : null)
                .verify();
    }

    @Test
    void theOwnBundleIsOnlyAParticipantsAndOnlyOfTheirOwnPerson() throws Exception {
        for (String account : RIGHTS.keySet()) {
            var response = mvc.perform(get("/min-side/fhir").with(user(accounts.loadUserByUsername(account))))
                    .andReturn().getResponse();
            String body = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            if (account.startsWith("deltaker@")) {
                assertThat(response.getStatus()).as(account).isEqualTo(200);
                assertThat(body).as(account).contains("\"Bundle\"").contains("Dag Deltaker");
            } else {
                assertThat(response.getStatus()).as(account).isIn(302, 403, 404);
                assertThat(body).as(account).doesNotContain("\"Bundle\"");
            }
        }
    }

    record Fixture(UUID person, String name) implements AccessMatrix.Fixture {
        @Override
        public Map<String, ?> values(String endpoint) {
            return Map.of("id", person);
        }
    }

    private Fixture fixture(MatrixTarget target) {
        String name = "Fhirmatrise " + UUID.randomUUID().toString().substring(0, 8);
        return new Fixture(people.register(target.organisation(), target.department(), name), name);
    }
}
