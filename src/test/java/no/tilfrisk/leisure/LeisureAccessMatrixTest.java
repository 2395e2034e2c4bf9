package no.tilfrisk.leisure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.AccessMatrix;
import no.tilfrisk.Demo;
import no.tilfrisk.MatrixRequests;
import no.tilfrisk.MatrixTarget;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.account.TilfriskUser;
import no.tilfrisk.account.UserAccounts;
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
 * Every page and API endpoint of the leisure module × every demo role × a club, a participant with a process (at
 * the follow-up, with a decision), an item and a loan in the caller's own department, in another department and in
 * another organisation. The catalogue and the inventory are the organisation's staff's; a process and a loan follow
 * the person register's department rule; the participant (deltaker@) reaches only their own process on «Min side»;
 * report readers and volunteers nothing. Where there is no right the answer is 403, 404 or the form again with an
 * error, nothing changes, and no name leaks. A new endpoint without an entry here fails the test.
 */
@TilfriskTest
class LeisureAccessMatrixTest {

    enum Need {
        /** admins, coordinators and staff; not about the target */
        STAFF_ANY,
        /** admins, coordinators and staff of the target's organisation */
        STAFF_ORGANISATION,
        /** admins of the target's organisation, coordinators and staff of its department */
        STAFF_DEPARTMENT,
        /** the participant, on their own process; not about the target */
        PARTICIPANT_ANY
    }

    record Endpoint(Need need, String body) {
    }

    private static final String CLUB = "name=Matriseklubb&kind=SPORT&municipality=Skien&meetingDays=TUESDAY&costPerYear=250";
    private static final String CLUB_JSON = "{\"name\": \"Matriseklubb\", \"kind\": \"MUSIC\", \"municipality\": \"Tønsberg\", "
            + "\"meetingDays\": [\"MONDAY\"], \"costPerYear\": 100}";
    private static final String CHECK_IN = "rating=7&stillTakingPart=true&valuedRole=true";

