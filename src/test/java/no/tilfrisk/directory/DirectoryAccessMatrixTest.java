package no.tilfrisk.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
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
        KEEPER,
        /** staff who may see the person (the person register's department rule) */
        PERSON
    }

    record Endpoint(Need need, String body) {
    }

    static final String FORM = "name=Endret+i+matrisen&operatorKind=VOLUNTARY&needs=food&hoursKnown=true"
            + "&hours[0].weekday=MONDAY&hours[0].opens=09:00&hours[0].closes=15:00&published=true";

    /** {id} the offer, {version} its version (a fresh offer's: 1). */
    static final Map<String, Endpoint> ENDPOINTS = Map.ofEntries(
            Map.entry("GET /tilbud", new Endpoint(Need.PUBLIC, "q=matrise&open=now")),
            Map.entry("GET /tilbud/{id}", new Endpoint(Need.PUBLIC, "")),
            Map.entry("GET /tilbud/veiviser", new Endpoint(Need.PUBLIC, "asked=true&need=food&when=now")),
            Map.entry("GET /api/v1/public/offers", new Endpoint(Need.PUBLIC, "q=matrise&open=now")),
            Map.entry("GET /api/v1/public/offers/{id}", new Endpoint(Need.PUBLIC, "")),
            Map.entry("GET /api/v1/public/offers/export.csv", new Endpoint(Need.PUBLIC, "")),
            Map.entry("GET /api/v1/public/offers/export.hsds.json", new Endpoint(Need.PUBLIC, "")),
            Map.entry("GET /directory/offers", new Endpoint(Need.KEEPER_ANY, "")),
            Map.entry("GET /directory/review", new Endpoint(Need.KEEPER_ANY, "")),
            Map.entry("GET /directory/offers/new", new Endpoint(Need.KEEPER_ANY, "")),
            Map.entry("GET /directory/offers/{id}", new Endpoint(Need.KEEPER, "")),
            Map.entry("GET /directory/offers/{id}/history", new Endpoint(Need.KEEPER, "")),
            Map.entry("POST /directory/offers/{id}", new Endpoint(Need.KEEPER, FORM + "&version={version}")),
            Map.entry("POST /directory/offers/{id}/confirm", new Endpoint(Need.KEEPER, "")),
            Map.entry("GET /api/v1/offers/{id}/history", new Endpoint(Need.KEEPER, "")),
            Map.entry("GET /api/v1/offers/review", new Endpoint(Need.KEEPER_ANY, "")),
            Map.entry("PUT /api/v1/offers/{id}", new Endpoint(Need.KEEPER, "{\"name\": \"Endret i matrisen\", \"operatorKind\": \"VOLUNTARY\", \"needs\": [\"food\"]}")),
            Map.entry("POST /api/v1/offers/{id}/confirm", new Endpoint(Need.KEEPER, "")),
            // these two create; the matrix sends them only where they are refused, so nothing is added (below)
            Map.entry("POST /directory/offers", new Endpoint(Need.KEEPER_ANY, FORM + "&formId={new}")),
            Map.entry("POST /api/v1/offers", new Endpoint(Need.KEEPER_ANY, "{\"name\": \"Ny i matrisen\", \"operatorKind\": \"VOLUNTARY\"}")),
            Map.entry("POST /api/v1/offers/import/hsds", new Endpoint(Need.KEEPER_ANY, "[]")),
            Map.entry("GET /persons/{personId}/referrals", new Endpoint(Need.PERSON, "q=matrise")),
            Map.entry("POST /persons/{personId}/referrals", new Endpoint(Need.PERSON,
                    "formId={new}&offerId={id}&referredOn={today}&reason=Matrise&consentToShare=true")),
            Map.entry("POST /persons/{personId}/referrals/{referralId}/outcome", new Endpoint(Need.PERSON, "outcome=STARTED")),
            Map.entry("GET /api/v1/persons/{personId}/referrals", new Endpoint(Need.PERSON, "")),
            Map.entry("POST /api/v1/persons/{personId}/referrals", new Endpoint(Need.PERSON,
                    "{\"offerId\": \"{id}\", \"referredOn\": \"{today}\", \"reason\": \"Matrise\", \"consentToShare\": true}")),
            Map.entry("POST /api/v1/persons/{personId}/referrals/{referralId}/outcome",
                    new Endpoint(Need.PERSON, "{\"outcome\": \"STARTED\"}")));


    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    Offers offers;
    @Autowired
    Referrals referrals;
    @Autowired
    People people;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /**
     * The matrix makes an offer for every call; once it is done they leave the public list, so that the searches of
     * the test classes after it (the guided search ranks the first thousand by name) see their own offers.
     */
    @AfterEach
    void unpublishTheMatrixOffers() {
        for (UUID org : Arrays.stream(MatrixTarget.values()).map(MatrixTarget::organisation).distinct().toList()) {
            People.asSystem(org, () -> tx.execute(s -> db.sql("""
                    UPDATE offer SET published = false
                     WHERE organisation_id = ? AND (name LIKE 'Dagsenter matrise%' OR name = 'Endret i matrisen')""")
                    .param(org).update()));
        }
    }

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
                // a permitted create would add an offer that is no target's; the services' tests cover creating
                .skip(c -> !c.read() && c.row().need() == Need.KEEPER_ANY && allowed(c.account(), c.target(), Need.KEEPER_ANY))
                // every write uses the offer up (its version): each gets a fresh one
                .fixtureFor(c -> c.read() ? c.fixture() : fixture(c.target()))
                .check((c, r) -> r.body().contains("Annen Organisasjon") || r.body().contains("admin@annen.tilfrisk.no")
                        ? "shows another organisation's data"
                        : !allowed(c.account(), c.target(), Need.PERSON) && r.body().contains(c.fixture().name())
                        ? "shows the person's name" : null)
                .verify();
    }

    static boolean allowed(String account, MatrixTarget target, Need need) {
        boolean keeper = account.startsWith("admin@") || account.startsWith("katalog@");
        boolean sameOrganisation = account.endsWith("@annen.tilfrisk.no") == (target == MatrixTarget.OTHER_ORGANISATION);
        return switch (need) {
            case PUBLIC -> true;
            case KEEPER_ANY -> keeper;
            case KEEPER -> keeper && sameOrganisation;
            case PERSON -> MatrixTarget.DEPARTMENT_RULE.getOrDefault(account, Set.of()).contains(target);
        };
    }

    record Fixture(UUID organisation, UUID offer, UUID person, String name, UUID referral) implements AccessMatrix.Fixture {
        @Override
        public Map<String, ?> values(String endpoint) {
            return Map.of("id", offer, "version", 1, "personId", person, "referralId", referral);
        }
    }

    private Fixture fixture(MatrixTarget target) {
        UUID organisation = target == MatrixTarget.OTHER_ORGANISATION ? Demo.OTHER_ORGANISATION : Demo.DEMO_RECOVERY;
        UUID offer = People.asSystem(organisation, () -> offers.create(UUID.randomUUID(),
                DirectoryFixtures.dayCentre("matrise" + UUID.randomUUID().toString().substring(0, 8))));
        String name = "Henvist " + UUID.randomUUID().toString().substring(0, 8);
        UUID person = people.register(organisation, organisation.equals(Demo.OTHER_ORGANISATION) ? "Bergen" : "Skien", name);
        ReferralForm form = new ReferralForm();
        form.setOfferId(offer);
        form.setReason("Matrise");
        UUID referral = People.asSystem(organisation, () -> referrals.refer(UUID.randomUUID(), person, form));
        return new Fixture(organisation, offer, person, name, referral);
    }

    private String state(Fixture f) {
        return Tenancy.runAs(f.organisation(), () -> tx.execute(s -> db.sql("""
                SELECT o.version || '|' || o.name || '|' || coalesce(o.last_confirmed::text, '') || '|' || o.published
                       || '|' || (SELECT count(*) FROM offer_hours h WHERE h.offer_id = o.id)
                       || '|' || (SELECT count(*) || ':' || string_agg(coalesce(r.outcome, '-'), ',') FROM referral r WHERE r.offer_id = o.id)
                  FROM offer o WHERE o.id = ?""").param(f.offer()).query(String.class).single()));
    }
}
