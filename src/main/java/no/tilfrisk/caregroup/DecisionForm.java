package no.tilfrisk.caregroup;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A decision of a meeting: what, which member answers for it, by when, and what it becomes ({@link #getBecomes}): an
 * action under a goal of the person's plan, or an item of the checklist of the person's open transition. Without a
 * choice, a goal chosen makes it a plan action (as before the choice existed).
 */
public class DecisionForm {

    private String what;
    private UUID responsibleMemberId;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate dueOn;
    private UUID goalId;
    private DecisionTarget becomes;

    public DecisionForm() {
    }

    public DecisionForm(String what, UUID responsibleMemberId, LocalDate dueOn, UUID goalId) {
        this.what = what;
        this.responsibleMemberId = responsibleMemberId;
        this.dueOn = dueOn;
        this.goalId = goalId;
    }

    public String getWhat() { return what; }
    public void setWhat(String v) { what = v; }
    public UUID getResponsibleMemberId() { return responsibleMemberId; }
    public void setResponsibleMemberId(UUID v) { responsibleMemberId = v; }
    public LocalDate getDueOn() { return dueOn; }
    public void setDueOn(LocalDate v) { dueOn = v; }
    public UUID getGoalId() { return goalId; }
    public void setGoalId(UUID v) { goalId = v; }
    public void setBecomes(DecisionTarget v) { becomes = v; }

    /** The choice made, or PLAN_ACTION with a goal and NONE without one. */
    public DecisionTarget getBecomes() {
        return becomes != null ? becomes : goalId != null ? DecisionTarget.PLAN_ACTION : DecisionTarget.NONE;
    }
}
