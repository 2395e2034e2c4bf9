package no.tilfrisk.plan;

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
import no.tilfrisk.account.TilfriskUser;
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
 * Every page and API endpoint of the plan module × every demo role × a participant (with mappings, a plan with a
 * goal, actions, an evaluation and an open proposal) in the caller's own department, in another department, and in
 * another organisation. The demo participant's own person is never the target, so for him every target is another
 * participant's: he must never see it, by page or API, nor change it through his own pages by naming its ids.
 * Where there is no right the answer is 403, 404, or the form again with the field's error; it carries none of
 * the target's words, and nothing about the target changes. Where there is a right, the call succeeds. A new
 * endpoint without an entry here fails the test.
 */
@TilfriskTest
class PlanAccessMatrixTest {

    /** Which targets each demo account may reach: the person register's department rule, as for contacts. */
    static final Map<String, Set<MatrixTarget>> RIGHTS = MatrixTarget.DEPARTMENT_RULE;

    /**
     * Every endpoint with a request that exercises it on the target: {personId} the target, {goalId} its goal,
     * {actionId} its action the participant is responsible for, {mappingId}/{mapping2} its mappings,
     * {proposalId} its open proposal; {new} a fresh form id, {today} today.
     */
    static final Map<String, String> ENDPOINTS = Map.ofEntries(
            Map.entry("GET /persons/{personId}/plan", ""),
            Map.entry("GET /persons/{personId}/plan/goals/new", ""),
            Map.entry("POST /persons/{personId}/plan/goals", "formId={new}&lifeArea=HOUSING&text=Matrisemål&status=NOT_STARTED"),
            Map.entry("GET /persons/{personId}/plan/goals/{goalId}/edit", ""),
            Map.entry("POST /persons/{personId}/plan/goals/{goalId}", "lifeArea=LEISURE&text=Endret+mål&status=IN_PROGRESS"),
            Map.entry("GET /persons/{personId}/plan/goals/{goalId}/actions/new", ""),
            Map.entry("POST /persons/{personId}/plan/goals/{goalId}/actions", "formId={new}&text=Nytt&responsible=PARTICIPANT&status=NOT_STARTED"),
            Map.entry("GET /persons/{personId}/plan/actions/{actionId}/edit", ""),
            Map.entry("POST /persons/{personId}/plan/actions/{actionId}", "text=Endret&responsible=VOLUNTEER&responsibleName=Frida&status=IN_PROGRESS"),
            Map.entry("POST /persons/{personId}/plan/actions/{actionId}/done", ""),
            // «Angre» within a minute: the fixture's action is open, so an allowed call is refused with a message
            Map.entry("POST /persons/{personId}/plan/actions/{actionId}/undo-done", "status=IN_PROGRESS&from=start"),
            Map.entry("GET /persons/{personId}/plan/goals/{goalId}/evaluations/new", ""),
            Map.entry("POST /persons/{personId}/plan/goals/{goalId}/evaluations", "formId={new}&evaluatedOn={today}&whatHappened=Bra"),
            Map.entry("POST /persons/{personId}/plan/proposals/{proposalId}", "decision=accept"),
            Map.entry("GET /persons/{personId}/mappings", ""),
            Map.entry("GET /persons/{personId}/mappings/new", ""),
            Map.entry("POST /persons/{personId}/mappings", "formId={new}&mappedOn={today}&areas[0].rating=5"),
            Map.entry("GET /persons/{personId}/mappings/{mappingId}", ""),
            Map.entry("GET /persons/{personId}/mappings/compare", "a={mappingId}&b={mapping2}"),
            Map.entry("GET /min-side/plan", ""),
            Map.entry("POST /min-side/plan/actions/{actionId}/done", ""),
            Map.entry("GET /min-side/plan/forslag", "goal={goalId}"),
            Map.entry("POST /min-side/plan/forslag", "formId={new}&goalId={goalId}&text=Forslag"),
            Map.entry("GET /min-side/kartlegging", ""),
            Map.entry("GET /api/v1/persons/{personId}/mappings", ""),
            Map.entry("GET /api/v1/persons/{personId}/mappings/{mappingId}", ""),
            Map.entry("GET /api/v1/persons/{personId}/plan", ""),
            Map.entry("GET /api/v1/persons/{personId}/plan/goals", ""),
            Map.entry("GET /api/v1/persons/{personId}/plan/actions", ""),
            Map.entry("GET /api/v1/persons/{personId}/plan/evaluations", ""),
            Map.entry("POST /api/v1/persons/{personId}/mappings", "{\"mappedOn\": \"{today}\", \"areas\": [{\"rating\": 5}]}"),
            Map.entry("POST /api/v1/persons/{personId}/plan/goals", "{\"lifeArea\": \"HOUSING\", \"text\": \"Matrisemål\"}"),
            Map.entry("PUT /api/v1/persons/{personId}/plan/goals/{goalId}", "{\"lifeArea\": \"LEISURE\", \"text\": \"Endret mål\", \"status\": \"IN_PROGRESS\"}"),
            Map.entry("POST /api/v1/persons/{personId}/plan/goals/{goalId}/actions", "{\"text\": \"Nytt\", \"responsible\": \"PARTICIPANT\"}"),
            Map.entry("PUT /api/v1/persons/{personId}/plan/actions/{actionId}", "{\"text\": \"Endret\", \"responsible\": \"VOLUNTEER\", \"responsibleName\": \"Frida\", \"status\": \"IN_PROGRESS\"}"),
            Map.entry("POST /api/v1/persons/{personId}/plan/actions/{actionId}/done", ""),
            // as the page's «Angre»: the fixture's action is open, so an allowed call is refused with the field's error
            Map.entry("POST /api/v1/persons/{personId}/plan/actions/{actionId}/undo-done", "{\"status\": \"IN_PROGRESS\"}"),
            Map.entry("POST /api/v1/persons/{personId}/plan/goals/{goalId}/evaluations", "{\"evaluatedOn\": \"{today}\", \"whatHappened\": \"Bra\"}"),
            Map.entry("POST /api/v1/persons/{personId}/plan/proposals/{proposalId}", "{\"decision\": \"accept\"}"),
            // not the module's own page, but where its tasks show: only to the staff member responsible who may see
            Map.entry("GET /", ""));

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    People people;
    @Autowired
    Plans plans;
    @Autowired
    Mappings mappings;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappingsOfRequests;

