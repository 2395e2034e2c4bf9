package no.tilfrisk;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import no.tilfrisk.activity.Activity;
import no.tilfrisk.activity.ActivityFixtures;
import no.tilfrisk.activity.ActivitySession;
import no.tilfrisk.activity.ActivitySessions;
import no.tilfrisk.organisation.DepartmentForm;
import no.tilfrisk.organisation.Departments;
import no.tilfrisk.outcome.OutcomeAggregates;
import no.tilfrisk.outcome.OutcomeSettings;
import no.tilfrisk.person.PersonDetails;
import no.tilfrisk.person.PersonDirectory;
import no.tilfrisk.person.PersonSpans;
import no.tilfrisk.person.PersonForm;
import no.tilfrisk.person.PersonRole;
import no.tilfrisk.plan.GoalForm;
import no.tilfrisk.plan.LifeArea;
import no.tilfrisk.plan.Mapping;
import no.tilfrisk.plan.Mappings;
import no.tilfrisk.plan.Plan;
import no.tilfrisk.plan.PlanStatus;
import no.tilfrisk.plan.Plans;
import no.tilfrisk.plan.TestProposals;
import no.tilfrisk.report.NarrativeSection;
import no.tilfrisk.report.ReportNarratives;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The parity walk (issue 20, item 1): every page form of every access matrix has its twin in {@code /api/v1}, or is
 * marked page-only with a reason, or is a gap named in {@link ApiParity}; the twins exist; and for the create and
 * update forms walked here, the page and its twin do the same thing: each is sent once, as the admin, to its own
 * fresh record, and the records are compared after. The records are in this class's own department, and the persons
 * are deactivated at the end; the organisation's settings are put back as they were.
 */
@TilfriskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiParityWalkTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    Departments departments;
    @Autowired
    PersonDirectory persons;
    @Autowired
    PersonSpans spans;
    @Autowired
    ActivityFixtures activities;
    @Autowired
    ActivitySessions sessions;
    @Autowired
    ReportNarratives narratives;
    @Autowired
    OutcomeAggregates outcomes;
    @Autowired
    Clock clock;

    UUID department;
    UUID secondDepartment;
    String departmentName;
    final List<UUID> made = new ArrayList<>();
    final Set<String> walked = new TreeSet<>();

    @BeforeAll
    void ownDepartments() {
        departmentName = "Paritetsvandring " + UUID.randomUUID().toString().substring(0, 6);
        People.asSystem(DEMO_RECOVERY, () -> {
            department = departments.create(UUID.randomUUID(), new DepartmentForm(departmentName, "Skien",
                    LocalDate.of(2015, 1, 1))).id();
            secondDepartment = departments.create(UUID.randomUUID(), new DepartmentForm(departmentName + " B", "Skien",
                    LocalDate.of(2015, 1, 1))).id();
            return null;
        });
    }

    @AfterAll
    void deactivateTheFixturePersons() {
        People.asSystem(DEMO_RECOVERY, () -> {
            for (UUID id : made) {
                if (persons.get(id).active()) {
                    persons.deactivate(id, "Testdata");
                }
            }
            return null;
        });
    }

    @Test
    void everyPageFormOfTheAccessMatricesHasItsTwinOrAReason() throws Exception {
        Set<String> pages = WriteEndpointFuzzTest.writeEndpoints().stream().map(WriteEndpointFuzzTest.Row::endpoint)
                .filter(e -> !e.contains(" /api/")).collect(Collectors.toCollection(TreeSet::new));
        assertThat(pages).as("page forms of the access matrices").hasSizeGreaterThan(100);
        assertThat(ApiParity.PAGES.keySet()).as("page forms with neither an API twin nor a reason in ApiParity")
                .containsAll(pages);
        assertThat(pages).as("ApiParity lists a page form no access matrix has").containsAll(ApiParity.PAGES.keySet());
        long gaps = ApiParity.PAGES.values().stream().filter(ApiParity.Gap.class::isInstance).count();
        assertThat(gaps).as("gaps: a new page form needs its API twin").isLessThanOrEqualTo(ApiParity.GAPS_AT_MOST);
    }

    @Test
    void everyTwinNamedExistsInTheApi() {
        Set<String> api = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> info.getPatternValues().forEach(path ->
                info.getMethodsCondition().getMethods().forEach(m -> api.add(m.name() + " " + path))));
        List<String> twins = ApiParity.PAGES.values().stream().filter(ApiParity.Api.class::isInstance)
                .map(t -> ((ApiParity.Api) t).endpoint()).distinct().toList();
        assertThat(api).containsAll(twins);
        ApiParity.PAGES.values().stream().filter(ApiParity.PageOnly.class::isInstance)
                .forEach(t -> assertThat(((ApiParity.PageOnly) t).reason()).isNotBlank());
    }

    /** The person forms and their twins: each pair sent to two fresh persons, which must then be the same. */
    @Test
    void thePersonFormsAndTheirTwinsDoTheSame() throws Exception {
        String d = department.toString();
        // registration: the page's form id and the API's Idempotency-Key become the ids
        UUID byPage = UUID.randomUUID();
        UUID byApi = UUID.randomUUID();
        page("POST /persons", "/persons", "formId=" + byPage + "&displayName=Tvilling&birthYear=1980&phone=12345678"
                + "&role=GUEST&departmentId=" + d + "&confirmDuplicate=true");
        api("POST /persons", "/api/v1/persons", "{\"displayName\": \"Tvilling\", \"birthYear\": 1980, \"phone\": "
                + "\"12345678\", \"role\": \"GUEST\", \"departmentId\": \"" + d + "\", \"confirmDuplicate\": true}",
                byApi);
        made.add(byPage);
        made.add(byApi);
        same(byPage, byApi);

        pair("POST /persons/{id}", "displayName=Endret&birthYear=1975&phone=87654321&municipality=Skien",
                "PUT", "", "{\"displayName\": \"Endret\", \"birthYear\": 1975, \"phone\": \"87654321\", \"municipality\": \"Skien\"}",
                p -> "");
        pair("POST /persons/{id}/roles", "role=VOLUNTEER&from=2023-01-01",
                "POST", "/roles", "{\"role\": \"VOLUNTEER\", \"from\": \"2023-01-01\"}", p -> "");
        LocalDate end = LocalDate.now(clock).plusDays(30);
        pair("POST /persons/{id}/roles/{roleId}/end", "to=" + end + "&confirmed=true",
                "POST", "/roles/{roleId}/end", "{\"to\": \"" + end + "\"}",
                p -> detail(p).roles().get(0).id().toString());
        pair("POST /persons/{id}/memberships", "departmentId=" + secondDepartment + "&from=2022-05-01",
                "POST", "/memberships", "{\"departmentId\": \"" + secondDepartment + "\", \"from\": \"2022-05-01\"}", p -> "");
        pair("POST /persons/{id}/memberships/{membershipId}/end", "to=" + end + "&confirmed=true",
                "POST", "/memberships/{membershipId}/end", "{\"to\": \"" + end + "\"}",
                p -> detail(p).memberships().get(0).id().toString());
        UUID relative = fresh();
        pair("POST /persons/{id}/relatives", "relativeId=" + relative + "&relation=bror",
                "POST", "/relatives", "{\"relativeId\": \"" + relative + "\", \"relation\": \"bror\"}", p -> "");
        pair("POST /persons/{id}/relatives/{linkId}/remove", "confirmed=true", "DELETE", "/relatives/{linkId}", "",
                p -> {
                    People.asSystem(DEMO_RECOVERY, () -> {
                        spans.linkRelative(p, relative, "søster");
                        return null;
                    });
                    return detail(p).relatives().get(0).linkId().toString();
                });
        pair("POST /persons/{id}/consents", "formId=" + UUID.randomUUID() + "&purposes=PHOTOS&method=SIGNED",
                "POST", "/consents", "{\"purpose\": \"PHOTOS\", \"method\": \"SIGNED\"}", p -> "");
        pair("POST /persons/{id}/consents/{consentId}/withdraw", "method=SIGNED&confirmed=true",
                "POST", "/consents/{consentId}/withdraw", "{\"method\": \"SIGNED\"}",
                p -> People.asSystem(DEMO_RECOVERY, () -> people.consent(p)).toString());
        pair("POST /persons/{id}/deactivate", "reason=Flyttet&confirmed=true",
                "POST", "/deactivate", "{\"reason\": \"Flyttet\"}", p -> "");
        pair("POST /persons/{id}/reactivate", "", "POST", "/reactivate", "",
                p -> {
                    People.asSystem(DEMO_RECOVERY, () -> {
                        persons.deactivate(p, "Borte");
                        return null;
                    });
                    return "";
                });
    }

    @Autowired
    People people;

    @Test
    void aSessionCancelledAndReinstatedOnThePageIsAsThroughTheApi() throws Exception {
        LocalDate today = LocalDate.now(clock);
        Activity activity = activities.activity(DEMO_RECOVERY, departmentName, "Tvilling " + UUID.randomUUID(), false,
                today.minusDays(30), null, List.of());
        ActivitySession a = activities.session(DEMO_RECOVERY, activity.id(), today.minusDays(7));
        ActivitySession b = activities.session(DEMO_RECOVERY, activity.id(), today.minusDays(6));
        page("POST /sessions/{id}/cancel", "/sessions/" + a.id() + "/cancel", "reason=Sykdom");
        api("POST /sessions/{id}/cancel", "/api/v1/sessions/" + b.id() + "/cancel", "{\"reason\": \"Sykdom\"}", null);
        assertThat(session(a.id())).isEqualTo(session(b.id())).contains("true Sykdom");
        page("POST /sessions/{id}/reinstate", "/sessions/" + a.id() + "/reinstate", "");
        api("POST /sessions/{id}/reinstate", "/api/v1/sessions/" + b.id() + "/reinstate", "", null);
        assertThat(session(a.id())).isEqualTo(session(b.id())).contains("false null");
    }

    @Test
    void theReportsTextsAndSettingsAndTheOutcomeThresholdsAreTheSameThroughEither() throws Exception {
        int year = 2018;
        page("POST /reports/annual/texts/{section}", "/reports/annual/texts/about",
                "year=" + year + "&department=" + department + "&markdown=Om oss");
        api("POST /reports/annual/texts/{section}", "/api/v1/reports/annual/texts/about",
                "{\"year\": " + year + ", \"department\": \"" + secondDepartment + "\", \"markdown\": \"Om oss\"}", null);
        assertThat(text(year, department)).isEqualTo(text(year, secondDepartment)).isEqualTo("Om oss");

        var assumption = People.asSystem(DEMO_RECOVERY, () -> narratives.savingAssumption());
        OutcomeSettings thresholds = People.asSystem(DEMO_RECOVERY, () -> outcomes.settings());
        try {
            page("POST /reports/annual/settings", "/reports/annual/settings",
                    "savingLowNok=300000&savingHighNok=800000&savingSource=Tvilling");
            var byPage = People.asSystem(DEMO_RECOVERY, () -> narratives.savingAssumption());
            restore(assumption, thresholds);
            api("POST /reports/annual/settings", "/api/v1/reports/annual/settings",
                    "{\"savingLowNok\": 300000, \"savingHighNok\": 800000, \"savingSource\": \"Tvilling\"}", null);
            assertThat(People.asSystem(DEMO_RECOVERY, () -> narratives.savingAssumption())).isEqualTo(byPage)
                    .isNotEqualTo(assumption);

            page("POST /outcomes/settings", "/outcomes/settings",
                    "abstinenceWindowMonths=6&minGapDays=60&qualityOfLifeGain=2&who5Gain=12&meaningfulMin=6");
            String byPageThresholds = thresholds();
            restore(assumption, thresholds);
            api("POST /outcomes/settings", "/api/v1/outcomes/settings", "{\"abstinenceWindowMonths\": 6, "
                    + "\"minGapDays\": 60, \"qualityOfLifeGain\": 2, \"who5Gain\": 12, \"meaningfulMin\": 6}", null);
            assertThat(thresholds()).isEqualTo(byPageThresholds).isEqualTo("6 60 2 12 6");
        } finally {
            restore(assumption, thresholds);
        }
    }

    @Autowired
    Plans plans;
    @Autowired
    Mappings mappingsOfPersons;
    @Autowired
    TransactionTemplate tx;

    /**
     * The plan's forms and their twins: one fresh person worked on through the pages, another through the API, step
     * by step (a mapping, a goal and its change, an action, its change, «Utført» and «Angre», an evaluation, a
     * proposal accepted and one rejected); after each step the two plans, mappings and histories must be the same.
     */
    @Test
    void thePlanFormsAndTheirTwinsDoTheSame() throws Exception {
        UUID a = fresh();
        UUID b = fresh();
        String pa = "/persons/" + a;
        String pb = "/api/v1/persons/" + b;
        LocalDate today = LocalDate.now(clock);
        LocalDate later = today.plusDays(40);

        page("POST /persons/{personId}/mappings", pa + "/mappings", "formId=" + UUID.randomUUID() + "&mappedOn="
                + today.minusDays(3) + "&areas[0].rating=4&areas[0].words=Bor hos en venn&areas[3].rating=7&dreams=Hus");
        api("POST /persons/{personId}/mappings", pb + "/mappings", "{\"mappedOn\": \"" + today.minusDays(3) + "\", "
                + "\"areas\": [{\"rating\": 4, \"words\": \"Bor hos en venn\"}, null, {}, {\"rating\": 7}], "
                + "\"dreams\": \"Hus\"}", UUID.randomUUID());
        samePlan(a, b);

        UUID goalA = UUID.randomUUID();
        UUID goalB = UUID.randomUUID();
        page("POST /persons/{personId}/plan/goals", pa + "/plan/goals", "formId=" + goalA
                + "&lifeArea=HOUSING&text=Egen leilighet&status=NOT_STARTED");
        api("POST /persons/{personId}/plan/goals", pb + "/plan/goals",
                "{\"lifeArea\": \"HOUSING\", \"text\": \"Egen leilighet\"}", goalB);
        page("POST /persons/{personId}/plan/goals/{goalId}", pa + "/plan/goals/" + goalA,
                "lifeArea=LEISURE&text=Egen leilighet i byen&status=IN_PROGRESS&nextEvaluationOn=" + later);
        api("POST /persons/{personId}/plan/goals/{goalId}", pb + "/plan/goals/" + goalB, "{\"lifeArea\": \"LEISURE\", "
                + "\"text\": \"Egen leilighet i byen\", \"status\": \"IN_PROGRESS\", \"nextEvaluationOn\": \"" + later + "\"}", null);
        samePlan(a, b);

        UUID actionA = UUID.randomUUID();
        UUID actionB = UUID.randomUUID();
        page("POST /persons/{personId}/plan/goals/{goalId}/actions", pa + "/plan/goals/" + goalA + "/actions",
                "formId=" + actionA + "&text=Ringe boligkontoret&responsible=PARTICIPANT&targetDate=" + later
                        + "&status=NOT_STARTED");
        api("POST /persons/{personId}/plan/goals/{goalId}/actions", pb + "/plan/goals/" + goalB + "/actions",
                "{\"text\": \"Ringe boligkontoret\", \"responsible\": \"PARTICIPANT\", \"targetDate\": \"" + later + "\"}",
                actionB);
        page("POST /persons/{personId}/plan/actions/{actionId}", pa + "/plan/actions/" + actionA,
                "text=Ringe igjen&responsible=VOLUNTEER&responsibleName=Frida&status=IN_PROGRESS");
        api("POST /persons/{personId}/plan/actions/{actionId}", pb + "/plan/actions/" + actionB, "{\"text\": "
                + "\"Ringe igjen\", \"responsible\": \"VOLUNTEER\", \"responsibleName\": \"Frida\", \"status\": \"IN_PROGRESS\"}", null);
        samePlan(a, b);
        page("POST /persons/{personId}/plan/actions/{actionId}/done", pa + "/plan/actions/" + actionA + "/done", "");
        api("POST /persons/{personId}/plan/actions/{actionId}/done", pb + "/plan/actions/" + actionB + "/done", "", null);
        assertThat(planState(b)).contains("Ringe igjen VOLUNTEER Frida null REACHED");
        samePlan(a, b);
        page("POST /persons/{personId}/plan/actions/{actionId}/undo-done",
                pa + "/plan/actions/" + actionA + "/undo-done", "status=IN_PROGRESS");
        api("POST /persons/{personId}/plan/actions/{actionId}/undo-done",
                pb + "/plan/actions/" + actionB + "/undo-done", "{\"status\": \"IN_PROGRESS\"}", null);
        assertThat(planState(b)).contains("Ringe igjen VOLUNTEER Frida null IN_PROGRESS");
        samePlan(a, b);

        page("POST /persons/{personId}/plan/goals/{goalId}/evaluations", pa + "/plan/goals/" + goalA + "/evaluations",
                "formId=" + UUID.randomUUID() + "&evaluatedOn=" + today + "&whatHappened=Søknaden er sendt"
                        + "&nextStep=Vente&nextEvaluationOn=" + later.plusDays(1));
        api("POST /persons/{personId}/plan/goals/{goalId}/evaluations", pb + "/plan/goals/" + goalB + "/evaluations",
                "{\"evaluatedOn\": \"" + today + "\", \"whatHappened\": \"Søknaden er sendt\", \"nextStep\": \"Vente\", "
                        + "\"nextEvaluationOn\": \"" + later.plusDays(1) + "\"}", UUID.randomUUID());
        samePlan(a, b);

        UUID[] proposals = People.asSystem(DEMO_RECOVERY, () -> new UUID[] {
                TestProposals.propose(plans, tx, a, LifeArea.NETWORK, "Bli med i kor"),
                TestProposals.propose(plans, tx, b, LifeArea.NETWORK, "Bli med i kor"),
                TestProposals.propose(plans, tx, a, LifeArea.ECONOMY, "Ny jobb"),
                TestProposals.propose(plans, tx, b, LifeArea.ECONOMY, "Ny jobb")});
        page("POST /persons/{personId}/plan/proposals/{proposalId}", pa + "/plan/proposals/" + proposals[0],
                "decision=accept&comment=Godt");
        api("POST /persons/{personId}/plan/proposals/{proposalId}", pb + "/plan/proposals/" + proposals[1],
                "{\"decision\": \"accept\", \"comment\": \"Godt\"}", null);
        page("POST /persons/{personId}/plan/proposals/{proposalId}", pa + "/plan/proposals/" + proposals[2],
                "decision=reject&comment=Senere");
        api("POST /persons/{personId}/plan/proposals/{proposalId}", pb + "/plan/proposals/" + proposals[3],
                "{\"decision\": \"reject\", \"comment\": \"Senere\"}", null);
        assertThat(planState(b)).contains("NETWORK Bli med i kor ACCEPTED", "ECONOMY Ny jobb REJECTED");
        samePlan(a, b);
        // the goals closed, so that no evaluation date of theirs shows in a later class's task list
        People.asSystem(DEMO_RECOVERY, () -> {
            for (UUID[] goal : new UUID[][] {{a, goalA}, {b, goalB}}) {
                GoalForm closed = GoalForm.of(plans.goal(goal[0], goal[1]));
                closed.setStatus(PlanStatus.CLOSED);
                plans.updateGoal(goal[0], goal[1], closed);
            }
            return null;
        });
    }

    private void samePlan(UUID a, UUID b) {
        assertThat(planState(a)).isEqualTo(planState(b));
    }

    /** A plan, its mappings and its history without ids and times. */
    private String planState(UUID person) {
        Plan p = People.asSystem(DEMO_RECOVERY, () -> plans.plan(person));
        List<Mapping> ms = People.asSystem(DEMO_RECOVERY, () -> mappingsOfPersons.ofPerson(person));
        return String.join("\n",
                ms.stream().map(m -> m.mappedOn() + " " + m.areas() + " " + m.interests() + " " + m.dreams() + " "
                        + m.strengths() + " " + m.challenges() + " " + m.createdBy()).toList().toString(),
                p.allGoals().stream().map(g -> (g.parentId() == null ? "main " : "sub ") + g.lifeArea() + " " + g.text()
                        + " " + g.status() + " " + g.nextEvaluationOn()).sorted().toList().toString(),
                p.allActions().stream().map(x -> x.text() + " " + x.responsible() + " " + x.responsibleName() + " "
                        + x.targetDate() + " " + x.status()).sorted().toList().toString(),
                p.allEvaluations().stream().map(e -> e.evaluatedOn() + " " + e.whatHappened() + " " + e.nextStep() + " "
                        + e.createdBy()).sorted().toList().toString(),
                p.proposals().stream().map(x -> x.lifeArea() + " " + x.text() + " " + x.status() + " " + x.decidedBy()
                        + " " + x.comment()).sorted().toList().toString(),
                p.history().stream().map(h -> h.actorName() + " " + h.entity() + " " + h.fieldGroup() + " "
                        + h.fields()).sorted().toList().toString());
    }

    // ---- the harness ----

    /**
     * Sends a person page form to one fresh person and its twin to another, then compares them. {@code extra}
     * prepares each person and gives the value of the path's second placeholder, if it has one.
     */
    private void pair(String pageEndpoint, String pageBody, String apiMethod, String apiSuffix, String apiBody,
                      Function<UUID, String> extra) throws Exception {
        UUID a = fresh();
        UUID b = fresh();
        String pagePath = fill(pageEndpoint.substring(pageEndpoint.indexOf(' ') + 1), a, extra.apply(a));
        String apiPath = fill("/api/v1/persons/{id}" + apiSuffix, b, extra.apply(b));
        page(pageEndpoint, pagePath, pageBody);
        String twin = ((ApiParity.Api) ApiParity.PAGES.get(pageEndpoint)).endpoint();
        assertThat(twin).as(pageEndpoint).startsWith(apiMethod + " ");
        send(apiMethod, apiPath, apiBody, null, pageEndpoint);
        same(a, b);
    }

    private static String fill(String path, UUID id, String second) {
        return path.replace("{id}", id.toString()).replaceAll("\\{[a-zA-Z]+Id}", second);
    }

    private void page(String endpoint, String path, String body) throws Exception {
        walked.add(endpoint);
        UserDetails admin = accounts.loadUserByUsername(Demo.ADMIN);
        MockHttpServletResponse r = mvc.perform(MatrixRequests.request("POST", path, body, admin, null)).andReturn()
                .getResponse();
        assertThat(r.getStatus()).as(endpoint + " on the page").isEqualTo(302);
        assertThat(r.getRedirectedUrl()).as(endpoint + " on the page").doesNotContain("/login");
    }

    private void api(String pageEndpoint, String path, String body, UUID key) throws Exception {
        String twin = ((ApiParity.Api) ApiParity.PAGES.get(pageEndpoint)).endpoint();
        send(twin.substring(0, twin.indexOf(' ')), path, body, key, pageEndpoint);
    }

    private void send(String method, String path, String body, UUID key, String pageEndpoint) throws Exception {
        MockHttpServletRequestBuilder request = MatrixRequests.request(method, path, body, null, "demo-admin");
        if (key != null) {
            request.header("Idempotency-Key", key.toString());
        }
        MockHttpServletResponse r = mvc.perform(request).andReturn().getResponse();
        assertThat(r.getStatus()).as("the twin of " + pageEndpoint + ": " + r.getContentAsString()).isBetween(200, 299);
    }

    private UUID fresh() {
        UUID id = People.asSystem(DEMO_RECOVERY, () -> {
            PersonForm form = new PersonForm();
            form.setDisplayName("Tvilling " + UUID.randomUUID().toString().substring(0, 6));
            form.setRole(PersonRole.GUEST);
            form.setDepartmentId(department);
            form.setConfirmDuplicate(true);
            return ((PersonDirectory.Registered) persons.register(UUID.randomUUID(), form)).id();
        });
        made.add(id);
        return id;
    }

    private PersonDetails detail(UUID id) {
        return People.asSystem(DEMO_RECOVERY, () -> persons.get(id));
    }

    /** Two persons are the same when everything but their ids, names and times is. */
    private void same(UUID a, UUID b) {
        assertThat(state(a)).isEqualTo(state(b));
    }

    private String state(UUID id) {
        PersonDetails p = detail(id);
        return String.join(" | ", String.valueOf(p.displayName().startsWith("Tvilling") ? "Tvilling" : p.displayName()),
                String.valueOf(p.birthYear()), String.valueOf(p.phone()), String.valueOf(p.municipality()),
                String.valueOf(p.active()), String.valueOf(p.deactivationReason()),
                p.roles().stream().map(r -> r.role() + " " + r.from() + " " + r.to()).sorted().toList().toString(),
                p.memberships().stream().map(m -> m.departmentId() + " " + m.from() + " " + m.to()).sorted().toList().toString(),
                p.relatives().stream().map(r -> r.relation()).sorted().toList().toString(),
                p.consents().stream().map(c -> c.purpose() + " " + c.method() + " " + c.active() + " "
                        + c.withdrawalMethod()).sorted().toList().toString());
    }

    private String session(UUID id) {
        ActivitySession s = People.asSystem(DEMO_RECOVERY, () -> sessions.get(id));
        return s.cancelled() + " " + s.cancelReason();
    }

    private String text(int year, UUID scope) {
        return People.asSystem(DEMO_RECOVERY, () -> narratives.forReport(year, scope).get(NarrativeSection.byKey("about")).markdown());
    }

    private String thresholds() {
        OutcomeSettings s = People.asSystem(DEMO_RECOVERY, () -> outcomes.settings());
        return s.getAbstinenceWindowMonths() + " " + s.getMinGapDays() + " " + s.getQualityOfLifeGain() + " "
                + s.getWho5Gain() + " " + s.getMeaningfulMin();
    }

    private void restore(ReportNarratives.SavingAssumption assumption, OutcomeSettings thresholds) {
        People.asSystem(DEMO_RECOVERY, () -> {
            narratives.changeSavingAssumption(assumption.lowNok(), assumption.highNok(), assumption.source());
            outcomes.changeSettings(thresholds);
            return null;
        });
    }

    /** Every pair walked above is a pair of the list: the walk cannot call what the list does not pair. */
    @AfterAll
    void everyPairWalkedIsInTheList() {
        Map<String, ApiParity.Twin> pages = ApiParity.PAGES;
        assertThat(pages.keySet()).containsAll(walked);
    }
}
