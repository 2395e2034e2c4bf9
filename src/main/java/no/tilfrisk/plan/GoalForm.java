package no.tilfrisk.plan;

import java.time.LocalDate;
import java.util.UUID;

/** A goal or sub-goal in the participant's own words. A sub-goal names its main goal and shares its life area. */
public class GoalForm {

    private UUID parentId;
    private LifeArea lifeArea;
    private String text;
    private PlanStatus status = PlanStatus.NOT_STARTED;
    private LocalDate nextEvaluationOn;

    public UUID getParentId() { return parentId; }
    public void setParentId(UUID v) { parentId = v; }
    public LifeArea getLifeArea() { return lifeArea; }
    public void setLifeArea(LifeArea v) { lifeArea = v; }
    public String getText() { return text; }
    public void setText(String v) { text = v; }
    public PlanStatus getStatus() { return status; }
    public void setStatus(PlanStatus v) { status = v; }
    public LocalDate getNextEvaluationOn() { return nextEvaluationOn; }
    public void setNextEvaluationOn(LocalDate v) { nextEvaluationOn = v; }

    public static GoalForm of(Goal g) {
        GoalForm f = new GoalForm();
        f.parentId = g.parentId();
        f.lifeArea = g.lifeArea();
        f.text = g.text();
        f.status = g.status();
        f.nextEvaluationOn = g.nextEvaluationOn();
        return f;
    }
}
