package no.tilfrisk.volunteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.tilfrisk.platform.web.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * Every state × action × actor of {@link MatchLifecycle}: the allowed moves are exactly the table below, every
 * other combination is refused with a message (never a change).
 */
class MatchLifecycleTest {

    private record Move(MatchState from, MatchAction action, Actor actor) {
    }

    /** The allowed moves and where they lead (an end by staff with a reason). */
    private static final Map<Move, MatchState> ALLOWED = new HashMap<>();

    static {
        for (Actor a : List.of(Actor.PARTICIPANT, Actor.STAFF)) {
            ALLOWED.put(new Move(MatchState.PROPOSED, MatchAction.ACCEPT_FOR_PARTICIPANT, a), MatchState.ACCEPTED_BY_PARTICIPANT);
            ALLOWED.put(new Move(MatchState.ACCEPTED_BY_VOLUNTEER, MatchAction.ACCEPT_FOR_PARTICIPANT, a), MatchState.ACTIVE);
        }
        for (Actor a : List.of(Actor.VOLUNTEER, Actor.STAFF)) {
            ALLOWED.put(new Move(MatchState.PROPOSED, MatchAction.ACCEPT_FOR_VOLUNTEER, a), MatchState.ACCEPTED_BY_VOLUNTEER);
            ALLOWED.put(new Move(MatchState.ACCEPTED_BY_PARTICIPANT, MatchAction.ACCEPT_FOR_VOLUNTEER, a), MatchState.ACTIVE);
        }
        ALLOWED.put(new Move(MatchState.ACTIVE, MatchAction.PAUSE, Actor.STAFF), MatchState.PAUSED);
        ALLOWED.put(new Move(MatchState.PAUSED, MatchAction.RESUME, Actor.STAFF), MatchState.ACTIVE);
        for (MatchState s : MatchState.values()) {
            if (s != MatchState.ENDED) {
                for (Actor a : Actor.values()) {
                    ALLOWED.put(new Move(s, MatchAction.END, a), MatchState.ENDED);
                }
            }
        }
    }

    @Test
    void exactlyTheAllowedMovesChangeTheStateAndEveryOtherIsRefused() {
        List<String> wrong = new ArrayList<>();
        int allowed = 0;
        int refused = 0;
        for (MatchState from : MatchState.values()) {
            for (MatchAction action : MatchAction.values()) {
                for (Actor actor : Actor.values()) {
                    Move move = new Move(from, action, actor);
                    MatchState expected = ALLOWED.get(move);
                    try {
                        MatchState to = MatchLifecycle.next(from, action, actor, EndReason.DID_NOT_WORK).state();
                        allowed++;
                        if (!to.equals(expected)) {
                            wrong.add(move + " went to " + to + ", expected " + expected);
                        }
                    } catch (InvalidInputException e) {
                        refused++;
                        if (expected != null) {
                            wrong.add(move + " was refused (" + e.code() + "), expected " + expected);
                        }
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(allowed).isEqualTo(ALLOWED.size()).isEqualTo(25);
        assertThat(refused).isEqualTo(MatchState.values().length * MatchAction.values().length * Actor.values().length - 25);
    }

    @Test
    void bothYesesInEitherOrderMakeTheMatchActive() {
        MatchState s = MatchLifecycle.next(MatchState.PROPOSED, MatchAction.ACCEPT_FOR_PARTICIPANT, Actor.PARTICIPANT, null).state();
        assertThat(MatchLifecycle.next(s, MatchAction.ACCEPT_FOR_VOLUNTEER, Actor.VOLUNTEER, null).state()).isEqualTo(MatchState.ACTIVE);
        s = MatchLifecycle.next(MatchState.PROPOSED, MatchAction.ACCEPT_FOR_VOLUNTEER, Actor.VOLUNTEER, null).state();
        assertThat(MatchLifecycle.next(s, MatchAction.ACCEPT_FOR_PARTICIPANT, Actor.STAFF, null).state()).isEqualTo(MatchState.ACTIVE);
    }

    @Test
    void aSecondYesIsTheAcceptedTwiceMessage() {
        for (MatchState s : List.of(MatchState.ACCEPTED_BY_PARTICIPANT, MatchState.ACTIVE, MatchState.PAUSED)) {
            assertThatThrownBy(() -> MatchLifecycle.next(s, MatchAction.ACCEPT_FOR_PARTICIPANT, Actor.PARTICIPANT, null))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.code()).isEqualTo("volunteer.match.accepted.twice"));
        }
        assertThatThrownBy(() -> MatchLifecycle.next(MatchState.ACCEPTED_BY_VOLUNTEER, MatchAction.ACCEPT_FOR_VOLUNTEER, Actor.VOLUNTEER, null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo("volunteer.match.accepted.twice"));
    }

    @Test
    void staffEndWithAReasonAndTheParticipantWithoutOne() {
        Map<Actor, EndReason> recorded = new EnumMap<>(Actor.class);
        recorded.put(Actor.PARTICIPANT, MatchLifecycle.next(MatchState.ACTIVE, MatchAction.END, Actor.PARTICIPANT, null).reason());
        recorded.put(Actor.VOLUNTEER, MatchLifecycle.next(MatchState.PAUSED, MatchAction.END, Actor.VOLUNTEER, null).reason());
        recorded.put(Actor.STAFF, MatchLifecycle.next(MatchState.ACTIVE, MatchAction.END, Actor.STAFF, EndReason.MOVED).reason());
        assertThat(recorded).containsEntry(Actor.PARTICIPANT, EndReason.PARTICIPANT_ENDED)
                .containsEntry(Actor.VOLUNTEER, EndReason.VOLUNTEER_STOPPED).containsEntry(Actor.STAFF, EndReason.MOVED);
        assertThatThrownBy(() -> MatchLifecycle.next(MatchState.ACTIVE, MatchAction.END, Actor.STAFF, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("reason"));
    }

    @Test
    void anEndedMatchStaysEnded() {
        for (MatchAction a : MatchAction.values()) {
            assertThatThrownBy(() -> MatchLifecycle.next(MatchState.ENDED, a, Actor.STAFF, EndReason.MOVED))
                    .isInstanceOf(InvalidInputException.class);
        }
    }
}
