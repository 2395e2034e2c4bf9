package no.tilfrisk.leisure;

import java.time.LocalDate;

/** How and when a process ends; stopped needs a reason (the note). */
public class EndForm {

    private Outcome outcome;
    private LocalDate endedOn;
    private String note;

    public Outcome getOutcome() { return outcome; }
    public void setOutcome(Outcome v) { outcome = v; }
    public LocalDate getEndedOn() { return endedOn; }
    public void setEndedOn(LocalDate v) { endedOn = v; }
    public String getNote() { return note; }
    public void setNote(String v) { note = v; }
}