    @Test
    void everyEndpointOfTheModuleIsInTheMatrix() {
        Set<String> found = MatrixRequests.endpointsIn(mappingsOfRequests, "no.tilfrisk.plan");
        assertThat(found).hasSizeGreaterThan(20);
        AccessMatrix.assertListsEvery(ENDPOINTS, found);
    }

    @Test
    void noEndpointShowsOrChangesAPlanOrMappingOutsideTheCallersRights() throws Exception {
        AccessMatrix.of(mvc, accounts, ENDPOINTS, List.of(MatrixTarget.values()), this::fixture)
                .accounts(RIGHTS.keySet())
                // «Min side» is about the caller himself, never the target
                .allowed(c -> RIGHTS.get(c.account()).contains(c.target()) && !c.endpoint().contains("/min-side"))
                .formErrorsRefuse()
                // the fixture's action is open, so an allowed «Angre» is refused by its field; its proposal is decided
                // by the first allowed call (page or API), so a later one is refused as decided
                .allowedMayAnswer((c, r) -> r.status() == 400 && (c.endpoint().endsWith("/undo-done")
                        && r.body().contains("\"field\":\"status\"") || c.endpoint().contains("/plan/proposals/")
                        && r.body().contains("\"field\":\"comment\"")))
                .state(this::state)
                .judge(c -> c.endpoint().equals("GET /") || ownPortalPage(c), (c, r) -> {
                    if (ownPortalPage(c)) {
                        // his own pages, about himself: they open (and the check below: show nothing of the target)
                        return r.status() != 200 ? "the participant's own page fails" : null;
                    }
                    // the fixture's staff action is the organisation admin's: only they see it, and only if they may
                    // (the name alone may show through other modules' tasks, such as a measurement due)
                    boolean shows = r.body().contains("Admins tiltak " + c.fixture().words());
                    boolean should = RIGHTS.get(c.account()).contains(c.target()) && c.account().startsWith("admin@");
                    // a participant's start is «Min side», which shows nobody else's tasks
                    boolean toMinSide = r.status() == 302 && "/min-side".equals(r.redirect());
                    return (r.status() != 200 && !toMinSide) || shows != should || (toMinSide && should)
                            ? (shows ? "shows" : "does not show") + " the task" : null;
                })
                .check((c, r) -> !c.endpoint().equals("GET /") && !RIGHTS.get(c.account()).contains(c.target())
                        && (r.body().contains(c.fixture().name()) || r.body().contains(c.fixture().words()))
                        ? "leaks the participant's name or words" : null)
                .afterTarget(this::close)
                .verify();
    }

