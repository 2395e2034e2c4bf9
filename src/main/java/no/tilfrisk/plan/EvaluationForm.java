package no.tilfrisk.plan;

import java.time.LocalDate;

/** An evaluation of a goal: when, what happened, the next step, and when to evaluate next (none: not planned). */
public class EvaluationForm {

    private LocalDate evaluatedOn;
    private String whatHappened;
    private String nextStep;
    private LocalDate nextEvaluationOn;

    public LocalDate getEvaluatedOn() { return evaluatedOn; }
    public void setEvaluatedOn(LocalDate v) { evaluatedOn = v; }
    public String getWhatHappened() { return whatHappened; }
    public void setWhatHappened(String v) { whatHappened = v; }
    public String getNextStep() { return nextStep; }
    public void setNextStep(String v) { nextStep = v; }
    public LocalDate getNextEvaluationOn() { return nextEvaluationOn; }
    public void setNextEvaluationOn(LocalDate v) { nextEvaluationOn = v; }
}
