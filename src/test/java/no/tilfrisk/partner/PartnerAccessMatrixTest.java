package no.tilfrisk.partner;

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
import no.tilfrisk.person.ConsentForm;
import no.tilfrisk.person.ConsentMethod;
import no.tilfrisk.person.ConsentPurpose;
import no.tilfrisk.person.Consents;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.transition.Transitions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page of the partner module × every demo account (the partner caseworker nav@demo.tilfrisk.no of «NAV Skien»
 * included) × a person of the demo organisation who consents to share with NAV Skien, one who consents to nothing,
 * one who consents to share with another partner, and a person of another organisation who consents to «NAV
 * Skien» there. Only the caseworker reaches a person, and only the consenting one; only an admin of the same
 * organisation keeps the partner register (pages and API). Where there is no right the answer is 403 or 404, nothing changes, and
 * the person's name never shows.
 */
@TilfriskTest
class PartnerAccessMatrixTest {

    enum Target { CONSENTED, NOT_CONSENTED, OTHER_PARTNER, OTHER_ORGANISATION }

    enum Need { PARTNER_ANY, PARTNER_CONSENT, ADMIN_ANY, ADMIN }

    record Endpoint(Need need, String body) {
    }

    /**
     * {id}: on /partner/persons the target person, on /admin/partners a partner organisation of its organisation;
     * {itemId} a checklist item of the person's transition, given to NAV Skien where the person consents to it.
     */
    static final Map<String, Endpoint> ENDPOINTS = Map.ofEntries(
            Map.entry("GET /partner", new Endpoint(Need.PARTNER_ANY, "")),
            Map.entry("GET /partner/persons/{id}", new Endpoint(Need.PARTNER_CONSENT, "")),
            Map.entry("POST /partner/persons/{id}/items/{itemId}", new Endpoint(Need.PARTNER_CONSENT,
                    "status=IN_PROGRESS&note=Matrise+{new}")),
            Map.entry("GET /admin/partners", new Endpoint(Need.ADMIN_ANY, "")),
            Map.entry("POST /admin/partners", new Endpoint(Need.ADMIN_ANY, "formId={new}&name=Matrise+{new}&kind=OTHER")),
            Map.entry("GET /admin/partners/{id}", new Endpoint(Need.ADMIN, "")),
            Map.entry("POST /admin/partners/{id}/accounts", new Endpoint(Need.ADMIN,
                    "displayName=Matrise&email=matrise-{new}@example.org")),
            Map.entry("POST /admin/partners/{id}/active", new Endpoint(Need.ADMIN, "active=false")),
            Map.entry("GET /api/v1/partners", new Endpoint(Need.ADMIN_ANY, "")),
            Map.entry("GET /api/v1/partners/{id}", new Endpoint(Need.ADMIN, "")),
            Map.entry("POST /api/v1/partners", new Endpoint(Need.ADMIN_ANY,
                    "{\"name\": \"Matrise {new}\", \"kind\": \"OTHER\"}")),
            Map.entry("PUT /api/v1/partners/{id}/active", new Endpoint(Need.ADMIN, "{\"active\": false}")),
            Map.entry("PUT /api/v1/partners/{id}", new Endpoint(Need.ADMIN,
                    "{\"name\": \"Matrise {new}\", \"kind\": \"MUNICIPALITY\"}")));

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    People people;
    @Autowired
    Consents consents;
    @Autowired
    PartnerOrganisations partners;
    @Autowired
    Transitions transitions;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;

    @Test
    void everyEndpointOfTheModuleIsInTheMatrix() {
        Set<String> found = MatrixRequests.endpointsIn(mappings, "no.tilfrisk.partner");
        assertThat(found).hasSizeGreaterThanOrEqualTo(8);
        AccessMatrix.assertListsEvery(ENDPOINTS, found);
    }

    @Test
    void onlyTheCaseworkerReachesAndOnlyAPersonWhoConsentsToTheirOrganisation() throws Exception {
        AccessMatrix.of(mvc, accounts, ENDPOINTS, Endpoint::body, List.of(Target.values()), this::fixture)
                .accounts(Demo.TOKENS.keySet())
                .allowed(c -> allowed(c.account(), c.target(), c.row().need()))
                .formErrorsRefuse()
                .state(this::state)
                .check((c, r) -> {
                    boolean seesPerson = c.account().equals(Demo.PARTNER) && c.target() == Target.CONSENTED
                            && c.endpoint().startsWith("GET /partner");
                    boolean shows = r.body().contains(c.fixture().name());
                    return shows && !seesPerson ? "shows the person's name"
                            : !shows && seesPerson ? "does not show the consenting person" : null;
                })
                .verify();
    }

    private static boolean allowed(String account, Target target, Need need) {
        boolean admin = account.startsWith("admin@");
        boolean sameOrganisation = account.endsWith("@annen.tilfrisk.no") == (target == Target.OTHER_ORGANISATION);
        boolean partner = account.equals(Demo.PARTNER);
        return switch (need) {
            case PARTNER_ANY -> partner;
            case PARTNER_CONSENT -> partner && target == Target.CONSENTED;
            case ADMIN_ANY -> admin;
            case ADMIN -> admin && sameOrganisation;
        };
    }

    record Fixture(UUID organisation, UUID person, String name, UUID partner, UUID item) implements AccessMatrix.Fixture {
        @Override
        public Map<String, ?> values(String endpoint) {
            return Map.of("id", endpoint.contains("/admin/partners/") || endpoint.contains("/api/v1/partners/") ? partner : person,
                    "itemId", item);
        }
    }

    private Fixture fixture(Target target) {
        UUID organisation = target == Target.OTHER_ORGANISATION ? Demo.OTHER_ORGANISATION : Demo.DEMO_RECOVERY;
        String name = "Matrise Partner " + UUID.randomUUID().toString().substring(0, 8);
        UUID person = people.register(organisation, target == Target.OTHER_ORGANISATION ? "Bergen" : "Skien", name);
        UUID partner = UUID.randomUUID();
        People.asSystem(organisation, () -> tx.execute(s -> {
            String sharesWith = switch (target) {
                case CONSENTED, OTHER_ORGANISATION -> "NAV Skien";
                case OTHER_PARTNER -> "Skien fengsel";
                case NOT_CONSENTED -> null;
            };
            if (sharesWith != null) {
                consents.give(person, new ConsentForm(ConsentPurpose.SHARE_WITH_PARTNER, ConsentMethod.SIGNED, null,
                        sharesWith));
            }
            return partners.create(partner, new PartnerOrganisationForm("Matrise " + partner, PartnerKind.OTHER));
        }));
        UUID item = PartnerAccessTest.transitionWithItemFor(transitions, organisation, person,
                target == Target.CONSENTED ? PartnerAccessTest.NAV_SKIEN : null);
        return new Fixture(organisation, person, name, partner, item);
    }

    private String state(Fixture f) {
        return Tenancy.runAs(f.organisation(), () -> tx.execute(s -> db.sql("""
                        SELECT o.name || o.active || (SELECT count(*) FROM partner_account a WHERE a.partner_organisation_id = o.id)
                               || (SELECT i.status || coalesce(i.note, '') FROM transition_checklist_item i WHERE i.id = ?)
                          FROM partner_organisation o WHERE o.id = ?""")
                .params(f.item(), f.partner()).query(String.class).single()));
    }
}
