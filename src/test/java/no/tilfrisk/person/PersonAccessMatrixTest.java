package no.tilfrisk.person;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static no.tilfrisk.Demo.OTHER_ORGANISATION;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.MatrixTarget;
import no.tilfrisk.MatrixRequests;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page and API endpoint of the person module × every demo role × a person in the caller's own department,
 * in another department, and in another organisation. Where there is no right, the answer is 403 or 404 and
 * carries none of the person's data. A new endpoint without an entry here fails the test.
 */
@TilfriskTest
@Import(People.class)
class PersonAccessMatrixTest {

    /** Which targets each demo account may reach through the person module. */
    static final Map<String, Set<MatrixTarget>> RIGHTS = Map.of(
            "admin@demo.tilfrisk.no", Set.of(MatrixTarget.OWN_DEPARTMENT, MatrixTarget.OTHER_DEPARTMENT),
            "koordinator@demo.tilfrisk.no", Set.of(MatrixTarget.OWN_DEPARTMENT),
            "ansatt@demo.tilfrisk.no", Set.of(MatrixTarget.OWN_DEPARTMENT),
            "frivillig@demo.tilfrisk.no", Set.of(),
            "deltaker@demo.tilfrisk.no", Set.of(),
            "styret@demo.tilfrisk.no", Set.of(),
            // the admin of «Annen Organisasjon» reaches persons of that organisation only
            "admin@annen.tilfrisk.no", Set.of(MatrixTarget.OTHER_ORGANISATION));

    /** Every endpoint of the module with a request that exercises it; {id} is the target person. */
    static final Map<String, String> ENDPOINTS = Map.ofEntries(
            Map.entry("GET /persons", ""),
            Map.entry("GET /persons/new", ""),
            Map.entry("GET /persons/review", ""),
            Map.entry("GET /persons/{id}/export", ""),
            Map.entry("GET /persons/{id}/export/print", ""),
            Map.entry("GET /persons/{id}/export.pdf", ""),
            Map.entry("POST /persons/{id}/erase", "confirm=false"),
            Map.entry("GET /api/v1/persons/{id}/export", ""),
            Map.entry("POST /persons", "displayName=Matrise&formId={formId}"),
            Map.entry("GET /persons/{id}", ""),
            Map.entry("GET /persons/{id}/edit", ""),
            Map.entry("POST /persons/{id}", "displayName=Matrise"),
            Map.entry("POST /persons/{id}/deactivate", "reason=Matrise"),
            Map.entry("POST /persons/{id}/reactivate", ""),
            Map.entry("POST /persons/{id}/roles", "role=GUEST"),
            Map.entry("POST /persons/{id}/roles/{roleId}/end", ""),
            Map.entry("POST /persons/{id}/memberships", "departmentId={department}"),
            Map.entry("POST /persons/{id}/memberships/{membershipId}/end", ""),
            Map.entry("POST /persons/{id}/consents", "purpose=PHOTOS&method=VERBAL"),
            Map.entry("POST /persons/{id}/relatives", "relativeId={id}"),
            Map.entry("POST /persons/{id}/relatives/{linkId}/remove", ""),
            Map.entry("POST /persons/{id}/consents/{consentId}/withdraw", "method=VERBAL"),
            Map.entry("GET /api/v1/persons", ""),
            Map.entry("POST /api/v1/persons", "{\"displayName\": \"Matrise\"}"),
            Map.entry("GET /api/v1/persons/{id}", ""),
            Map.entry("PUT /api/v1/persons/{id}", "{\"displayName\": \"Matrise\"}"),
            Map.entry("POST /api/v1/persons/{id}/deactivate", "{\"reason\": \"Matrise\"}"),
            Map.entry("GET /api/v1/persons/{id}/consents", ""),
            Map.entry("POST /api/v1/persons/{id}/consents", "{\"purpose\": \"PHOTOS\", \"method\": \"VERBAL\"}"),
            Map.entry("POST /api/v1/persons/{id}/consents/{consentId}/withdraw", "{}"));

