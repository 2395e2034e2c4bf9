package no.tilfrisk.portal;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static no.tilfrisk.Demo.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import no.tilfrisk.ApiParity;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.account.TilfriskUser;
import no.tilfrisk.account.UserAccounts;
import no.tilfrisk.activity.SessionSignUps;
import no.tilfrisk.plan.ActionForm;
import no.tilfrisk.plan.MyPlan;
import no.tilfrisk.plan.PlanAction;
import no.tilfrisk.plan.PlanStatus;
import no.tilfrisk.plan.Plans;
import no.tilfrisk.plan.Proposal;
import no.tilfrisk.plan.Responsible;
import no.tilfrisk.platform.web.Dates;
import no.tilfrisk.volunteer.MatchAction;
import no.tilfrisk.volunteer.MatchState;
import no.tilfrisk.volunteer.Matches;
import no.tilfrisk.volunteer.ParticipantMatches;
import no.tilfrisk.volunteer.VolunteerFixtures;
import no.tilfrisk.volunteer.VolunteerWish;
import no.tilfrisk.volunteer.VolunteerWishes;
import no.tilfrisk.volunteer.WishForm;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * «Min side» through the API (issue 20, item 1): each form of the participant's pages and its twin under
 * {@code /api/v1/me}, sent by the demo participant Dag (with his session, then with his own token), do the same;
 * bad bodies are problem+json naming the field in the caller's language; and a participant's token reaches no one
 * else's data and no staff endpoint. Every change to Dag's demo data is put back.
 */
@TilfriskTest
class MyPageApiTest {

    private static final String DAG = "deltaker@demo.tilfrisk.no";
    private static final String TOKEN = "demo-deltaker";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    UserAccounts users;
    @Autowired
    SessionSignUps signUps;
    @Autowired
    MyPlan myPlan;
    @Autowired
    Plans plans;
    @Autowired
    VolunteerWishes wishes;
    @Autowired
    ParticipantMatches participantMatches;
    @Autowired
    Matches matches;
    @Autowired
    VolunteerFixtures volunteers;
    @Autowired
    People people;

    @Test
    void theMinSideFormsAreTwinnedInTheParticipantsApi() {
        for (String form : List.of("POST /min-side/aktiviteter/{sessionId}", "POST /min-side/plan/forslag",
                "POST /min-side/plan/actions/{actionId}/done", "POST /min-side/overgang/items/{itemId}",
                "POST /min-side/fritid/check-ins/{due}", "POST /min-side/frivillig/wish",
                "POST /min-side/frivillig/matches/{id}/accept", "POST /min-side/frivillig/matches/{id}/end",
                "POST /min-side/frivillig/matches/{id}/goals", "POST /min-side/frivillig/matches/{id}/share",
                "POST /min-side/frivillig/matches/{id}/unshare")) {
            assertThat(ApiParity.PAGES.get(form)).as(form).isInstanceOf(ApiParity.Api.class);
            assertThat(((ApiParity.Api) ApiParity.PAGES.get(form)).endpoint()).as(form).contains(" /api/v1/me/");
        }
    }

