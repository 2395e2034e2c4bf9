package no.tilfrisk.transition;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A move of the expected date: from, to, why, when and by whom. */
public record DateMove(LocalDate fromDate, LocalDate toDate, String reason, Instant movedAt, UUID movedBy,
                       String movedByName) {
}
