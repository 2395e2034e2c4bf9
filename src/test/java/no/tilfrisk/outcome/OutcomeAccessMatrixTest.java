package no.tilfrisk.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.AccessMatrix;
import no.tilfrisk.MatrixTarget;
import no.tilfrisk.MatrixRequests;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.Dates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page and API endpoint of the outcome module × every demo role × a participant (with a response) in the
 * caller's own department, another department, and another organisation. Where there is no right the answer is
 * 403, 404 or the form again with an error, it carries neither the person's name nor their score, and the target's
 * responses stay as they were. «Min side» is the participant's own and takes no person from the request.
 */
@TilfriskTest
class OutcomeAccessMatrixTest {

    /** Who reaches a person's responses: the person register's department rule. */
    static final Map<String, Set<MatrixTarget>> PERSON_RIGHTS = MatrixTarget.DEPARTMENT_RULE;

    /** Who reaches a department's figures: admins and report readers any of their organisation, a coordinator their own. */
    static final Map<String, Set<MatrixTarget>> FIGURE_RIGHTS = Map.of(
            "admin@demo.tilfrisk.no", Set.of(MatrixTarget.OWN_DEPARTMENT, MatrixTarget.OTHER_DEPARTMENT),
            "koordinator@demo.tilfrisk.no", Set.of(MatrixTarget.OWN_DEPARTMENT),
            "ansatt@demo.tilfrisk.no", Set.of(),
            "frivillig@demo.tilfrisk.no", Set.of(),
            "deltaker@demo.tilfrisk.no", Set.of(),
            // a report reader reads the outcome figures in the external annual report only (whole years, suppressed)
            "styret@demo.tilfrisk.no", Set.of(),
            "nav@demo.tilfrisk.no", Set.of(),
            "katalog@demo.tilfrisk.no", Set.of(),
            "admin@annen.tilfrisk.no", Set.of(MatrixTarget.OTHER_ORGANISATION));

    enum Kind { PERSON, FIGURES, ADMIN, OWN, ANYONE }

    record Endpoint(Kind kind, String body) {
    }

    static final Map<String, Endpoint> ENDPOINTS = Map.ofEntries(
            Map.entry("GET /persons/{personId}/outcomes", new Endpoint(Kind.PERSON, "")),
            Map.entry("GET /persons/{personId}/outcomes/new", new Endpoint(Kind.PERSON, "instrument=livskvalitet")),
            Map.entry("POST /persons/{personId}/outcomes", new Endpoint(Kind.PERSON,
                    "formId={new}&instrumentId=livskvalitet&answeredOn={today}&answers[satisfaction]=5")),
            Map.entry("GET /outcomes", new Endpoint(Kind.FIGURES, "department={department}")),
            Map.entry("POST /outcomes/settings", new Endpoint(Kind.ADMIN,
                    "abstinenceWindowMonths=12&minGapDays=90&qualityOfLifeGain=1&who5Gain=10&meaningfulMin=7")),
            Map.entry("POST /outcomes/instruments/{instrumentId}", new Endpoint(Kind.ADMIN, "enabled=false")),
            Map.entry("GET /min-side/maalinger", new Endpoint(Kind.OWN, "")),
            Map.entry("GET /min-side/maalinger/{instrumentId}", new Endpoint(Kind.OWN, "")),
            Map.entry("POST /min-side/maalinger/{instrumentId}", new Endpoint(Kind.OWN, "steg=0&value=1")),
            Map.entry("POST /min-side/maalinger/{instrumentId}/send", new Endpoint(Kind.OWN, "responseId={new}")),
            Map.entry("POST /min-side/maalinger/{instrumentId}/avbryt", new Endpoint(Kind.OWN, "")),
            Map.entry("GET /api/v1/instruments", new Endpoint(Kind.ANYONE, "")),
            Map.entry("GET /api/v1/persons/{personId}/responses", new Endpoint(Kind.PERSON, "")),
            Map.entry("POST /api/v1/persons/{personId}/responses", new Endpoint(Kind.PERSON,
                    "{\"instrumentId\": \"livskvalitet\", \"answeredOn\": \"{today}\", \"answers\": {\"satisfaction\": 5}}")),
            Map.entry("GET /api/v1/outcomes/settings", new Endpoint(Kind.ADMIN, "")),
            Map.entry("PUT /api/v1/outcomes/settings", new Endpoint(Kind.ADMIN,
                    "{\"abstinenceWindowMonths\": 12, \"minGapDays\": 90, \"qualityOfLifeGain\": 1, \"who5Gain\": 10, \"meaningfulMin\": 7}")),
            Map.entry("PUT /api/v1/outcomes/instruments/{instrumentId}", new Endpoint(Kind.ADMIN, "{\"enabled\": false}")),
            Map.entry("GET /api/v1/outcomes/aggregates", new Endpoint(Kind.FIGURES,
                    "department={department}&from={yearAgo}&to={today}")));

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    People people;
    @Autowired
    Outcomes outcomes;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointOfTheModuleIsInTheMatrix() {
        Set<String> found = MatrixRequests.endpointsIn(mappings, "no.tilfrisk.outcome");
        assertThat(found).hasSizeGreaterThan(10);
        AccessMatrix.assertListsEvery(ENDPOINTS, found);
    }