    @Test
    void signingUpOnThePageAndThroughTheApiIsTheSame() throws Exception {
        LocalDate today = LocalDate.now(Dates.OSLO);
        SessionSignUps.ComingSession session = dag(signUps::coming).stream()
                .filter(s -> !s.cancelled() && !s.signedUp() && s.date().isAfter(today)).findFirst().orElseThrow();
        UUID id = session.sessionId();
        try {
            page("/min-side/aktiviteter/" + id, "coming", "true");
            boolean byPage = signedUp(id);
            page("/min-side/aktiviteter/" + id, "coming", "false");
            assertThat(signedUp(id)).isFalse();
            assertThat(api(post("/api/v1/me/sessions/" + id + "/sign-up"), "{\"coming\": true}").getStatus()).isEqualTo(204);
            assertThat(signedUp(id)).isEqualTo(byPage).isTrue();
            // twice changes nothing; a body left out means «coming»
            assertThat(api(post("/api/v1/me/sessions/" + id + "/sign-up"), null).getStatus()).isEqualTo(204);
            assertThat(signedUp(id)).isTrue();
            assertThat(api(post("/api/v1/me/sessions/" + id + "/sign-up"), "{\"coming\": false}").getStatus()).isEqualTo(204);
            assertThat(signedUp(id)).isFalse();
            // a session not among his: not found, as on the page
            assertThat(api(post("/api/v1/me/sessions/" + UUID.randomUUID() + "/sign-up"), "{\"coming\": true}").getStatus())
                    .isEqualTo(404);
            assertThat(api(get("/api/v1/me/sessions"), null).getContentAsString(StandardCharsets.UTF_8))
                    .contains(id.toString());
        } finally {
            dag(() -> {
                signUps.signUp(id, false);
                return null;
            });
        }
    }

    @Test
    void aProposalOnThePageAndThroughTheApiIsTheSameAndARetryProposesOnce() throws Exception {
        UUID byPage = UUID.randomUUID();
        UUID byApi = UUID.randomUUID();
        UUID person = dagsPerson();
        try {
            page("/min-side/plan/forslag", "formId", byPage.toString(), "lifeArea", "NETWORK", "text", "Flere venner");
            String body = "{\"lifeArea\": \"NETWORK\", \"text\": \"Flere venner\"}";
            MockHttpServletResponse first = api(post("/api/v1/me/plan/proposals").header("Idempotency-Key", byApi), body);
            assertThat(first.getStatus()).isEqualTo(201);
            assertThat(first.getContentAsString()).contains(byApi.toString());
            assertThat(api(post("/api/v1/me/plan/proposals").header("Idempotency-Key", byApi), body).getStatus())
                    .isBetween(200, 201);
            List<Proposal> mine = dag(() -> myPlan.plan().orElseThrow().proposals());
            Proposal a = mine.stream().filter(p -> p.id().equals(byPage)).findFirst().orElseThrow();
            Proposal b = mine.stream().filter(p -> p.id().equals(byApi)).findFirst().orElseThrow();
            assertThat(List.of(b.goalId() == null, b.lifeArea(), b.text(), b.status()))
                    .isEqualTo(List.of(a.goalId() == null, a.lifeArea(), a.text(), a.status()));
            assertThat(mine).filteredOn(p -> p.id().equals(byApi)).hasSize(1);
            // no text: the field named, in the caller's language
            assertThat(problem(post("/api/v1/me/plan/proposals"), "{\"lifeArea\": \"NETWORK\"}", "nb"))
                    .contains("\"field\":\"text\"").doesNotContain("plan.");
            assertThat(problem(post("/api/v1/me/plan/proposals"), "{\"lifeArea\": \"NETWORK\"}", "en"))
                    .contains("\"field\":\"text\"");
        } finally {
            People.asSystem(DEMO_RECOVERY, () -> {
                for (UUID id : List.of(byPage, byApi)) {
                    try {
                        plans.decide(person, id, "reject", "Testdata");
                    } catch (RuntimeException notThere) {
                        // the test failed before it was made
                    }
                }
                return null;
            });
        }
    }

    @Test
    void anActionDoneOnThePageAndThroughTheApiIsTheSame() throws Exception {
        UUID person = dagsPerson();
        PlanAction action = dag(() -> myPlan.plan().orElseThrow().allActions()).stream()
                .filter(a -> a.responsible() == Responsible.PARTICIPANT && a.status() != PlanStatus.REACHED)
                .findFirst().orElseThrow();
        PlanStatus before = action.status();
        try {
            page("/min-side/plan/actions/" + action.id() + "/done");
            PlanStatus byPage = status(action.id());
            restore(person, action);
            assertThat(status(action.id())).isEqualTo(before);
            assertThat(api(post("/api/v1/me/plan/actions/" + action.id() + "/done"), null).getStatus()).isEqualTo(204);
            assertThat(status(action.id())).isEqualTo(byPage).isEqualTo(PlanStatus.REACHED);
        } finally {
            restore(person, action);
        }
        // another's action, or one unknown: not found
        assertThat(api(post("/api/v1/me/plan/actions/" + UUID.randomUUID() + "/done"), null).getStatus()).isEqualTo(404);
    }