    static final Map<String, Endpoint> ENDPOINTS = Map.ofEntries(
            Map.entry("GET /leisure", new Endpoint(Need.STAFF_ANY, "q=Matrise")),
            Map.entry("GET /leisure/clubs", new Endpoint(Need.STAFF_ANY, "kind=OUTDOOR&day=TUESDAY&maxCost=500")),
            Map.entry("GET /leisure/clubs/new", new Endpoint(Need.STAFF_ANY, "")),
            Map.entry("POST /leisure/clubs", new Endpoint(Need.STAFF_ANY, "formId={new}&" + CLUB)),
            Map.entry("GET /leisure/clubs/{id}", new Endpoint(Need.STAFF_ORGANISATION, "")),
            Map.entry("POST /leisure/clubs/{id}", new Endpoint(Need.STAFF_ORGANISATION, CLUB)),
            Map.entry("POST /leisure/processes", new Endpoint(Need.STAFF_DEPARTMENT, "formId={new}&participantId={freeId}")),
            Map.entry("GET /leisure/processes/{id}", new Endpoint(Need.STAFF_DEPARTMENT, "")),
            Map.entry("POST /leisure/processes/{id}/steps", new Endpoint(Need.STAFF_DEPARTMENT,
                    "formId={new}&step=INFORMATION_MEETING&doneOn={today}&participants=Matrise")),
            Map.entry("POST /leisure/processes/{id}/wishes", new Endpoint(Need.STAFF_DEPARTMENT, "wishes=Matriseønske")),
            Map.entry("POST /leisure/processes/{id}/decisions", new Endpoint(Need.STAFF_DEPARTMENT,
                    "formId={new}&reference=M1&municipality=Skien&form=INDIVIDUAL&hours=3&per=WEEK&validFrom={today}&validTo={today}")),
            Map.entry("POST /leisure/processes/{id}/decisions/{decisionId}/hours", new Endpoint(Need.STAFF_DEPARTMENT,
                    "formId={new}&usedOn={today}&hours=1")),
            Map.entry("POST /leisure/processes/{id}/check-ins/{due}", new Endpoint(Need.STAFF_DEPARTMENT, CHECK_IN)),
            Map.entry("POST /leisure/processes/{id}/end", new Endpoint(Need.STAFF_DEPARTMENT,
                    "outcome=STOPPED&endedOn={today}&note=Matrise&confirmed=true")),
            Map.entry("GET /leisure/equipment", new Endpoint(Need.STAFF_ANY, "")),
            Map.entry("POST /leisure/equipment", new Endpoint(Need.STAFF_ORGANISATION,
                    "formId={new}&departmentId={departmentId}&name=Matrisetelt&kind=OUTDOOR&condition=GOOD&value=100")),
            Map.entry("POST /leisure/loans", new Endpoint(Need.STAFF_DEPARTMENT,
                    "formId={new}&equipmentId={freeItemId}&participantId={participantId}&lentOn={today}&expectedReturn={today}")),
            Map.entry("POST /leisure/loans/{id}/return", new Endpoint(Need.STAFF_DEPARTMENT,
                    "returnedOn={today}&condition=GOOD")),
            Map.entry("GET /min-side/fritid", new Endpoint(Need.PARTICIPANT_ANY, "")),
            Map.entry("POST /min-side/fritid/check-ins/{due}", new Endpoint(Need.PARTICIPANT_ANY, CHECK_IN)),
            Map.entry("GET /api/v1/leisure/clubs", new Endpoint(Need.STAFF_ANY, "")),
            Map.entry("POST /api/v1/leisure/clubs", new Endpoint(Need.STAFF_ANY, CLUB_JSON)),
            Map.entry("GET /api/v1/leisure/clubs/{id}", new Endpoint(Need.STAFF_ORGANISATION, "")),
            Map.entry("PUT /api/v1/leisure/clubs/{id}", new Endpoint(Need.STAFF_ORGANISATION, CLUB_JSON)),
            Map.entry("GET /api/v1/leisure/processes", new Endpoint(Need.STAFF_ANY, "")),
            Map.entry("POST /api/v1/leisure/processes", new Endpoint(Need.STAFF_DEPARTMENT, "{\"participantId\": \"{freeId}\"}")),
            Map.entry("GET /api/v1/leisure/processes/{id}", new Endpoint(Need.STAFF_DEPARTMENT, "")),
            Map.entry("POST /api/v1/leisure/processes/{id}/steps", new Endpoint(Need.STAFF_DEPARTMENT,
                    "{\"step\": \"INFORMATION_MEETING\", \"doneOn\": \"{today}\"}")),
            Map.entry("PUT /api/v1/leisure/processes/{id}/wishes", new Endpoint(Need.STAFF_DEPARTMENT,
                    "{\"wishes\": \"Matriseønske\"}")),
            Map.entry("POST /api/v1/leisure/processes/{id}/decisions", new Endpoint(Need.STAFF_DEPARTMENT,
                    "{\"reference\": \"M2\", \"municipality\": \"Skien\", \"form\": \"INDIVIDUAL\", \"hours\": 3, "
                            + "\"per\": \"MONTH\", \"validFrom\": \"{today}\", \"validTo\": \"{today}\"}")),
            Map.entry("POST /api/v1/leisure/processes/{id}/decisions/{decisionId}/hours", new Endpoint(Need.STAFF_DEPARTMENT,
                    "{\"usedOn\": \"{today}\", \"hours\": 1}")),
            Map.entry("POST /api/v1/leisure/processes/{id}/check-ins/{due}", new Endpoint(Need.STAFF_DEPARTMENT,
                    "{\"rating\": 7, \"stillTakingPart\": true, \"valuedRole\": false}")),
            Map.entry("POST /api/v1/leisure/processes/{id}/end", new Endpoint(Need.STAFF_DEPARTMENT,
                    "{\"outcome\": \"CHANGED_ACTIVITY\", \"endedOn\": \"{today}\"}")),
            Map.entry("GET /api/v1/leisure/equipment", new Endpoint(Need.STAFF_ANY, "")),
            Map.entry("POST /api/v1/leisure/equipment", new Endpoint(Need.STAFF_ORGANISATION,
                    "{\"departmentId\": \"{departmentId}\", \"name\": \"Matrisetelt\", \"kind\": \"OUTDOOR\", \"condition\": \"GOOD\"}")),
            Map.entry("GET /api/v1/leisure/loans", new Endpoint(Need.STAFF_ANY, "")),
            Map.entry("POST /api/v1/leisure/loans", new Endpoint(Need.STAFF_DEPARTMENT,
                    "{\"equipmentId\": \"{freeItemId}\", \"participantId\": \"{participantId}\", \"lentOn\": \"{today}\", "
                            + "\"expectedReturn\": \"{today}\"}")),
            Map.entry("POST /api/v1/leisure/loans/{id}/return", new Endpoint(Need.STAFF_DEPARTMENT,
                    "{\"returnedOn\": \"{today}\", \"condition\": \"WORN\"}")));

