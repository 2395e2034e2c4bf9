package no.tilfrisk.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.AccessMatrix;
import no.tilfrisk.Demo;
import no.tilfrisk.MatrixRequests;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page and API endpoint of the webhook module × every demo account × a hook of the demo organisation and one
 * of another organisation. Only an organisation's admin keeps its hooks; where there is no right the answer is 403
 * or 404, nothing changes, and the hook's address never shows.
 */
@TilfriskTest
class WebhookAccessMatrixTest {

    enum Target { OWN, OTHER_ORGANISATION }

    enum Need { ADMIN_ANY, ADMIN }

    record Endpoint(Need need, String body) {
    }

    static final String NEW_HOOK = "{\"url\": \"https://partner.example/matrise-{new}\", \"events\": [\"PERSON_CREATED\"]}";

    /** {id}: a hook of the target's organisation. */
    static final Map<String, Endpoint> ENDPOINTS = Map.ofEntries(
            Map.entry("GET /admin/webhooks", new Endpoint(Need.ADMIN_ANY, "")),
            Map.entry("POST /admin/webhooks", new Endpoint(Need.ADMIN_ANY,
                    "formId={new}&url=https://partner.example/matrise-{new}&events=PERSON_CREATED")),
            Map.entry("GET /admin/webhooks/{id}", new Endpoint(Need.ADMIN, "")),
            Map.entry("POST /admin/webhooks/{id}/active", new Endpoint(Need.ADMIN, "active=false")),
            Map.entry("GET /api/v1/webhooks", new Endpoint(Need.ADMIN_ANY, "")),
            Map.entry("POST /api/v1/webhooks", new Endpoint(Need.ADMIN_ANY, NEW_HOOK)),
            Map.entry("GET /api/v1/webhooks/{id}", new Endpoint(Need.ADMIN, "")),
            Map.entry("PUT /api/v1/webhooks/{id}/active", new Endpoint(Need.ADMIN, "{\"active\": false}")),
            Map.entry("GET /api/v1/webhooks/{id}/deliveries", new Endpoint(Need.ADMIN, "")));

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    Webhooks webhooks;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;

    @AfterEach
    void turnOffTheMatrixHooks() {
        for (UUID organisation : List.of(Demo.DEMO_RECOVERY, Demo.OTHER_ORGANISATION)) {
            Tenancy.runAs(organisation, () -> tx.executeWithoutResult(s -> db.sql(
                    "UPDATE webhook SET active = false WHERE url LIKE 'https://partner.example/matrise-%'").update()));
        }
    }

    @Test
    void everyEndpointOfTheModuleIsInTheMatrix() {
        Set<String> found = MatrixRequests.endpointsIn(mappings, "no.tilfrisk.webhook");
        assertThat(found).hasSizeGreaterThanOrEqualTo(9);
        AccessMatrix.assertListsEvery(ENDPOINTS, found);
    }

    @Test
    void onlyAnAdminOfTheSameOrganisationKeepsItsHooks() throws Exception {
        AccessMatrix.of(mvc, accounts, ENDPOINTS, Endpoint::body, List.of(Target.values()), this::fixture)
                .accounts(Demo.TOKENS.keySet())
                .allowed(c -> allowed(c.account(), c.target(), c.row().need()))
                .formErrorsRefuse()
                .state(this::state)
                .check((c, r) -> {
                    // the address shows only to an admin of the hook's organisation (in lists of any of their
                    // endpoints), and the hook's own page and record show it
                    boolean may = allowed(c.account(), c.target(), Need.ADMIN);
                    boolean mustShow = may && c.read() && c.row().need() == Need.ADMIN
                            && !c.endpoint().endsWith("/deliveries");
                    boolean shows = r.body().contains(c.fixture().marker());
                    return shows && !may ? "shows the hook's address"
                            : !shows && mustShow ? "does not show the hook" : null;
                })
                .verify();
    }

    private static boolean allowed(String account, Target target, Need need) {
        boolean admin = account.startsWith("admin@");
        boolean sameOrganisation = account.endsWith("@annen.tilfrisk.no") == (target == Target.OTHER_ORGANISATION);
        return switch (need) {
            case ADMIN_ANY -> admin;
            case ADMIN -> admin && sameOrganisation;
        };
    }

    record Fixture(UUID organisation, UUID hook, String marker) implements AccessMatrix.Fixture {
        @Override
        public Map<String, ?> values(String endpoint) {
            return Map.of("id", hook);
        }
    }

    private Fixture fixture(Target target) {
        UUID organisation = target == Target.OTHER_ORGANISATION ? Demo.OTHER_ORGANISATION : Demo.DEMO_RECOVERY;
        String marker = "matrise-fixture-" + UUID.randomUUID();
        UUID hook = People.asSystem(organisation, () -> webhooks.create(UUID.randomUUID(),
                new WebhookForm("https://partner.example/" + marker, List.of(WebhookEvent.PERSON_CREATED))))
                .webhook().id();
        return new Fixture(organisation, hook, marker);
    }

    private String state(Fixture f) {
        return Tenancy.runAs(f.organisation(), () -> tx.execute(s -> db.sql("""
                        SELECT w.url || w.active || array_to_string(w.events, ',')
                               || (SELECT count(*) FROM webhook_delivery d WHERE d.webhook_id = w.id)
                          FROM webhook w WHERE w.id = ?""")
                .param(f.hook()).query(String.class).single()));
    }
}
