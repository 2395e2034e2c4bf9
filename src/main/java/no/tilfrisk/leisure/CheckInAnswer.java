package no.tilfrisk.leisure;

import java.time.LocalDate;

/** A check-in answered. */
public record CheckInAnswer(CheckInDue due, LocalDate answeredOn, int rating, boolean stillTakingPart,
                            boolean valuedRole, boolean byParticipant) {
}