    /** Writes that use their target up: each gets a fresh fixture. */
    static final Set<String> USES_UP = Set.of("POST /leisure/processes", "POST /leisure/processes/{id}/end",
            "POST /leisure/loans", "POST /leisure/loans/{id}/return", "POST /api/v1/leisure/processes",
            "POST /api/v1/leisure/processes/{id}/end", "POST /api/v1/leisure/loans",
            "POST /api/v1/leisure/loans/{id}/return");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    UserAccounts userAccounts;
    @Autowired
    LeisureFixtures fixtures;
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
     * The fixtures' processes end with the test (as «stopped»), so their check-ins do not fill the demo staff's task
     * list, which shows at most 50, for the test classes that run after and look for a task of their own there.
     */
    @AfterEach
    void endTheFixturesProcesses() {
        for (UUID org : Arrays.stream(MatrixTarget.values()).map(MatrixTarget::organisation).distinct().toList()) {
            People.asSystem(org, () -> tx.execute(s -> db.sql("""
                    UPDATE leisure_process p
                       SET outcome = 'STOPPED', outcome_note = 'Tilgangstesten er ferdig', ended_on = CURRENT_DATE
                      FROM person pe
                     WHERE pe.id = p.participant_id AND pe.display_name LIKE 'Matrise %' AND p.ended_on IS NULL""")
                    .update()));
        }
    }

    @Test
    void everyEndpointOfTheModuleIsInTheMatrix() {
        Set<String> found = MatrixRequests.endpointsIn(mappings, "no.tilfrisk.leisure");
        assertThat(found).hasSizeGreaterThan(35);
        AccessMatrix.assertListsEvery(ENDPOINTS, found);
    }

    @Test
    void noEndpointShowsOrChangesALeisureRecordOutsideTheCallersRights() throws Exception {
        ownProcess();
        AccessMatrix.of(mvc, accounts, ENDPOINTS, Endpoint::body, List.of(MatrixTarget.values()), this::fixture)
                .accounts(Demo.TOKENS.keySet())
                .allowed(c -> allowed(c.account(), c.target(), c.row().need()))
                .formErrorsRefuse()
                .state(this::state)
                .fixtureFor(c -> c.read() || !USES_UP.contains(c.endpoint()) ? c.fixture() : fixture(c.target()))
                .check((c, r) -> !seesPersons(c.account(), c.target()) && r.body().contains(c.fixture().name())
                        ? "shows the participant" : null)
                .verify();
    }

    private static boolean allowed(String account, MatrixTarget target, Need need) {
        boolean staff = account.startsWith("admin@") || account.startsWith("koordinator@") || account.startsWith("ansatt@");
        boolean sameOrganisation = account.endsWith("@annen.tilfrisk.no") == (target == MatrixTarget.OTHER_ORGANISATION);
        return switch (need) {
            case STAFF_ANY -> staff;
            case STAFF_ORGANISATION -> staff && sameOrganisation;
            case STAFF_DEPARTMENT -> seesPersons(account, target);
            case PARTICIPANT_ANY -> account.startsWith("deltaker@");
        };
    }

    /** Whether the account may see the persons of the target's department through the register. */
    private static boolean seesPersons(String account, MatrixTarget target) {
        boolean sameOrganisation = account.endsWith("@annen.tilfrisk.no") == (target == MatrixTarget.OTHER_ORGANISATION);
        return sameOrganisation && (account.startsWith("admin@")
                || ((account.startsWith("koordinator@") || account.startsWith("ansatt@")) && target == MatrixTarget.OWN_DEPARTMENT));
    }

