package no.tilfrisk.plan;

import java.time.Instant;
import java.util.UUID;

/** A participant's proposal; {@code goalText} is the goal's words now where it proposes a change to one. */
public record Proposal(UUID id, UUID goalId, String goalText, LifeArea lifeArea, String text, ProposalStatus status,
                       Instant proposedAt, Instant decidedAt, String decidedBy, String comment) {
}
