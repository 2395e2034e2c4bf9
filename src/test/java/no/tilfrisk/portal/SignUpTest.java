package no.tilfrisk.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.account.TilfriskUser;
import no.tilfrisk.activity.AttendanceRollCall;
import no.tilfrisk.activity.SessionSignUps;
import no.tilfrisk.platform.web.Dates;
import no.tilfrisk.platform.web.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A participant signs up on «Min side» for the coming sessions of an activity they came to, and the roll call shows
 * who signed up. The demo participant came to the outdoor group's latest sessions (demo data).
 */
@TilfriskTest
class SignUpTest {

    @Autowired
    SessionSignUps signUps;
    @Autowired
    AttendanceRollCall rollCall;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    MockMvc mvc;

    @Test
    void theParticipantSeesTheComingSessionsOfTheirActivitiesAndSignsUpOnce() {
        TilfriskUser dag = account("deltaker@demo.tilfrisk.no");
        List<SessionSignUps.ComingSession> coming = as(dag, signUps::coming);
        LocalDate today = LocalDate.now(Dates.OSLO);
        assertThat(coming).isNotEmpty();
        assertThat(coming).allSatisfy(s -> {
            assertThat(s.date()).isBetween(today, today.plusDays(SessionSignUps.AHEAD_DAYS));
        });
        assertThat(coming).extracting(SessionSignUps.ComingSession::activityName).contains("Friluftsgruppe")
                .as("the self-help group in Stavanger, where he never came, is not offered").doesNotContain("Selvhjelpsgruppe");

        // a session after today: on a day the group meets, the demo has marked him present at today's already
        var session = coming.stream().filter(s -> !s.cancelled() && !s.signedUp())
                .filter(s -> s.date().isAfter(today)).findFirst().orElseThrow();
        as(dag, () -> {
            signUps.signUp(session.sessionId(), true);
            signUps.signUp(session.sessionId(), true);
            return null;
        });
        assertThat(as(dag, signUps::coming)).filteredOn(s -> s.sessionId().equals(session.sessionId()))
                .singleElement().satisfies(s -> assertThat(s.signedUp()).isTrue());

        var call = as(account("koordinator@demo.tilfrisk.no"), () -> rollCall.open(session.sessionId()));
        assertThat(call.signedUp()).extracting(m -> m.person().displayName()).containsExactly("Dag");
        assertThat(call.signedUp()).allSatisfy(m -> assertThat(m.present()).as("a sign-up is not attendance").isFalse());

        as(dag, () -> {
            signUps.signUp(session.sessionId(), false);
            return null;
        });
        assertThat(as(account("koordinator@demo.tilfrisk.no"), () -> rollCall.open(session.sessionId())).signedUp()).isEmpty();
    }

    @Test
    void aSessionOutsideTheParticipantsActivitiesCannotBeSignedUpFor() {
        TilfriskUser dag = account("deltaker@demo.tilfrisk.no");
        assertThatThrownBy(() -> as(dag, () -> {
            signUps.signUp(UUID.randomUUID(), true);
            return null;
        })).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(account("ansatt@demo.tilfrisk.no"), signUps::coming))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void thePageSignsUpWithOneTap() throws Exception {
        TilfriskUser dag = account("deltaker@demo.tilfrisk.no");
        var session = as(dag, signUps::coming).stream().filter(s -> !s.cancelled() && !s.signedUp())
                .reduce((a, b) -> b).orElseThrow();
        var posted = mvc.perform(post("/min-side/aktiviteter/" + session.sessionId()).param("coming", "true")
                .with(user(dag)).with(csrf())).andReturn();
        assertThat(posted.getResponse().getStatus()).isEqualTo(302);
        assertThat(posted.getFlashMap().get("changed")).isEqualTo("signedUp");
        String page = mvc.perform(get("/min-side/aktiviteter").with(user(dag)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String row = page.substring(page.indexOf("id=\"s-" + session.sessionId()));
        row = row.substring(0, row.indexOf("</li>"));
        assertThat(row).contains("Påmeldt").contains("Jeg kommer likevel ikke").contains("name=\"coming\" value=\"false\"");
        as(dag, () -> {
            signUps.signUp(session.sessionId(), false);
            return null;
        });
    }

    private TilfriskUser account(String email) {
        return (TilfriskUser) accounts.loadUserByUsername(email);
    }

    private static <T> T as(TilfriskUser user, Supplier<T> work) {
        return People.as(user, work);
    }
}
