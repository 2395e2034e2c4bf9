package no.tilfrisk.plan;

import java.time.LocalDate;
import java.util.UUID;

/** An action towards a goal. {@code responsibleName} is the staff member's name where the responsible is staff. */
public record PlanAction(UUID id, UUID goalId, String text, Responsible responsible, UUID responsibleUserId,
                         String responsibleName, LocalDate targetDate, PlanStatus status) {

    /** Open and past its target date on {@code today}. */
    public boolean overdue(LocalDate today) {
        return status.open() && targetDate != null && targetDate.isBefore(today);
    }
}