    @Test
    void theWishOnThePageAndThroughTheApiIsTheSame() throws Exception {
        Optional<VolunteerWish> before = dag(() -> wishes.mine());
        try {
            page("/min-side/frivillig/wish", "wishes", "WALK_OUTDOORS", "text", "Gå tur", "area", "Skien",
                    "availability", "TUESDAY:EVENING", "waiting", "true");
            VolunteerWish byPage = dag(() -> wishes.mine()).orElseThrow();
            dag(() -> {
                wishes.saveMine(new WishForm());
                return null;
            });
            assertThat(api(put("/api/v1/me/volunteer/wish"), "{\"wishes\": [\"WALK_OUTDOORS\"], \"text\": \"Gå tur\", "
                    + "\"area\": \"Skien\", \"availability\": [\"TUESDAY:EVENING\"], \"waiting\": true}").getStatus())
                    .isEqualTo(204);
            assertThat(dag(() -> wishes.mine()).orElseThrow()).isEqualTo(byPage);
            // a wish of a kind that does not exist names the field; nothing is saved
            assertThat(problem(put("/api/v1/me/volunteer/wish"), "{\"wishes\": [\"SWIMMING\"]}", "en"))
                    .contains("\"field\":\"wishes[0]\"").contains("WALK_OUTDOORS");
            assertThat(problem(put("/api/v1/me/volunteer/wish"), "{\"languages\": \"norsk\"}", "nb"))
                    .contains("\"field\":\"languages\"");
            assertThat(dag(() -> wishes.mine()).orElseThrow()).isEqualTo(byPage);
        } finally {
            dag(() -> {
                wishes.saveMine(before.map(WishForm::of).orElseGet(WishForm::new));
                return null;
            });
        }
    }

    @Test
    void aVolunteerSaidYesToAndEndedOnThePageAndThroughTheApiIsTheSame() throws Exception {
        UUID person = dagsPerson();
        LocalDate longAgo = volunteers.today().minusDays(60);
        UUID a = volunteers.volunteer(DEMO_RECOVERY, "Skien", "Tvilling A " + UUID.randomUUID().toString().substring(0, 6), longAgo);
        UUID b = volunteers.volunteer(DEMO_RECOVERY, "Skien", "Tvilling B " + UUID.randomUUID().toString().substring(0, 6), longAgo);
        UUID byPage = volunteers.proposed(DEMO_RECOVERY, a, person);
        UUID byApi = volunteers.proposed(DEMO_RECOVERY, b, person);
        try {
            page("/min-side/frivillig/matches/" + byPage + "/accept");
            assertThat(api(post("/api/v1/me/volunteer/matches/" + byApi + "/accept"), "{\"share\": false}")
                    .getContentAsString()).contains("\"state\"");
            assertThat(state(byApi)).isEqualTo(state(byPage)).isNotEqualTo(MatchState.PROPOSED);
            // a second yes is refused, naming «state»
            assertThat(problem(post("/api/v1/me/volunteer/matches/" + byApi + "/accept"), "{}", "nb"))
                    .contains("\"field\":\"state\"");

            page("/min-side/frivillig/matches/" + byPage + "/end", "confirmed", "true");
            assertThat(api(post("/api/v1/me/volunteer/matches/" + byApi + "/end"), null).getStatus()).isEqualTo(200);
            assertThat(state(byApi)).isEqualTo(state(byPage)).isEqualTo(MatchState.ENDED);
        } finally {
            People.asSystem(DEMO_RECOVERY, () -> {
                for (UUID m : List.of(byPage, byApi)) {
                    if (matches.get(m).match().state().open()) {
                        matches.act(m, MatchAction.END, no.tilfrisk.volunteer.EndReason.DID_NOT_WORK);
                    }
                }
                return null;
            });
        }
    }

