package no.tilfrisk.leisure;

import java.time.LocalDate;
import java.util.UUID;

/** A process to begin: the participant, the day, and wishes beyond the mapping's. */
public class ProcessForm {

    private UUID participantId;
    private LocalDate startedOn;
    private String wishes;

    public UUID getParticipantId() { return participantId; }
    public void setParticipantId(UUID v) { participantId = v; }
    public LocalDate getStartedOn() { return startedOn; }
    public void setStartedOn(LocalDate v) { startedOn = v; }
    public String getWishes() { return wishes; }
    public void setWishes(String v) { wishes = v; }
}
