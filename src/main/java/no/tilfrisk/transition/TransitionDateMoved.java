package no.tilfrisk.transition;

import java.time.Instant;
import java.util.UUID;

/**
 * Published inside the moving transaction when a transition's expected date is moved (moving to the date it has
 * publishes nothing). Ids and the time only, never the dates or the reason; the webhook module listens after the
 * commit.
 */
public record TransitionDateMoved(UUID organisationId, UUID transitionId, UUID personId, Instant at) {
}
