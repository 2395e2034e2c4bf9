package no.tilfrisk.volunteer.matching;

import java.util.UUID;

/** One pair of the assignment: a participant, the volunteer proposed, and the pair's score. */
public record Pairing(UUID personId, UUID volunteerId, int score) {
}