    /** The demo participant's own pages, which open for him whatever the target. */
    private static boolean ownPortalPage(AccessMatrix.Cell<?, ?, ?> c) {
        return c.account().startsWith("deltaker@") && c.endpoint().startsWith("GET /min-side");
    }

    /** A participant with two mappings, a goal, two actions (one the admin's, due soon), an evaluation, a proposal. */
    record Fixture(UUID organisation, String name, UUID person, UUID goal, UUID action, UUID mapping, UUID mapping2,
                   UUID proposal, String words) implements AccessMatrix.Fixture {
        @Override
        public Map<String, ?> values(String endpoint) {
            return Map.of("personId", person, "goalId", goal, "actionId", action, "mappingId", mapping,
                    "mapping2", mapping2, "proposalId", proposal);
        }
    }

    private Fixture fixture(MatrixTarget target) {
        String name = "Matrise " + UUID.randomUUID().toString().substring(0, 8);
        UUID organisation = target.organisation();
        String department = target.department();
        UUID admin = ((TilfriskUser) accounts.loadUserByUsername(target.admin())).userId();
        UUID person = people.register(organisation, department, name);
        String words = "Matriseord " + UUID.randomUUID();
        return People.asSystem(organisation, () -> tx.execute(s -> {
            UUID m1 = mappings.record(UUID.randomUUID(), person, PlanTest.mapping(today().minusDays(90))
                    .area(LifeArea.HOUSING, 3, words));
            UUID m2 = mappings.record(UUID.randomUUID(), person, PlanTest.mapping(today())
                    .area(LifeArea.HOUSING, 6, words));
            GoalForm goalForm = PlanTest.goal(LifeArea.HOUSING, words);
            goalForm.setNextEvaluationOn(today().plusDays(60));
            UUID goal = plans.addGoal(UUID.randomUUID(), person, goalForm);
            UUID action = plans.addAction(UUID.randomUUID(), person, goal,
                    PlanTest.action(words, Responsible.PARTICIPANT, null, null));
            plans.addAction(UUID.randomUUID(), person, goal,
                    PlanTest.action("Admins tiltak " + words, Responsible.STAFF, admin, today().plusDays(1)));
            EvaluationForm evaluation = new EvaluationForm();
            evaluation.setEvaluatedOn(today());
            evaluation.setWhatHappened(words);
            plans.addEvaluation(UUID.randomUUID(), person, goal, evaluation);
            ProposalForm proposal = new ProposalForm();
            proposal.setLifeArea(LifeArea.NETWORK);
            proposal.setText(words);
            UUID proposalId = plans.propose(UUID.randomUUID(), person, proposal);
            return new Fixture(organisation, name, person, goal, action, m1, m2, proposalId, words);
        }));
    }

    /** Everything about the target that an endpoint could change. */
    private String state(Fixture f) {
        return Tenancy.runAs(f.organisation(), () -> tx.execute(s -> db.sql("""
                        SELECT concat_ws('|',
                               (SELECT count(*) FROM plan_mapping WHERE person_id = :p),
                               (SELECT string_agg(concat_ws('/', id, text, status, life_area, updated_at), ',' ORDER BY id) FROM plan_goal WHERE person_id = :p),
                               (SELECT string_agg(concat_ws('/', id, text, status, updated_at), ',' ORDER BY id) FROM plan_action WHERE person_id = :p),
                               (SELECT count(*) FROM plan_evaluation WHERE person_id = :p),
                               (SELECT string_agg(concat_ws('/', id, status), ',' ORDER BY id) FROM plan_proposal WHERE person_id = :p),
                               (SELECT count(*) FROM plan_change WHERE person_id = :p))""")
                .param("p", f.person()).query(String.class).single()));
    }

    /** The fixture's actions and goals would crowd the admin's task list of the next targets. */
    private void close(Fixture f) {
        Tenancy.runAs(f.organisation(), () -> tx.executeWithoutResult(s -> {
            db.sql("UPDATE plan_action SET status = 'CLOSED' WHERE person_id = ?").param(f.person()).update();
            db.sql("UPDATE plan_goal SET status = 'CLOSED' WHERE person_id = ?").param(f.person()).update();
        }));
    }

    private static LocalDate today() {
        return LocalDate.now(Dates.OSLO);
    }
}
