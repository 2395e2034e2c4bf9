package no.tilfrisk.leisure;

import java.time.LocalDate;
import java.util.UUID;

/** A process in a list: the participant, the furthest step reached (null: none yet), the club's name. */
public record ProcessSummary(UUID id, UUID participantId, String participantName, LocalDate startedOn, Step furthest,
                             String clubName, Outcome outcome, LocalDate endedOn) {
}
