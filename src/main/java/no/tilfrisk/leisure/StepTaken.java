package no.tilfrisk.leisure;

import java.time.LocalDate;
import java.util.UUID;

/** A step taken (or passed over with a reason, in {@code note}) on a day, with who took part. */
public record StepTaken(UUID id, Step step, LocalDate doneOn, String participants, String note, boolean skipped) {
}