    @Test
    void sharingWithTheVolunteerOnThePageAndThroughTheApiIsTheSame() throws Exception {
        ParticipantMatches.MyMatch match = dag(participantMatches::mine).stream()
                .filter(m -> m.state().running() && m.shared()).findFirst().orElseThrow();
        UUID id = match.matchId();
        List<UUID> chosen = match.goals().stream().filter(g -> g.chosen()).map(g -> g.id()).toList();
        try {
            page("/min-side/frivillig/matches/" + id + "/unshare", "confirmed", "true");
            boolean byPage = shared(id);
            page("/min-side/frivillig/matches/" + id + "/share");
            assertThat(shared(id)).isTrue();
            assertThat(api(post("/api/v1/me/volunteer/matches/" + id + "/unshare"), null).getStatus()).isEqualTo(204);
            assertThat(shared(id)).isEqualTo(byPage).isFalse();
            assertThat(api(post("/api/v1/me/volunteer/matches/" + id + "/share"), null).getStatus()).isEqualTo(204);
            assertThat(shared(id)).isTrue();

            // the goals: none on the page, then the same through the API
            page("/min-side/frivillig/matches/" + id + "/goals");
            assertThat(goals(id)).isEmpty();
            assertThat(api(put("/api/v1/me/volunteer/matches/" + id + "/goals"),
                    "{\"goalIds\": " + chosen.stream().map(g -> "\"" + g + "\"").toList() + "}").getStatus()).isEqualTo(204);
            assertThat(goals(id)).containsExactlyInAnyOrderElementsOf(chosen);
            // a goal that is not one of his names «goalIds»
            assertThat(problem(put("/api/v1/me/volunteer/matches/" + id + "/goals"),
                    "{\"goalIds\": [\"" + UUID.randomUUID() + "\"]}", "nb")).contains("\"field\":\"goalIds\"");
            assertThat(goals(id)).containsExactlyInAnyOrderElementsOf(chosen);
        } finally {
            dag(() -> {
                participantMatches.share(id);
                participantMatches.shareGoals(id, chosen);
                return null;
            });
        }
    }

    @Test
    void theParticipantsTokenReachesNoOneElsesDataAndNoStaffEndpoint() throws Exception {
        UUID other = people.register(DEMO_RECOVERY, "Skien", "Annen " + UUID.randomUUID().toString().substring(0, 6));
        for (String path : List.of("/api/v1/persons/" + other, "/api/v1/persons/" + other + "/plan",
                "/api/v1/persons/" + other + "/responses", "/api/v1/persons/" + other + "/transitions")) {
            assertThat(api(get(path), null).getStatus()).as(path).isIn(403, 404);
        }
        for (String path : List.of("/api/v1/persons", "/api/v1/volunteers", "/api/v1/volunteers/matches",
                "/api/v1/contacts", "/api/v1/activities", "/api/v1/leisure/processes", "/api/v1/webhooks",
                "/api/v1/volunteers/me/participants")) {
            MockHttpServletResponse r = api(get(path), null);
            assertThat(r.getStatus()).as(path).isIn(403, 404);
            assertThat(r.getContentAsString(StandardCharsets.UTF_8)).as(path).doesNotContain("Annen ");
        }
        // and a staff token is refused on the participant's own API
        MockHttpServletResponse staff = mvc.perform(get("/api/v1/me/plan").header("Authorization", bearer("demo-ansatt")))
                .andReturn().getResponse();
        assertThat(staff.getStatus()).isEqualTo(403);
    }

