package no.tilfrisk.leisure;

import java.time.LocalDate;
import java.util.UUID;

/** One participant's inclusion process; the outcome and end date once ended. */
public record Process(UUID id, UUID participantId, LocalDate startedOn, String wishes, UUID clubId,
                      UUID facilitatorId, LocalDate followUpFrom, Outcome outcome, String outcomeNote,
                      LocalDate endedOn) {

    public boolean open() {
        return endedOn == null;
    }
}
