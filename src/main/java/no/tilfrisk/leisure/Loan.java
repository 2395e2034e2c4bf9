package no.tilfrisk.leisure;

import java.time.LocalDate;
import java.util.UUID;

/** An item lent to a participant; named only for those who may see the participant. */
public record Loan(UUID id, UUID equipmentId, String itemName, UUID participantId, String participantName,
                   LocalDate lentOn, LocalDate expectedReturn, LocalDate returnedOn, Condition returnCondition) {

    /** Not returned and past its expected day on {@code today}. */
    public boolean overdue(LocalDate today) {
        return returnedOn == null && expectedReturn.isBefore(today);
    }
}
