package no.tilfrisk.volunteer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.volunteer.matching.Wish;

/** A coordinator's proposal: this volunteer for this participant, for this kind of help. */
public class ProposalForm {

    private UUID participantId;
    private UUID volunteerId;
    private Wish helpKind;
    /** The participant's open plan goals they share with the volunteer (ids of plan goals). */
    private List<UUID> goalIds = new ArrayList<>();
    /** The day it was proposed, when staff record it afterwards; null: today. */
    private LocalDate proposedOn;

    public ProposalForm() {
    }

    public ProposalForm(UUID participantId, UUID volunteerId, Wish helpKind) {
        this.participantId = participantId;
        this.volunteerId = volunteerId;
        this.helpKind = helpKind;
    }

    public UUID getParticipantId() { return participantId; }
    public void setParticipantId(UUID v) { participantId = v; }
    public UUID getVolunteerId() { return volunteerId; }
    public void setVolunteerId(UUID v) { volunteerId = v; }
    public Wish getHelpKind() { return helpKind; }
    public void setHelpKind(Wish v) { helpKind = v; }
    public List<UUID> getGoalIds() { return goalIds; }
    public void setGoalIds(List<UUID> v) { goalIds = v == null ? new ArrayList<>() : v; }
    public LocalDate getProposedOn() { return proposedOn; }
    public void setProposedOn(LocalDate v) { proposedOn = v; }
}
