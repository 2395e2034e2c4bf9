package no.tilfrisk.volunteer;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static no.tilfrisk.Demo.OTHER_ORGANISATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import no.tilfrisk.Demo;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.account.TilfriskUser;
import no.tilfrisk.account.UserAccounts;
import no.tilfrisk.person.ConsentMethod;
import no.tilfrisk.person.ConsentPurpose;
import no.tilfrisk.person.Consents;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The volunteer's pages and API with bad input and after consent is withdrawn: field messages in the user's
 * language and nothing saved, never a 500; a double submit logs one meeting; another organisation's match is «not
 * found»; a withdrawn consent or an ended match hides the participant at once on the page and in the API.
 */
@TilfriskTest
class VolunteerPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    UserAccounts userAccounts;
    @Autowired
    VolunteerFixtures fixtures;
    @Autowired
    Consents consents;
    @Autowired
    Matches matches;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;

    private UserDetails frida() {
        return accounts.loadUserByUsername("frivillig@demo.tilfrisk.no");
    }

    private UUID fridaPerson() {
        UUID user = ((TilfriskUser) frida()).userId();
        return Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> userAccounts.personOf(user).orElseThrow()));
    }

    private record Matched(UUID participant, String name, UUID match) {
    }

    private Matched matched() {
        UUID frida = fridaPerson();
        fixtures.roomFor(DEMO_RECOVERY, frida);
        String name = "Sidetest " + UUID.randomUUID().toString().substring(0, 8);
        UUID participant = fixtures.participant(DEMO_RECOVERY, "Skien", name, true);
        return new Matched(participant, name, fixtures.active(DEMO_RECOVERY, frida, participant));
    }

    private String body(ResultActions r) throws Exception {
        return r.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private long meetings(UUID match) {
        return Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s ->
                db.sql("SELECT count(*) FROM volunteer_meeting WHERE match_id = ?").param(match).query(Long.class).single()));
    }

    @Test
    void badMeetingInputGivesFieldMessagesAndSavesNothing() throws Exception {
        Matched m = matched();
        long before = meetings(m.match());
        String[][] cases = {
                {"25", fixtures.today().toString(), "Timer må være mer enn 0 og høyst 24."},
                {"-1", fixtures.today().toString(), "Timer må være mer enn 0 og høyst 24."},
                {"mye", fixtures.today().toString(), "Skriv et tall"},
                {"2", fixtures.today().minusDays(40).toString(), "Datoen kan ikke være før matchen startet"},
                {"2", fixtures.today().plusDays(1).toString(), "Datoen kan ikke være fram i tid."}};
        for (String[] c : cases) {
            String html = body(mvc.perform(post("/frivillig/matches/" + m.match() + "/meetings").with(user(frida())).with(csrf())
                            .param("formId", UUID.randomUUID().toString()).param("metOn", c[1]).param("hours", c[0])
                            .param("what", "TALK"))
                    .andExpect(status().isOk()));
            assertThat(html).as(c[0] + " " + c[1]).contains("error-summary").contains(c[2]);
        }
        assertThat(meetings(m.match())).isEqualTo(before);
        // «1,5» as a phone types it, twice with one form id: one meeting
        String formId = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/frivillig/matches/" + m.match() + "/meetings").with(user(frida())).with(csrf())
                            .param("formId", formId).param("metOn", fixtures.today().toString()).param("hours", "1,5")
                            .param("what", "WALK"))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(meetings(m.match())).isEqualTo(before + 1);
        // the API: a problem per field, in English when asked
        String problem = body(mvc.perform(post("/api/v1/volunteers/me/matches/" + m.match() + "/meetings")
                        .header("Authorization", Demo.bearer("demo-frivillig")).header("Accept-Language", "en")
                        .contentType("application/json").content("{\"metOn\": \"" + fixtures.today() + "\", \"hours\": 30}"))
                .andExpect(status().isBadRequest()));
        assertThat(problem).contains("hours").contains("Hours must be more than 0 and at most 24.").contains("what");
        assertThat(meetings(m.match())).isEqualTo(before + 1);
    }

    @Test
    void anotherOrganisationsMatchIsNotFound() throws Exception {
        UUID volunteer = fixtures.volunteer(OTHER_ORGANISATION, "Bergen", "Annen " + UUID.randomUUID(), fixtures.today().minusDays(30));
        UUID participant = fixtures.participant(OTHER_ORGANISATION, "Bergen", "Annen deltaker " + UUID.randomUUID(), true);
        UUID match = fixtures.active(OTHER_ORGANISATION, volunteer, participant);
        mvc.perform(post("/frivillig/matches/" + match + "/meetings").with(user(frida())).with(csrf())
                        .param("formId", UUID.randomUUID().toString()).param("metOn", fixtures.today().toString())
                        .param("hours", "2").param("what", "TALK"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/volunteers/matches/" + match).with(user(accounts.loadUserByUsername(Demo.ADMIN))))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/volunteers/matches").header("Authorization", Demo.bearer("demo-admin"))
                        .contentType("application/json")
                        .content("{\"participantId\": \"" + participant + "\", \"volunteerId\": \"" + volunteer
                                + "\", \"helpKind\": \"COMPANY\"}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void withdrawingConsentOrEndingTheMatchHidesTheParticipantAtOnce() throws Exception {
        Matched m = matched();
        assertThat(body(mvc.perform(get("/frivillig").with(user(frida()))).andExpect(status().isOk()))).contains(m.name());
        assertThat(body(mvc.perform(get("/api/v1/volunteers/me/participants").header("Authorization", Demo.bearer("demo-frivillig")))
                .andExpect(status().isOk()))).contains(m.name());
        UUID consent = People.asSystem(DEMO_RECOVERY, () -> consents.of(m.participant())).stream()
                .filter(c -> c.active() && c.purpose() == ConsentPurpose.SHARE_WITH_VOLUNTEER).findFirst().orElseThrow().id();
        People.asSystem(DEMO_RECOVERY, () -> {
            consents.withdraw(m.participant(), consent, ConsentMethod.VERBAL);
            return null;
        });
        assertThat(body(mvc.perform(get("/frivillig").with(user(frida()))).andExpect(status().isOk()))).doesNotContain(m.name());
        assertThat(body(mvc.perform(get("/api/v1/volunteers/me/participants").header("Authorization", Demo.bearer("demo-frivillig")))
                .andExpect(status().isOk()))).doesNotContain(m.name());
        mvc.perform(get("/frivillig/matches/" + m.match()).with(user(frida()))).andExpect(status().isNotFound());

        Matched ended = matched();
        People.asSystem(DEMO_RECOVERY, () -> matches.act(ended.match(), MatchAction.END, EndReason.GOAL_REACHED));
        assertThat(body(mvc.perform(get("/frivillig").with(user(frida()))).andExpect(status().isOk()))).doesNotContain(ended.name());
        mvc.perform(get("/frivillig/matches/" + ended.match()).with(user(frida()))).andExpect(status().isNotFound());
    }

    @Test
    void theParticipantEndsAMatchWithoutAReasonOnMinSide() throws Exception {
        UserDetails dag = accounts.loadUserByUsername("deltaker@demo.tilfrisk.no");
        UUID dagPerson = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s ->
                userAccounts.personOf(((TilfriskUser) dag).userId()).orElseThrow()));
        UUID volunteer = fixtures.volunteer(DEMO_RECOVERY, "Skien", "Ola Avslutt " + UUID.randomUUID(), fixtures.today().minusDays(30));
        UUID match = fixtures.proposed(DEMO_RECOVERY, volunteer, dagPerson);
        // the yes with «share» ticked: a consent given digitally that names this volunteer
        mvc.perform(post("/min-side/frivillig/matches/" + match + "/accept").param("share", "true").with(user(dag)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(People.asSystem(DEMO_RECOVERY, () -> consents.of(dagPerson)))
                .filteredOn(c -> c.active() && volunteer.equals(c.volunteerId())).singleElement()
                .satisfies(c -> assertThat(c.method()).isEqualTo(ConsentMethod.SELF_SERVICE));
        assertThat(People.asSystem(DEMO_RECOVERY, () -> matches.get(match)).shared()).isTrue();
        // a second yes: a message, no change
        mvc.perform(post("/min-side/frivillig/matches/" + match + "/accept").with(user(dag)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        Matches.MatchView view = People.asSystem(DEMO_RECOVERY, () -> matches.get(match));
        assertThat(view.match().state()).isEqualTo(MatchState.ACCEPTED_BY_PARTICIPANT);
        // the first post only asks, naming the volunteer, and changes nothing
        mvc.perform(post("/min-side/frivillig/matches/" + match + "/end").with(user(dag)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Vil du avslutte matchen med Ola Avslutt")));
        assertThat(People.asSystem(DEMO_RECOVERY, () -> matches.get(match)).match().state())
                .isEqualTo(MatchState.ACCEPTED_BY_PARTICIPANT);
        mvc.perform(post("/min-side/frivillig/matches/" + match + "/end").param("confirmed", "true")
                        .with(user(dag)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        view = People.asSystem(DEMO_RECOVERY, () -> matches.get(match));
        assertThat(view.match().state()).isEqualTo(MatchState.ENDED);
        assertThat(view.match().endReason()).isEqualTo(EndReason.PARTICIPANT_ENDED);
        assertThat(view.events()).last().satisfies(e -> assertThat(e.actedAs()).isEqualTo(Actor.PARTICIPANT));
    }

    @Test
    void staffEndingAMatchAreAskedFirstAndTheConfirmedPostEndsIt() throws Exception {
        UserDetails admin = accounts.loadUserByUsername("admin@demo.tilfrisk.no");
        UUID volunteer = fixtures.volunteer(DEMO_RECOVERY, "Skien", "Vera Spørsmål " + UUID.randomUUID(),
                fixtures.today().minusDays(30));
        UUID participant = fixtures.participant(DEMO_RECOVERY, "Skien", "Per Spørsmål " + UUID.randomUUID(), true);
        UUID match = fixtures.active(DEMO_RECOVERY, volunteer, participant);
        mvc.perform(post("/volunteers/matches/" + match + "/act").param("action", "END").param("reason", "MOVED")
                        .with(user(admin)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Vil du avslutte matchen mellom Per Spørsmål")));
        assertThat(People.asSystem(DEMO_RECOVERY, () -> matches.get(match)).match().state()).isEqualTo(MatchState.ACTIVE);
        mvc.perform(post("/volunteers/matches/" + match + "/act").param("action", "END").param("reason", "MOVED")
                        .param("confirmed", "true").with(user(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        Matches.MatchView view = People.asSystem(DEMO_RECOVERY, () -> matches.get(match));
        assertThat(view.match().state()).isEqualTo(MatchState.ENDED);
        assertThat(view.match().endReason()).isEqualTo(EndReason.MOVED);
    }

    @Test
    void aVolunteerWhoStopsIsAskedFirstAndThenNoLongerSeesTheParticipant() throws Exception {
        Matched m = matched();
        String question = body(mvc.perform(post("/frivillig/matches/" + m.match() + "/end").with(user(frida())).with(csrf()))
                .andExpect(status().isOk()));
        assertThat(question).contains("Vil du avslutte matchen med " + m.name());
        assertThat(People.asSystem(DEMO_RECOVERY, () -> matches.get(m.match())).match().state()).isEqualTo(MatchState.ACTIVE);
        mvc.perform(post("/frivillig/matches/" + m.match() + "/end").param("confirmed", "true").with(user(frida())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        Matches.MatchView view = People.asSystem(DEMO_RECOVERY, () -> matches.get(m.match()));
        assertThat(view.match().state()).isEqualTo(MatchState.ENDED);
        assertThat(view.match().endReason()).isEqualTo(EndReason.VOLUNTEER_STOPPED);
        assertThat(body(mvc.perform(get("/frivillig").with(user(frida()))))).doesNotContain(m.name());
        mvc.perform(get("/frivillig/matches/" + m.match()).with(user(frida()))).andExpect(status().isNotFound());
    }
}
