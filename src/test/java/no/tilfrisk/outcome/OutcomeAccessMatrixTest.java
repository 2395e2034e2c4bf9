package no.tilfrisk.outcome;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static no.tilfrisk.Demo.OTHER_ORGANISATION;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.MatrixTarget;
import no.tilfrisk.MatrixRequests;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.Dates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page and API endpoint of the outcome module × every demo role × a participant (with a response) in the
 * caller's own department, another department, and another organisation. Where there is no right the answer is
 * 403, 404 or the form again with an error, it carries neither the person's name nor their score, and the target's
 * responses stay as they were. «Min side» is the participant's own and takes no person from the request.
 */
@TilfriskTest
@Import(People.class)
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
            "admin@annen.tilfrisk.no", Set.of(MatrixTarget.OTHER_ORGANISATION));

    static final Map<String, String> TOKENS = no.tilfrisk.Demo.TOKENS;

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
        assertThat(ENDPOINTS.keySet()).containsAll(found);
    }

    @Test
    void noEndpointShowsOrChangesResponsesOutsideTheCallersRights() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String account : PERSON_RIGHTS.keySet()) {
            UserDetails who = accounts.loadUserByUsername(account);
            for (MatrixTarget target : MatrixTarget.values()) {
                String name = "Matrise " + UUID.randomUUID().toString().substring(0, 8);
                Fixture f = fixture(target, name);
                for (var endpoint : ENDPOINTS.entrySet()) {
                    Kind kind = endpoint.getValue().kind();
                    boolean reach = switch (kind) {
                        case PERSON -> PERSON_RIGHTS.get(account).contains(target);
                        case FIGURES -> FIGURE_RIGHTS.get(account).contains(target);
                        case ADMIN -> account.startsWith("admin@");
                        case OWN -> account.startsWith("deltaker@");
                        case ANYONE -> true;
                    };
                    long before = responses(f);
                    var response = mvc.perform(request(endpoint.getKey(), endpoint.getValue().body(), f, who,
                            TOKENS.get(account))).andReturn().getResponse();
                    int status = response.getStatus();
                    String body = response.getContentAsString(StandardCharsets.UTF_8);
                    String cell = account + " × " + target + " × " + endpoint.getKey() + " → " + status;
                    if (status >= 500) {
                        failures.add("server error: " + cell);
                    } else if (reach) {
                        boolean pageWrite = !endpoint.getKey().contains("/api/") && !endpoint.getKey().startsWith("GET");
                        // sending a draft under an id that is no draft names nothing: «not found» is right there
                        boolean staleDraft = endpoint.getKey().endsWith("/send") && status == 404;
                        if (!staleDraft && (status >= 400 || (pageWrite && status != 302 && !endpoint.getKey().contains("/min-side/"))
                                || body.contains("field-error"))) {
                            failures.add("denied but should be allowed: " + cell);
                        }
                    } else {
                        boolean refused = status == 403 || status == 404 || status == 400
                                || (status == 200 && (body.contains("field-error") || body.contains("alert-error")));
                        if (!refused) {
                            failures.add("allowed but should be denied: " + cell);
                        }
                        if (responses(f) != before) {
                            failures.add("changed the target: " + cell);
                        }
                    }
                    if (!PERSON_RIGHTS.get(account).contains(target) && body.contains(name)) {
                        failures.add("leaks the person's name: " + cell);
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    record Fixture(UUID organisation, UUID person, UUID department) {
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
            outcomes.record(UUID.randomUUID(), person, ResponseForm.of("livskvalitet", today().minusDays(100),
                    Map.of("satisfaction", 4)));
            return new Fixture(organisation, person, people.department(department).id());
        });
    }

    private long responses(Fixture f) {
        Long n = Tenancy.runAs(f.organisation(), () -> tx.execute(s -> db.sql(
                "SELECT count(*) FROM outcome_response WHERE person_id = ?").param(f.person()).query(Long.class).single()));
        return n;
    }

    private static MockHttpServletRequestBuilder request(String endpoint, String body, Fixture f, UserDetails who,
                                                         String token) {
        String[] parts = endpoint.split(" ");
        String path = parts[1].replace("{personId}", f.person().toString())
                .replace("{instrumentId}", parts[1].startsWith("/outcomes/") ? "test-licensed" : "livskvalitet");
        String filled = body.replace("{department}", f.department().toString()).replace("{today}", today().toString())
                .replace("{yearAgo}", today().minusYears(1).toString()).replace("{new}", UUID.randomUUID().toString());
        if (parts[0].equals("GET") && !filled.isEmpty()) {
            return MatrixRequests.request(parts[0], path + "?" + filled, "", who, token);
        }
        return MatrixRequests.request(parts[0], path, filled, who, token);
    }

    private static LocalDate today() {
        return LocalDate.now(Dates.OSLO);
    }
}
