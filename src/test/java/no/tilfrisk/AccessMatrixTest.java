package no.tilfrisk;

import static no.tilfrisk.Demo.OTHER_ORGANISATION;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
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
 * Every page and API endpoint outside the modules that have their own, finer matrices × every demo role, and for
 * endpoints about one record, a record of another organisation. Reads are performed for every role; writes only
 * where the role has no right or the record is the other organisation's (so the matrix changes nothing). A new
 * endpoint without an entry fails.
 */
@TilfriskTest
class AccessMatrixTest {

    static final Set<String> ALL = Set.of("ORG_ADMIN", "COORDINATOR", "STAFF", "VOLUNTEER", "PARTICIPANT", "REPORT_VIEWER",
            "PARTNER", "DIRECTORY_EDITOR");
    static final Set<String> ADMIN = Set.of("ORG_ADMIN");

    /** Endpoint → roles that may use it. {id} is a record of another organisation (see {@link Fixture}). */
    static final Map<String, Endpoint> ENDPOINTS = Map.ofEntries(
            entry("GET /", ALL),
            entry("GET /login", ALL),
            entry("GET /account/tokens", ALL),
            entry("POST /account/tokens", ALL),
            entry("POST /account/tokens/{id}/revoke", ALL),
            entry("GET /account/second-factor", ALL),
            entry("POST /account/second-factor", ALL),
            entry("POST /account/second-factor/recovery-codes", ALL),
            entry("GET /login/second-factor", ALL),
            entry("POST /login/second-factor", ALL),
            entry("GET /admin/departments", ADMIN),
            entry("POST /admin/departments", ADMIN),
            entry("GET /admin/departments/{id}", ADMIN),
            entry("POST /admin/departments/{id}", ADMIN),
            entry("GET /admin/users", ADMIN),
            entry("GET /admin/users/new", ADMIN),
            entry("POST /admin/users", ADMIN),
            entry("GET /admin/users/{id}", ADMIN),
            entry("POST /admin/users/{id}", ADMIN),
            entry("POST /admin/users/{id}/active", ADMIN),
            entry("POST /admin/users/{id}/password", ADMIN),
            entry("POST /admin/users/{id}/second-factor", ADMIN),
            entry("GET /admin/settings", ADMIN),
            entry("GET /admin/sign-in", ADMIN),
            entry("POST /admin/sign-in", ADMIN),
            // {id} names no provider here: the page for a provider that does not answer is «not found» for everyone
            entry("GET /oauth2/authorization/{id}", ALL),
            // reached by a forward from a failed sign-in only; asked for directly it is «not found» for everyone
            entry("GET /login/oidc/unavailable", ALL),
            entry("GET /logout/provider", ALL),
            entry("POST /logout/provider", ALL),
            entry("POST /admin/settings", ADMIN),
            entry("GET /admin/audit", ADMIN),
            entry("POST /admin/audit/verify", ADMIN),
            entry("POST /admin/audit/checkpoint", ADMIN),
            entry("GET /min-side/innsyn", Set.of("PARTICIPANT")),
            entry("GET /api/v1/me", ALL),
            entry("GET /api/v1/departments", ALL),
            entry("POST /api/v1/departments", ADMIN),
            entry("GET /api/v1/departments/{id}", ALL),
            entry("PUT /api/v1/departments/{id}", ADMIN),
            entry("GET /api/v1/organisation/settings", ADMIN),
            entry("PUT /api/v1/organisation/settings", ADMIN),
            entry("POST /api/v1/audit/verify", ADMIN),
            entry("POST /api/v1/audit/checkpoint", ADMIN));

