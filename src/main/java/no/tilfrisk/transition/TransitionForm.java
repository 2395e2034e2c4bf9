package no.tilfrisk.transition;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A new transition, or the changes to one. The expected date of an existing transition moves only through
 * {@link Transitions#moveDate}, with a reason; here it is read on create only.
 */
public class TransitionForm {

    private TransitionKind kind;
    private UUID institutionId;
    private LocalDate stayStartedOn;
    private LocalDate expectedOn;
    private LocalDate actualOn;
    private String municipality;
    private String ownWords;
    private UUID coordinatorId;

    public TransitionForm() {
    }

    public TransitionForm(TransitionKind kind, UUID institutionId, LocalDate expectedOn) {
        this.kind = kind;
        this.institutionId = institutionId;
        this.expectedOn = expectedOn;
    }

    public TransitionKind getKind() { return kind; }
    public void setKind(TransitionKind v) { kind = v; }
    public UUID getInstitutionId() { return institutionId; }
    public void setInstitutionId(UUID v) { institutionId = v; }
    public LocalDate getStayStartedOn() { return stayStartedOn; }
    public void setStayStartedOn(LocalDate v) { stayStartedOn = v; }
    public LocalDate getExpectedOn() { return expectedOn; }
    public void setExpectedOn(LocalDate v) { expectedOn = v; }
    public LocalDate getActualOn() { return actualOn; }
    public void setActualOn(LocalDate v) { actualOn = v; }
    public String getMunicipality() { return municipality; }
    public void setMunicipality(String v) { municipality = v; }
    public String getOwnWords() { return ownWords; }
    public void setOwnWords(String v) { ownWords = v; }
    public UUID getCoordinatorId() { return coordinatorId; }
    public void setCoordinatorId(UUID v) { coordinatorId = v; }
}
