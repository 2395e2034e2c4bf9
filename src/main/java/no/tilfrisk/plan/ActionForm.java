package no.tilfrisk.plan;

import java.time.LocalDate;
import java.util.UUID;

/** An action towards a goal: what, who is responsible (a staff member by account, anyone else by name), by when. */
public class ActionForm {

    private String text;
    private Responsible responsible;
    private UUID responsibleUserId;
    private String responsibleName;
    private LocalDate targetDate;
    private PlanStatus status = PlanStatus.NOT_STARTED;

    public String getText() { return text; }
    public void setText(String v) { text = v; }
    public Responsible getResponsible() { return responsible; }
    public void setResponsible(Responsible v) { responsible = v; }
    public UUID getResponsibleUserId() { return responsibleUserId; }
    public void setResponsibleUserId(UUID v) { responsibleUserId = v; }
    public String getResponsibleName() { return responsibleName; }
    public void setResponsibleName(String v) { responsibleName = v; }
    public LocalDate getTargetDate() { return targetDate; }
    public void setTargetDate(LocalDate v) { targetDate = v; }
    public PlanStatus getStatus() { return status; }
    public void setStatus(PlanStatus v) { status = v; }

    public static ActionForm of(PlanAction a) {
        ActionForm f = new ActionForm();
        f.text = a.text();
        f.responsible = a.responsible();
        f.responsibleUserId = a.responsibleUserId();
        f.responsibleName = a.responsible() == Responsible.STAFF ? null : a.responsibleName();
        f.targetDate = a.targetDate();
        f.status = a.status();
        return f;
    }
}