    record Fixture(UUID organisation, String name, UUID department, UUID club, UUID participant, UUID free,
                   UUID process, UUID decision, UUID item, UUID freeItem, UUID loan) implements AccessMatrix.Fixture {
        @Override
        public Map<String, ?> values(String endpoint) {
            Map<String, Object> v = new HashMap<>();
            v.put("id", endpoint.contains("/clubs/") ? club : endpoint.contains("/loans/") ? loan : process);
            v.put("clubId", club);
            v.put("freeId", free);
            v.put("participantId", participant);
            v.put("decisionId", decision);
            v.put("departmentId", department);
            v.put("freeItemId", freeItem);
            v.put("loanId", loan);
            v.put("itemId", item);
            v.put("due", "WEEK_2");
            return v;
        }
    }

    /**
     * A club; a participant whose process reached the follow-up 20 days ago, with a decision for this year; one who
     * has none; an item lent to the participant and one free.
     */
    private Fixture fixture(MatrixTarget target) {
        UUID org = target.organisation();
        String department = target.department();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String name = "Matrise " + tag;
        UUID club = fixtures.club(org, "Matriseklubb " + tag);
        UUID facilitator = fixtures.facilitator(org, department, "Tilrettelegger " + tag);
        UUID participant = people.register(org, department, name);
        UUID free = people.register(org, department, "Ledig " + tag);
        UUID process = fixtures.process(org, participant, 40);
        fixtures.stepsTo(org, process, Step.FOLLOW_UP, fixtures.today().minusDays(8), club, facilitator);
        UUID decision = fixtures.decision(org, process, fixtures.today().minusDays(30), fixtures.today().plusDays(300), "40");
        UUID item = fixtures.item(org, department, "Kamera " + tag);
        UUID freeItem = fixtures.item(org, department, "Telt " + tag);
        UUID loan = fixtures.loan(org, item, participant, fixtures.today().minusDays(3), fixtures.today().plusDays(10));
        UUID departmentId = People.asSystem(org, () -> people.department(department).id());
        return new Fixture(org, name, departmentId, club, participant, free, process, decision, item, freeItem, loan);
    }

    /** The demo participant's own open process, at the follow-up, so that «Min side» has a check-in to answer. */
    private void ownProcess() {
        UUID user = ((TilfriskUser) accounts.loadUserByUsername("deltaker@demo.tilfrisk.no")).userId();
        UUID me = Tenancy.runAs(Demo.DEMO_RECOVERY, () -> tx.execute(s -> userAccounts.personOf(user).orElseThrow()));
        boolean open = Tenancy.runAs(Demo.DEMO_RECOVERY, () -> tx.execute(s -> db.sql(
                "SELECT EXISTS (SELECT 1 FROM leisure_process WHERE participant_id = ? AND ended_on IS NULL)")
                .param(me).query(Boolean.class).single()));
        if (!open) {
            UUID process = fixtures.process(Demo.DEMO_RECOVERY, me, 40);
            fixtures.stepsTo(Demo.DEMO_RECOVERY, process, Step.FOLLOW_UP, fixtures.today().minusDays(20),
                    fixtures.club(Demo.DEMO_RECOVERY, "Deltakers klubb"),
                    fixtures.facilitator(Demo.DEMO_RECOVERY, "Skien", "Deltakers tilrettelegger"));
        }
    }

    /** Everything about the target that an endpoint could change. */
    private String state(Fixture f) {
        return Tenancy.runAs(f.organisation(), () -> tx.execute(s -> db.sql("""
                        SELECT concat_ws('|',
                               (SELECT concat_ws('/', wishes, outcome, ended_on, updated_at) FROM leisure_process WHERE id = :process),
                               (SELECT count(*) FROM leisure_process WHERE participant_id = :free),
                               (SELECT count(*) FROM leisure_step WHERE process_id = :process),
                               (SELECT count(*) FROM leisure_decision WHERE process_id = :process),
                               (SELECT count(*) FROM leisure_decision_hours WHERE decision_id = :decision),
                               (SELECT count(*) FROM leisure_check_in WHERE process_id = :process),
                               (SELECT updated_at FROM leisure_club WHERE id = :club),
                               (SELECT string_agg(concat_ws('/', id, returned_on), ',' ORDER BY id) FROM leisure_loan
                                 WHERE equipment_id IN (:item, :freeItem)))""")
                .param("process", f.process()).param("free", f.free()).param("decision", f.decision())
                .param("club", f.club()).param("item", f.item()).param("freeItem", f.freeItem())
                .query(String.class).single()));
    }
}