    @Test
    void noEndpointShowsOrChangesResponsesOutsideTheCallersRights() throws Exception {
        AccessMatrix.of(mvc, accounts, ENDPOINTS, Endpoint::body, List.of(MatrixTarget.values()), this::fixture)
                .accounts(PERSON_RIGHTS.keySet())
                .allowed(c -> switch (c.row().kind()) {
                    case PERSON -> PERSON_RIGHTS.get(c.account()).contains(c.target());
                    case FIGURES -> FIGURE_RIGHTS.get(c.account()).contains(c.target());
                    case ADMIN -> c.account().startsWith("admin@");
                    case OWN -> c.account().startsWith("deltaker@");
                    case ANYONE -> true;
                })
                .formErrorsRefuse()
                .state(f -> String.valueOf(responses(f)))
                .allowedMayAnswer((c, r) ->
                        // sending a draft under an id that is no draft names nothing: «not found» is right there
                        (c.endpoint().endsWith("/send") && r.status() == 404)
                        // a step of «Min side» answers with the next step, not a redirect
                        || (c.pageWrite() && c.endpoint().contains("/min-side/") && r.status() < 400
                            && !r.body().contains("field-error")))
                .check((c, r) -> !PERSON_RIGHTS.get(c.account()).contains(c.target()) && r.body().contains(c.fixture().name())
                        ? "leaks the person's name" : null)
                .verify();
    }

    /** A participant with one response; {personId} them, {department} theirs, {instrumentId} an instrument. */
    record Fixture(UUID organisation, String name, UUID person, UUID department) implements AccessMatrix.Fixture {
        /** The instrument settings are tried on a licensed instrument, the rest on the quality-of-life one. */
        @Override
        public Map<String, ?> values(String endpoint) {
            return Map.of("personId", person, "department", department, "yearAgo", today().minusYears(1),
                    "instrumentId", endpoint.contains(" /outcomes/") ? "test-licensed" : "livskvalitet");
        }
    }

    private Fixture fixture(MatrixTarget target) {
        String name = "Matrise " + UUID.randomUUID().toString().substring(0, 8);
        UUID organisation = target.organisation();
        String department = target.department();
        UUID person = people.register(organisation, department, name);
        return People.asSystem(organisation, () -> {
            outcomes.record(UUID.randomUUID(), person, ResponseForm.of("livskvalitet", today().minusDays(100),
                    Map.of("satisfaction", 4)));
            return new Fixture(organisation, name, person, people.department(department).id());
        });
    }

    private long responses(Fixture f) {
        Long n = Tenancy.runAs(f.organisation(), () -> tx.execute(s -> db.sql(
                "SELECT count(*) FROM outcome_response WHERE person_id = ?").param(f.person()).query(Long.class).single()));
        return n;
    }

    private static LocalDate today() {
        return LocalDate.now(Dates.OSLO);
    }
}