    /** The demo accounts of the organisation and their roles; every one of them tries the other organisation's. */
    static final Map<String, String> ROLES = Map.of(
            "admin@demo.tilfrisk.no", "ORG_ADMIN", "koordinator@demo.tilfrisk.no", "COORDINATOR",
            "ansatt@demo.tilfrisk.no", "STAFF", "frivillig@demo.tilfrisk.no", "VOLUNTEER",
            "deltaker@demo.tilfrisk.no", "PARTICIPANT", "styret@demo.tilfrisk.no", "REPORT_VIEWER",
            "nav@demo.tilfrisk.no", "PARTNER", "katalog@demo.tilfrisk.no", "DIRECTORY_EDITOR");

    record Endpoint(Set<String> roles, String body) {
    }

    /** A row whose request is the one every endpoint gets: the fields of every form here, or a JSON name. */
    static Map.Entry<String, Endpoint> entry(String endpoint, Set<String> roles) {
        boolean api = endpoint.contains(" /api/");
        String body = !api ? "name=Matrise&displayName=Matrise&email=matrise@example.org&roles=STAFF&active=false"
                + "&retentionMonths=24&formId={new}"
                : endpoint.startsWith("GET ") ? "" : "{\"name\": \"Matrise\"}";
        return Map.entry(endpoint, new Endpoint(roles, body));
    }

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
            boolean ownMatrix = Stream.of("person", "activity", "followup", "plan", "outcome",
                    "collaboration", "portal", "report", "project", "volunteer", "directory", "fhir", "partner", "caregroup", "transition",
                    "leisure", "webhook", "importer")
                    .anyMatch(m -> pkg.startsWith("no.tilfrisk." + m));
            if (pkg.startsWith("no.tilfrisk") && !ownMatrix) {
                for (String path : info.getPatternValues()) {
                    info.getMethodsCondition().getMethods().forEach(m -> found.add(m.name() + " " + path));
                }
            }
        });
        AccessMatrix.assertListsEvery(ENDPOINTS, found);
    }

    @Test
    void noRoleReachesWhatItMayNotAndNobodyReachesAnotherOrganisationsRecords() throws Exception {
        AccessMatrix.of(mvc, accounts, ENDPOINTS, Endpoint::body, List.of(MatrixTarget.OTHER_ORGANISATION), t -> fixture())
                .accounts(ROLES.keySet())
                // nobody reaches a record of another organisation
                .allowed(c -> !aboutOneRecord(c) && c.row().roles().contains(ROLES.get(c.account())))
                // a permitted write of a new record would change the demo data
                .skip(c -> !c.read() && !aboutOneRecord(c) && c.row().roles().contains(ROLES.get(c.account())))
                // an allowed call may meet a validation error; only a refusal counts as denied
                .lenient(status -> status == 401 || status == 403)
                .check((c, r) -> {
                    // the problem document names the path the caller asked for; that is no leak
                    String body = r.body().replace(r.path(), "");
                    return body.contains("Annen Organisasjon") || body.contains(c.fixture().department().toString())
                            || body.contains("admin@annen.tilfrisk.no") ? "shows another organisation's data" : null;
                })
                .verify();
    }

    private static boolean aboutOneRecord(AccessMatrix.Cell<?, ?, ?> c) {
        return c.endpoint().contains("{id}");
    }

    /** A department, an account and an API token of the other organisation; {id} is the one its path is about. */
    record Fixture(UUID department, UUID user, UUID token) implements AccessMatrix.Fixture {
        @Override
        public Map<String, ?> values(String endpoint) {
            return Map.of("id", endpoint.contains(" /admin/users") ? user
                    : endpoint.contains(" /account/tokens") ? token : department);
        }
    }

    private Fixture fixture() {
        return Tenancy.runAs(OTHER_ORGANISATION, () -> tx.execute(s -> new Fixture(
                db.sql("SELECT id FROM department WHERE name = 'Bergen'").query(UUID.class).single(),
                db.sql("SELECT id FROM app_user WHERE email = 'admin@annen.tilfrisk.no'").query(UUID.class).single(),
                db.sql("SELECT id FROM api_token LIMIT 1").query(UUID.class).single())));
    }
}