    @Test
    void badBodiesAreProblemsNamingTheFieldInTheCallersLanguage() throws Exception {
        String nb = problem(post("/api/v1/me/sessions/" + UUID.randomUUID() + "/sign-up"), "{\"coming\": \"kanskje\"}", "nb");
        String en = problem(post("/api/v1/me/sessions/" + UUID.randomUUID() + "/sign-up"), "{\"coming\": \"kanskje\"}", "en");
        assertThat(nb).contains("\"field\":\"coming\"");
        assertThat(en).contains("\"field\":\"coming\"");
        assertThat(nb).isNotEqualTo(en);
        assertThat(problem(post("/api/v1/me/leisure/check-ins/WEEK_2"), "{\"rating\": \"godt\"}", "en"))
                .contains("\"field\":\"rating\"");
        assertThat(api(post("/api/v1/me/leisure/check-ins/YEAR_9"), "{\"rating\": 5}").getStatus()).isEqualTo(404);
        assertThat(problem(post("/api/v1/me/transitions/items/" + UUID.randomUUID() + "/status"),
                "{\"status\": \"FINISHED\"}", "nb")).contains("\"field\":\"status\"");
    }

    // ---- the harness ----

    private TilfriskUser dagUser() {
        return (TilfriskUser) accounts.loadUserByUsername(DAG);
    }

    private <T> T dag(Supplier<T> work) {
        return People.as(dagUser(), work);
    }

    private UUID dagsPerson() {
        return People.asSystem(DEMO_RECOVERY, () -> users.personOf(dagUser().userId()).orElseThrow());
    }

    private void page(String path, String... params) throws Exception {
        MockHttpServletRequestBuilder request = post(path).with(user(dagUser())).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        MockHttpServletResponse r = mvc.perform(request).andReturn().getResponse();
        assertThat(r.getStatus()).as(path + " on the page").isEqualTo(302);
        assertThat(r.getRedirectedUrl()).as(path).doesNotContain("/login");
    }

    private MockHttpServletResponse api(MockHttpServletRequestBuilder request, String body) throws Exception {
        request.header("Authorization", bearer(TOKEN));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    /** A 400 answered as problem+json, in the language asked for; its body. */
    private String problem(MockHttpServletRequestBuilder request, String body, String language) throws Exception {
        MockHttpServletResponse r = api(request.header("Accept-Language", language), body);
        assertThat(r.getStatus()).as(r.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(400);
        assertThat(r.getContentType()).startsWith("application/problem+json");
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    private boolean signedUp(UUID session) {
        return dag(signUps::coming).stream().filter(s -> s.sessionId().equals(session)).findFirst().orElseThrow().signedUp();
    }

    private PlanStatus status(UUID action) {
        return dag(() -> myPlan.plan().orElseThrow().allActions()).stream().filter(a -> a.id().equals(action))
                .findFirst().orElseThrow().status();
    }

    /** The action as it was (only the one who marked it may take back «done», so staff edit it back). */
    private void restore(UUID person, PlanAction was) {
        People.asSystem(DEMO_RECOVERY, () -> {
            ActionForm form = new ActionForm();
            form.setText(was.text());
            form.setResponsible(was.responsible());
            form.setResponsibleUserId(was.responsibleUserId());
            form.setResponsibleName(was.responsibleName());
            form.setTargetDate(was.targetDate());
            form.setStatus(was.status());
            plans.updateAction(person, was.id(), form);
            return null;
        });
    }

    private MatchState state(UUID match) {
        return People.asSystem(DEMO_RECOVERY, () -> matches.get(match).match().state());
    }

    private boolean shared(UUID match) {
        return dag(participantMatches::mine).stream().filter(m -> m.matchId().equals(match)).findFirst().orElseThrow().shared();
    }

    private List<UUID> goals(UUID match) {
        return dag(participantMatches::mine).stream().filter(m -> m.matchId().equals(match)).findFirst().orElseThrow()
                .goals().stream().filter(g -> g.chosen()).map(g -> g.id()).toList();
    }
}
