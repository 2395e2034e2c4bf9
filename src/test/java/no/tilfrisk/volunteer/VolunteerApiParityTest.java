package no.tilfrisk.volunteer;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static no.tilfrisk.Demo.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import no.tilfrisk.Demo;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.account.TilfriskUser;
import no.tilfrisk.account.UserAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The volunteer forms and their API twins (issue 20, item 1): each pair is sent to two fresh records of their own, by
 * staff (the demo admin) or by the demo volunteer, and the records compared after; bad bodies name their field in the
 * caller's language. Every match made here is ended at the end, and the organisation's setting put back.
 */
@TilfriskTest
class VolunteerApiParityTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    UserAccounts userAccounts;
    @Autowired
    VolunteerFixtures fixtures;
    @Autowired
    Matches matches;
    @Autowired
    VolunteerWishes wishes;
    @Autowired
    Volunteers volunteers;

    private final List<UUID> made = new ArrayList<>();

    @AfterEach
    void endTheMatchesMade() {
        demo(() -> {
            for (UUID m : made) {
                if (matches.get(m).match().state().open()) {
                    matches.act(m, MatchAction.END, EndReason.DID_NOT_WORK);
                }
            }
            return null;
        });
        made.clear();
    }

    @Test
    void theSettingIsTheSameThroughThePageAndTheApi() throws Exception {
        int before = demo(() -> volunteers.policeCertificateYears());
        int other = before == 4 ? 5 : 4;
        try {
            page(Demo.ADMIN, "/volunteers/settings", "years", String.valueOf(other));
            int byPage = demo(() -> volunteers.policeCertificateYears());
            setYears(before);
            MockHttpServletResponse r = api("demo-admin", put("/api/v1/volunteers/settings"), "{\"years\": " + other + "}");
            assertThat(r.getStatus()).isEqualTo(200);
            assertThat(demo(() -> volunteers.policeCertificateYears())).isEqualTo(byPage).isEqualTo(other);
            assertThat(api("demo-admin", get("/api/v1/volunteers/settings"), null).getContentAsString())
                    .contains("\"years\":" + other);
            String nb = problem("demo-admin", put("/api/v1/volunteers/settings"), "{\"years\": 11}", "nb");
            String en = problem("demo-admin", put("/api/v1/volunteers/settings"), "{\"years\": 11}", "en");
            assertThat(nb).contains("\"field\":\"years\"").isNotEqualTo(en);
            assertThat(demo(() -> volunteers.policeCertificateYears())).isEqualTo(other);
            // staff read it but do not change it
            assertThat(api("demo-ansatt", put("/api/v1/volunteers/settings"), "{\"years\": 3}").getStatus()).isEqualTo(403);
        } finally {
            setYears(before);
        }
    }

    @Test
    void aWishRecordedByStaffIsTheSameThroughThePageAndTheApi() throws Exception {
        UUID a = fixtures.participant(DEMO_RECOVERY, "Skien", name("Ønske"), false);
        UUID b = fixtures.participant(DEMO_RECOVERY, "Skien", name("Ønske"), false);
        page(Demo.ADMIN, "/volunteers/wishes/" + a, "wishes", "WALK_OUTDOORS", "text", "Gå tur", "languages", "nb, en",
                "area", "Skien", "availability", "TUESDAY:EVENING", "waiting", "true");
        assertThat(api("demo-admin", put("/api/v1/volunteers/wishes/" + b), "{\"wishes\": [\"WALK_OUTDOORS\"], "
                + "\"text\": \"Gå tur\", \"languages\": \"nb, en\", \"area\": \"Skien\", \"availability\": [\"TUESDAY:EVENING\"], "
                + "\"waiting\": true}").getStatus()).isEqualTo(204);
        VolunteerWish byPage = demo(() -> wishes.of(a)).orElseThrow();
        VolunteerWish byApi = demo(() -> wishes.of(b)).orElseThrow();
        assertThat(new VolunteerWish(null, byApi.wishes(), byApi.text(), byApi.languages(), byApi.area(),
                byApi.availability(), byApi.waiting(), byApi.setByParticipant()))
                .isEqualTo(new VolunteerWish(null, byPage.wishes(), byPage.text(), byPage.languages(), byPage.area(),
                        byPage.availability(), byPage.waiting(), byPage.setByParticipant()));
        assertThat(byApi.wishes()).containsExactly(no.tilfrisk.volunteer.matching.Wish.WALK_OUTDOORS);
        assertThat(problem("demo-admin", put("/api/v1/volunteers/wishes/" + b), "{\"languages\": \"norsk\"}", "en"))
                .contains("\"field\":\"languages\"");
        assertThat(demo(() -> wishes.of(b)).orElseThrow()).isEqualTo(byApi);
    }

    @Test
    void checkInsSharingAndGoalsOfAMatchAreTheSameThroughThePageAndTheApi() throws Exception {
        UUID a = active();
        UUID b = active();
        page(Demo.ADMIN, "/volunteers/matches/" + a + "/check-ins/WEEK_6");
        assertThat(api("demo-admin", post("/api/v1/volunteers/matches/" + b + "/check-ins/WEEK_6"), null).getStatus())
                .isEqualTo(204);
        assertThat(view(b).checkInsDone()).isEqualTo(view(a).checkInsDone()).contains("WEEK_6");

        page(Demo.ADMIN, "/volunteers/matches/" + a + "/share", "shareMethod", "SIGNED");
        assertThat(api("demo-admin", post("/api/v1/volunteers/matches/" + b + "/share"), "{\"shareMethod\": \"SIGNED\"}")
                .getStatus()).isEqualTo(204);
        assertThat(view(b).shared()).isEqualTo(view(a).shared()).isTrue();

        page(Demo.ADMIN, "/volunteers/matches/" + a + "/goals");
        assertThat(api("demo-admin", put("/api/v1/volunteers/matches/" + b + "/goals"), "{\"goalIds\": []}").getStatus())
                .isEqualTo(204);
        assertThat(chosen(b)).isEqualTo(chosen(a)).isZero();
        UUID goalA = fixtures.sharedGoalOf(demo(() -> matches.get(a).match().participantId()));
        UUID goalB = fixtures.sharedGoalOf(demo(() -> matches.get(b).match().participantId()));
        page(Demo.ADMIN, "/volunteers/matches/" + a + "/goals", "goalIds", goalA.toString());
        assertThat(api("demo-admin", put("/api/v1/volunteers/matches/" + b + "/goals"), "{\"goalIds\": [\"" + goalB + "\"]}")
                .getStatus()).isEqualTo(204);
        assertThat(chosen(b)).isEqualTo(chosen(a)).isEqualTo(1);

        // another's goal, a step that does not exist, a consent without its method: refused, nothing changed
        assertThat(problem("demo-admin", put("/api/v1/volunteers/matches/" + b + "/goals"),
                "{\"goalIds\": [\"" + goalA + "\"]}", "nb")).contains("\"field\":\"goalIds\"");
        assertThat(chosen(b)).isEqualTo(1);
        assertThat(api("demo-admin", post("/api/v1/volunteers/matches/" + b + "/check-ins/YEAR_1"), null).getStatus())
                .isIn(400, 404);
        assertThat(problem("demo-admin", post("/api/v1/volunteers/matches/" + b + "/share"), "{\"shareMethod\": \"SMOKE\"}",
                "en")).contains("\"field\":\"shareMethod\"");
    }

    @Test
    void anAssignmentProposedOnThePageAndThroughTheApiIsTheSameAndARetryProposesOnce() throws Exception {
        UUID volunteerA = fixtures.volunteer(DEMO_RECOVERY, "Skien", name("Ledig"), fixtures.today().minusDays(30));
        UUID volunteerB = fixtures.volunteer(DEMO_RECOVERY, "Skien", name("Ledig"), fixtures.today().minusDays(30));
        UUID a = fixtures.participant(DEMO_RECOVERY, "Skien", name("Venter"), false);
        UUID b = fixtures.participant(DEMO_RECOVERY, "Skien", name("Venter"), false);
        page(Demo.ADMIN, "/volunteers/assignment", "formId", UUID.randomUUID().toString(), "rows[0].participantId", a.toString(),
                "rows[0].volunteerId", volunteerA.toString(), "rows[0].helpKind", "COMPANY");
        UUID key = UUID.randomUUID();
        String body = "{\"rows\": [{\"participantId\": \"" + b + "\", \"volunteerId\": \"" + volunteerB
                + "\", \"helpKind\": \"COMPANY\"}]}";
        MockHttpServletResponse first = api("demo-admin", post("/api/v1/volunteers/assignment").header("Idempotency-Key", key), body);
        assertThat(first.getStatus()).isEqualTo(201);
        assertThat(api("demo-admin", post("/api/v1/volunteers/assignment").header("Idempotency-Key", key), body).getStatus())
                .isEqualTo(201);
        List<Match> ofA = demo(() -> matches.ofVolunteer(volunteerA));
        List<Match> ofB = demo(() -> matches.ofVolunteer(volunteerB));
        ofA.forEach(m -> made.add(m.id()));
        ofB.forEach(m -> made.add(m.id()));
        assertThat(ofB).hasSize(1);
        assertThat(first.getContentAsString()).contains(ofB.get(0).id().toString());
        assertThat(ofB).extracting(Match::state, Match::helpKind).isEqualTo(ofA.stream().map(m ->
                org.assertj.core.groups.Tuple.tuple(m.state(), m.helpKind())).toList());
        // a volunteer who does not exist: refused, nothing proposed
        String refused = problem("demo-admin", post("/api/v1/volunteers/assignment"), "{\"rows\": [{\"participantId\": \""
                + b + "\", \"volunteerId\": \"" + UUID.randomUUID() + "\", \"helpKind\": \"COMPANY\"}]}", "nb");
        assertThat(refused).contains("\"field\":\"rows");
        assertThat(demo(() -> matches.ofParticipant(b))).hasSize(1);
    }

    @Test
    void theVolunteersOwnYesAndEndAreTheSameThroughThePageAndTheApi() throws Exception {
        UUID frida = fridaPerson();
        fixtures.roomFor(DEMO_RECOVERY, frida);
        UUID a = fixtures.proposed(DEMO_RECOVERY, frida, fixtures.participant(DEMO_RECOVERY, "Skien", name("Egen"), true));
        UUID b = fixtures.proposed(DEMO_RECOVERY, frida, fixtures.participant(DEMO_RECOVERY, "Skien", name("Egen"), true));
        made.add(a);
        made.add(b);
        page("frivillig@demo.tilfrisk.no", "/frivillig/matches/" + a + "/accept");
        assertThat(api("demo-frivillig", post("/api/v1/volunteers/me/matches/" + b + "/accept"), null).getContentAsString())
                .contains("\"state\"");
        assertThat(state(b)).isEqualTo(state(a)).isNotEqualTo(MatchState.PROPOSED);
        assertThat(problem("demo-frivillig", post("/api/v1/volunteers/me/matches/" + b + "/accept"), null, "en"))
                .contains("\"field\":\"state\"");
        page("frivillig@demo.tilfrisk.no", "/frivillig/matches/" + a + "/end", "confirmed", "true");
        assertThat(api("demo-frivillig", post("/api/v1/volunteers/me/matches/" + b + "/end"), null).getStatus()).isEqualTo(200);
        assertThat(state(b)).isEqualTo(state(a)).isEqualTo(MatchState.ENDED);
        // a match not theirs is not found
        assertThat(api("demo-frivillig", post("/api/v1/volunteers/me/matches/" + UUID.randomUUID() + "/end"), null)
                .getStatus()).isEqualTo(404);
    }

    // ---- the harness ----

    private UUID active() {
        UUID volunteer = fixtures.volunteer(DEMO_RECOVERY, "Skien", name("Tvilling"), fixtures.today().minusDays(30));
        UUID participant = fixtures.participant(DEMO_RECOVERY, "Skien", name("Tvilling"), false);
        UUID id = fixtures.active(DEMO_RECOVERY, volunteer, participant, false);
        made.add(id);
        return id;
    }

    private Matches.MatchView view(UUID match) {
        return demo(() -> matches.get(match));
    }

    private long chosen(UUID match) {
        return view(match).goals().stream().filter(GoalChoice::chosen).count();
    }

    private MatchState state(UUID match) {
        return view(match).match().state();
    }

    private void setYears(int years) {
        demo(() -> {
            volunteers.setPoliceCertificateYears(years);
            return null;
        });
    }

    private UUID fridaPerson() {
        TilfriskUser frida = (TilfriskUser) accounts.loadUserByUsername("frivillig@demo.tilfrisk.no");
        return demo(() -> userAccounts.personOf(frida.userId()).orElseThrow());
    }

    private static String name(String what) {
        return what + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private <T> T demo(Supplier<T> work) {
        return People.as(accounts.loadUserByUsername(Demo.ADMIN), work);
    }

    private void page(String account, String path, String... params) throws Exception {
        UserDetails user = accounts.loadUserByUsername(account);
        MockHttpServletRequestBuilder request = post(path).with(user(user)).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        MockHttpServletResponse r = mvc.perform(request).andReturn().getResponse();
        assertThat(r.getStatus()).as(path + " on the page").isEqualTo(302);
        assertThat(r.getRedirectedUrl()).as(path).doesNotContain("/login");
    }

    private MockHttpServletResponse api(String token, MockHttpServletRequestBuilder request, String body) throws Exception {
        request.header("Authorization", bearer(token));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private String problem(String token, MockHttpServletRequestBuilder request, String body, String language) throws Exception {
        MockHttpServletResponse r = api(token, request.header("Accept-Language", language), body);
        assertThat(r.getStatus()).as(r.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(400);
        assertThat(r.getContentType()).startsWith("application/problem+json");
        return r.getContentAsString(StandardCharsets.UTF_8);
    }
}
