package no.tilfrisk.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.AccessMatrix;
import no.tilfrisk.Demo;
import no.tilfrisk.MatrixRequests;
import no.tilfrisk.MatrixTarget;
import no.tilfrisk.People;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.TilfriskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page and API endpoint of the directory × every demo account × an offer of the caller's own organisation
 * and one of another organisation. The public pages and read API are everyone's; an organisation's offers are
 * kept by its admins and directory editors; nothing of another organisation changes, and no page shows one of
 * the organisation's persons. (Without signing in: {@code DirectorySearchTest}.)
 */
@TilfriskTest
class DirectoryAccessMatrixTest {

    enum Need {
        /** anyone, signed in or not */
        PUBLIC,
        /** admins and directory editors, not about the target offer */
        KEEPER_ANY,
        /** admins and directory editors of the offer's organisation */
        KEEPER
    }

    record Endpoint(Need need, String body) {
    }

    /** {id} the offer. */
    static final Map<String, Endpoint> ENDPOINTS = Map.ofEntries(
            Map.entry("GET /tilbud", new Endpoint(Need.PUBLIC, "q=matrise&open=now")),
            Map.entry("GET /tilbud/{id}", new Endpoint(Need.PUBLIC, "")),
            Map.entry("GET /tilbud/veiviser", new Endpoint(Need.PUBLIC, "asked=true&need=food&when=now")));

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    Offers offers;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointOfTheModuleIsInTheMatrix() {
        Set<String> found = MatrixRequests.endpointsIn(mappings, "no.tilfrisk.directory");
        assertThat(found).isNotEmpty();
        AccessMatrix.assertListsEvery(ENDPOINTS, found);
    }

    @Test
    void noEndpointChangesAnotherOrganisationsOfferNorShowsPersons() throws Exception {
        AccessMatrix.of(mvc, accounts, ENDPOINTS, Endpoint::body,
                        List.of(MatrixTarget.OWN_DEPARTMENT, MatrixTarget.OTHER_ORGANISATION), this::fixture)
                .accounts(Demo.TOKENS.keySet())
                .allowed(c -> allowed(c.account(), c.target(), c.row().need()))
                .formErrorsRefuse()
                .state(this::state)
                .check((c, r) -> r.body().contains("Annen Organisasjon") || r.body().contains("admin@annen.tilfrisk.no")
                        ? "shows another organisation's data" : null)
                .verify();
    }

    static boolean allowed(String account, MatrixTarget target, Need need) {
        boolean keeper = account.startsWith("admin@") || account.startsWith("katalog@");
        boolean sameOrganisation = account.endsWith("@annen.tilfrisk.no") == (target == MatrixTarget.OTHER_ORGANISATION);
        return switch (need) {
            case PUBLIC -> true;
            case KEEPER_ANY -> keeper;
            case KEEPER -> keeper && sameOrganisation;
        };
    }

    record Fixture(UUID organisation, UUID offer) implements AccessMatrix.Fixture {
        @Override
        public Map<String, ?> values(String endpoint) {
            return Map.of("id", offer);
        }
    }

    private Fixture fixture(MatrixTarget target) {
        UUID organisation = target == MatrixTarget.OTHER_ORGANISATION ? Demo.OTHER_ORGANISATION : Demo.DEMO_RECOVERY;
        UUID offer = People.asSystem(organisation, () -> offers.create(UUID.randomUUID(),
                DirectoryFixtures.dayCentre("matrise" + UUID.randomUUID().toString().substring(0, 8))));
        return new Fixture(organisation, offer);
    }

    private String state(Fixture f) {
        return Tenancy.runAs(f.organisation(), () -> tx.execute(s -> db.sql("""
                SELECT o.version || '|' || o.name || '|' || coalesce(o.last_confirmed::text, '') || '|' || o.published
                       || '|' || (SELECT count(*) FROM offer_hours h WHERE h.offer_id = o.id)
                       || '|' || (SELECT count(*) FROM referral r WHERE r.offer_id = o.id)
                  FROM offer o WHERE o.id = ?""").param(f.offer()).query(String.class).single()));
    }
}
