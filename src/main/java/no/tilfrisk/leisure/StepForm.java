package no.tilfrisk.leisure;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A step to record: its day, who took part and a short note; passed over ({@code skipped}) the note is the reason.
 * Choosing an activity names a club of the catalogue; finding a facilitator names a person with that role.
 */
public class StepForm {

    private Step step;
    private LocalDate doneOn;
    private String participants;
    private String note;
    private boolean skipped;
    private UUID clubId;
    private UUID facilitatorId;

    public Step getStep() { return step; }
    public void setStep(Step v) { step = v; }
    public LocalDate getDoneOn() { return doneOn; }
    public void setDoneOn(LocalDate v) { doneOn = v; }
    public String getParticipants() { return participants; }
    public void setParticipants(String v) { participants = v; }
    public String getNote() { return note; }
    public void setNote(String v) { note = v; }
    public boolean isSkipped() { return skipped; }
    public void setSkipped(boolean v) { skipped = v; }
    public UUID getClubId() { return clubId; }
    public void setClubId(UUID v) { clubId = v; }
    public UUID getFacilitatorId() { return facilitatorId; }
    public void setFacilitatorId(UUID v) { facilitatorId = v; }
}