    /** Endpoints for coordinators and admins only: erasure and the retention review. */
    static final Set<String> NOT_FOR_STAFF = Set.of("GET /persons/review", "POST /persons/{id}/erase");

    static final Map<String, String> TOKENS = no.tilfrisk.Demo.TOKENS;

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
        assertThat(ENDPOINTS.keySet()).containsAll(found);
    }

    @Test
    void noEndpointShowsOrChangesAPersonOutsideTheCallersRights() throws Exception {
        List<String> failures = new ArrayList<>();
        for (var account : RIGHTS.entrySet()) {
            var who = accounts.loadUserByUsername(account.getKey());
            for (MatrixTarget target : MatrixTarget.values()) {
                String name = "Matrisemål " + UUID.randomUUID().toString().substring(0, 8);
                Fixture fixture = fixture(target, name);
                for (var endpoint : ENDPOINTS.entrySet()) {
                    boolean reach = account.getValue().contains(target);
                    boolean allowed = (endpoint.getKey().contains("{id}") ? reach : !account.getValue().isEmpty())
                            && !(NOT_FOR_STAFF.contains(endpoint.getKey()) && account.getKey().startsWith("ansatt@"));
                    if (endpoint.getKey().contains("{consentId}")) {
                        fixture = withFreshConsent(fixture, target);
                    }
                    var result = mvc.perform(request(endpoint.getKey(), endpoint.getValue(), fixture, who,
                            TOKENS.get(account.getKey()))).andReturn().getResponse();
                    int status = result.getStatus();
                    String body = result.getContentAsString();
                    String cell = account.getKey() + " × " + target + " × " + endpoint.getKey() + " → " + status;
                    if (allowed && status >= 400 && !(status == 400 || status == 409)) {
                        failures.add("denied but should be allowed: " + cell);
                    }
                    if (!allowed && !(status == 403 || status == 404)) {
                        failures.add("allowed but should be denied: " + cell);
                    }
                    if (!reach && body.contains(name)) {
                        failures.add("leaks the person's name: " + cell);
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    record Fixture(UUID person, UUID roleId, UUID membershipId, UUID consentId, UUID department) {
    }

    private Fixture fixture(MatrixTarget target, String name) {
        UUID organisation = target == MatrixTarget.OTHER_ORGANISATION ? OTHER_ORGANISATION : DEMO_RECOVERY;
        String department = switch (target) {
            case OWN_DEPARTMENT -> "Skien";
            case OTHER_DEPARTMENT -> "Stavanger";
            case OTHER_ORGANISATION -> "Bergen";
        };
        UUID person = people.register(organisation, department, name);
        return People.asSystem(organisation, () -> {
            PersonDetails details = people.details(person);
            return new Fixture(person, details.roles().get(0).id(), details.memberships().get(0).id(),
                    people.consent(person), people.department("Skien".equals(department) ? "Skien" : department).id());
        });
    }

    private Fixture withFreshConsent(Fixture f, MatrixTarget target) {
        UUID organisation = target == MatrixTarget.OTHER_ORGANISATION ? OTHER_ORGANISATION : DEMO_RECOVERY;
        UUID consent = People.asSystem(organisation, () -> people.consent(f.person()));
        return new Fixture(f.person(), f.roleId(), f.membershipId(), consent, f.department());
    }

    private static MockHttpServletRequestBuilder request(String endpoint, String body, Fixture f,
                                                         org.springframework.security.core.userdetails.UserDetails who,
                                                         String token) {
        String[] parts = endpoint.split(" ");
        String path = parts[1].replace("{id}", f.person().toString()).replace("{roleId}", f.roleId().toString())
                .replace("{membershipId}", f.membershipId().toString()).replace("{linkId}", f.roleId().toString()).replace("{consentId}", f.consentId().toString());
        String filled = body.replace("{department}", f.department().toString()).replace("{id}", f.person().toString())
                .replace("{formId}", UUID.randomUUID().toString());
        return MatrixRequests.request(parts[0], path, filled, who, token);
    }
}
