package no.tilfrisk.leisure;

import java.time.LocalDate;

/**
 * A check-in's answers: how it goes (0–10), still taking part, and a role in the club (member, volunteer, trusted
 * with a task: «en verdsatt sosial rolle», asked as a plain question), and the day it was answered (today when
 * left out; a check-in told afterwards carries the day it was really given).
 */
public class CheckInForm {

    private Integer rating;
    private Boolean stillTakingPart;
    private Boolean valuedRole;
    private LocalDate answeredOn;

    public Integer getRating() { return rating; }
    public void setRating(Integer v) { rating = v; }
    public Boolean getStillTakingPart() { return stillTakingPart; }
    public void setStillTakingPart(Boolean v) { stillTakingPart = v; }
    public Boolean getValuedRole() { return valuedRole; }
    public void setValuedRole(Boolean v) { valuedRole = v; }
    public LocalDate getAnsweredOn() { return answeredOn; }
    public void setAnsweredOn(LocalDate v) { answeredOn = v; }
}
