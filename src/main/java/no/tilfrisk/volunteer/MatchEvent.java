package no.tilfrisk.volunteer;

import java.time.Instant;
import java.util.UUID;

/** One change of a match's state: from and to, the reason of an end, on whose behalf, when and by which user. */
public record MatchEvent(MatchState from, MatchState to, EndReason reason, Actor actedAs, Instant at, UUID byUser) {
}
