package no.tilfrisk.volunteer;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The volunteer's meeting form. */
public class MeetingForm {

    private LocalDate metOn;
    private BigDecimal hours;
    private MeetingKind what;
    private String note;

    public LocalDate getMetOn() { return metOn; }
    public void setMetOn(LocalDate v) { metOn = v; }
    public BigDecimal getHours() { return hours; }
    public void setHours(BigDecimal v) { hours = v; }
    public MeetingKind getWhat() { return what; }
    public void setWhat(MeetingKind v) { what = v; }
    public String getNote() { return note; }
    public void setNote(String v) { note = v; }
}
