package no.tilfrisk.transition;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An alert to one staff member: the step, the date it was made for, and the items that were not in place. */
public record Alert(UUID id, UUID transitionId, AlertStep step, LocalDate targetDate, UUID recipientId,
                    List<UUID> openItems, LocalDate createdOn) {

    /** The day the step fell due. */
    public LocalDate dueOn() {
        return targetDate.minusDays(step.daysBefore());
    }
}
