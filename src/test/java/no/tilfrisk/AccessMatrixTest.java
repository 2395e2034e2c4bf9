package no.tilfrisk;

import static no.tilfrisk.Demo.OTHER_ORGANISATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page and API endpoint outside the person, activity and followup modules (which have their own, finer
 * matrices) × every demo role, and for endpoints about one record, a record of another organisation. Reads are performed for every role; writes
 * only where the role has no right (so the matrix changes nothing). A new endpoint without an entry fails.
 */
@TilfriskTest
class AccessMatrixTest {

    static final Set<String> ALL = Set.of("ORG_ADMIN", "COORDINATOR", "STAFF", "VOLUNTEER", "PARTICIPANT", "REPORT_VIEWER");
    static final Set<String> ADMIN = Set.of("ORG_ADMIN");

    /** Endpoint → roles that may use it. {id} is filled with a record of another organisation. */
    static final Map<String, Set<String>> ENDPOINTS = Map.ofEntries(
            Map.entry("GET /", ALL),
            Map.entry("GET /login", ALL),
            Map.entry("GET /account/tokens", ALL),
            Map.entry("POST /account/tokens", ALL),
            Map.entry("POST /account/tokens/{id}/revoke", ALL),
            Map.entry("GET /account/second-factor", ALL),
            Map.entry("POST /account/second-factor", ALL),
            Map.entry("POST /account/second-factor/recovery-codes", ALL),
            Map.entry("GET /login/second-factor", ALL),
            Map.entry("POST /login/second-factor", ALL),
            Map.entry("GET /admin/departments", ADMIN),
            Map.entry("POST /admin/departments", ADMIN),
            Map.entry("GET /admin/departments/{id}", ADMIN),
            Map.entry("POST /admin/departments/{id}", ADMIN),
            Map.entry("GET /admin/users", ADMIN),
            Map.entry("GET /admin/users/new", ADMIN),
            Map.entry("POST /admin/users", ADMIN),
            Map.entry("GET /admin/users/{id}", ADMIN),
            Map.entry("POST /admin/users/{id}", ADMIN),
            Map.entry("POST /admin/users/{id}/active", ADMIN),
            Map.entry("POST /admin/users/{id}/password", ADMIN),
            Map.entry("POST /admin/users/{id}/second-factor", ADMIN),
            Map.entry("GET /admin/settings", ADMIN),
            Map.entry("POST /admin/settings", ADMIN),
            Map.entry("GET /admin/audit", ADMIN),
            Map.entry("POST /admin/audit/verify", ADMIN),
            Map.entry("GET /min-side/innsyn", Set.of("PARTICIPANT")),
            Map.entry("GET /api/v1/me", ALL),
            Map.entry("GET /api/v1/departments", ALL),
            Map.entry("POST /api/v1/departments", ADMIN),
            Map.entry("GET /api/v1/departments/{id}", ALL),
            Map.entry("PUT /api/v1/departments/{id}", ADMIN));

    static final Map<String, String> ACCOUNTS = Map.of(
            "ORG_ADMIN", "admin", "COORDINATOR", "koordinator", "STAFF", "ansatt",
            "VOLUNTEER", "frivillig", "PARTICIPANT", "deltaker", "REPORT_VIEWER", "styret");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;

    @Test
    void everyEndpointIsInTheMatrix() {
        Set<String> found = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            String pkg = method.getBeanType().getPackageName();
            // these modules have their own, finer matrices, each of which fails on an endpoint it does not list
            boolean ownMatrix = java.util.stream.Stream.of("person", "activity", "followup", "plan", "outcome",
                    "collaboration", "portal", "report", "project").anyMatch(m -> pkg.startsWith("no.tilfrisk." + m));
            if (pkg.startsWith("no.tilfrisk") && !ownMatrix) {
                for (String path : info.getPatternValues()) {
                    info.getMethodsCondition().getMethods().forEach(m -> found.add(m.name() + " " + path));
                }
            }
        });
        assertThat(ENDPOINTS.keySet()).containsAll(found);
    }

    @Test
    void noRoleReachesWhatItMayNotAndNobodyReachesAnotherOrganisationsRecords() throws Exception {
        UUID otherDepartment = Tenancy.runAs(OTHER_ORGANISATION, () -> tx.execute(s ->
                db.sql("SELECT id FROM department WHERE name = 'Bergen'").query(UUID.class).single()));
        UUID otherUser = Tenancy.runAs(OTHER_ORGANISATION, () -> tx.execute(s ->
                db.sql("SELECT id FROM app_user WHERE email = 'admin@annen.tilfrisk.no'").query(UUID.class).single()));
        UUID otherToken = Tenancy.runAs(OTHER_ORGANISATION, () -> tx.execute(s ->
                db.sql("SELECT id FROM api_token LIMIT 1").query(UUID.class).single()));
        List<String> failures = new ArrayList<>();
        for (var role : ACCOUNTS.entrySet()) {
            var who = accounts.loadUserByUsername(role.getValue() + "@demo.tilfrisk.no");
            for (var endpoint : ENDPOINTS.entrySet()) {
                String[] parts = endpoint.getKey().split(" ");
                boolean write = !parts[0].equals("GET");
                boolean allowed = endpoint.getValue().contains(role.getKey());
                boolean aboutOneRecord = parts[1].contains("{id}");
                if (write && allowed && !aboutOneRecord) {
                    continue; // a permitted write of a new record would change the demo data
                }
                String id = parts[1].startsWith("/admin/users") ? otherUser.toString()
                        : parts[1].startsWith("/account/tokens") ? otherToken.toString() : otherDepartment.toString();
                String path = parts[1].replace("{id}", id);
                MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(parts[0]), path);
                if (path.startsWith("/api/")) {
                    request.header("Authorization", "Bearer demo-" + role.getValue());
                    if (write) {
                        request.contentType("application/json").content("{\"name\": \"Matrise\"}");
                    }
                } else {
                    request.with(user(who)).with(csrf()).param("name", "Matrise").param("displayName", "Matrise")
                            .param("email", "matrise@example.org").param("roles", "STAFF").param("active", "false")
                            .param("retentionMonths", "24").param("formId", UUID.randomUUID().toString());
                }
                var response = mvc.perform(request).andReturn().getResponse();
                int status = response.getStatus();
                String cell = role.getKey() + " × " + endpoint.getKey() + " → " + status;
                if (status >= 500) {
                    failures.add("server error: " + cell);
                } else if (aboutOneRecord && !(status == 404 || status == 403)) {
                    failures.add("another organisation's record reached: " + cell);
                } else if (!aboutOneRecord && !allowed && !(status == 403 || status == 404)) {
                    failures.add("allowed but should be denied: " + cell);
                } else if (!aboutOneRecord && allowed && (status == 401 || status == 403)) {
                    failures.add("denied but should be allowed: " + cell);
                }
                // the problem document names the path the caller asked for; that is no leak
                String body = response.getContentAsString().replace(path, "");
                if (body.contains("Annen Organisasjon") || body.contains(otherDepartment.toString())
                        || body.contains("admin@annen.tilfrisk.no")) {
                    failures.add("shows another organisation's data: " + cell);
                }
            }
        }
        assertThat(failures).isEmpty();
    }
}
