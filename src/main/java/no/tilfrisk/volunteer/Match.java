package no.tilfrisk.volunteer;

import java.time.LocalDate;
import java.util.UUID;
import no.tilfrisk.volunteer.matching.Wish;

/** A match between a participant and a volunteer, for the kind of help the participant wished for. */
public record Match(UUID id, UUID participantId, UUID volunteerId, Wish helpKind, MatchState state,
                    EndReason endReason, LocalDate proposedOn, LocalDate startedOn,
                    LocalDate firstMeetingOn, LocalDate endedOn) {
}
