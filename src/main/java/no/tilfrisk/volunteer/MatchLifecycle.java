package no.tilfrisk.volunteer;

import no.tilfrisk.platform.web.InvalidInputException;

/**
 * The match's states and the moves between them, with no database: the coordinator proposes; the participant (on
 * «Min side», or staff recording it) and the volunteer (on their page, or staff recording it) accept, in either
 * order; when both have, the match is active. Staff pause and resume it. Staff end it with a reason; a participant
 * may end it at any time and is asked no reason. An ended match stays ended. Anything else is refused with the
 * message {@code volunteer.match.transition.refused}, or {@code volunteer.match.accepted.twice} for a second yes.
 */
public final class MatchLifecycle {

    private MatchLifecycle() {
    }

    /** The state after the move and the recorded reason (for an end), or refused. */
    public record Outcome(MatchState state, EndReason reason) {
    }

    public static Outcome next(MatchState from, MatchAction action, Actor actor, EndReason reason) {
        if (from == MatchState.ENDED) {
            throw refused();
        }
        return switch (action) {
            case ACCEPT_FOR_PARTICIPANT -> {
                require(actor == Actor.PARTICIPANT || actor == Actor.STAFF);
                yield switch (from) {
                    case PROPOSED -> new Outcome(MatchState.ACCEPTED_BY_PARTICIPANT, null);
                    case ACCEPTED_BY_VOLUNTEER -> new Outcome(MatchState.ACTIVE, null);
                    case ACCEPTED_BY_PARTICIPANT, ACTIVE, PAUSED -> throw twice();
                    default -> throw refused();
                };
            }
            case ACCEPT_FOR_VOLUNTEER -> {
                require(actor == Actor.VOLUNTEER || actor == Actor.STAFF);
                yield switch (from) {
                    case PROPOSED -> new Outcome(MatchState.ACCEPTED_BY_VOLUNTEER, null);
                    case ACCEPTED_BY_PARTICIPANT -> new Outcome(MatchState.ACTIVE, null);
                    case ACCEPTED_BY_VOLUNTEER, ACTIVE, PAUSED -> throw twice();
                    default -> throw refused();
                };
            }
            case PAUSE -> {
                require(actor == Actor.STAFF && from == MatchState.ACTIVE);
                yield new Outcome(MatchState.PAUSED, null);
            }
            case RESUME -> {
                require(actor == Actor.STAFF && from == MatchState.PAUSED);
                yield new Outcome(MatchState.ACTIVE, null);
            }
            case END -> switch (actor) {
                case PARTICIPANT -> new Outcome(MatchState.ENDED, EndReason.PARTICIPANT_ENDED);
                case VOLUNTEER -> new Outcome(MatchState.ENDED, EndReason.VOLUNTEER_STOPPED);
                case STAFF -> {
                    if (reason == null) {
                        throw new InvalidInputException("reason", "volunteer.match.end.reason.required");
                    }
                    yield new Outcome(MatchState.ENDED, reason);
                }
            };
        };
    }

    private static void require(boolean allowed) {
        if (!allowed) {
            throw refused();
        }
    }

    private static InvalidInputException refused() {
        return new InvalidInputException("state", "volunteer.match.transition.refused");
    }

    private static InvalidInputException twice() {
        return new InvalidInputException("state", "volunteer.match.accepted.twice");
    }
}
