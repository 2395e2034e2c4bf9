package no.tilfrisk.leisure;

import java.time.LocalDate;
import java.util.UUID;

/** A loan to record: which item, to whom, from when and until when. */
public class LoanForm {

    private UUID equipmentId;
    private UUID participantId;
    private LocalDate lentOn;
    private LocalDate expectedReturn;

    public UUID getEquipmentId() { return equipmentId; }
    public void setEquipmentId(UUID v) { equipmentId = v; }
    public UUID getParticipantId() { return participantId; }
    public void setParticipantId(UUID v) { participantId = v; }
    public LocalDate getLentOn() { return lentOn; }
    public void setLentOn(LocalDate v) { lentOn = v; }
    public LocalDate getExpectedReturn() { return expectedReturn; }
    public void setExpectedReturn(LocalDate v) { expectedReturn = v; }
}
