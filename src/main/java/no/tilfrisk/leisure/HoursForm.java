package no.tilfrisk.leisure;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Hours used on a day against a decision. */
public class HoursForm {

    private LocalDate usedOn;
    private BigDecimal hours;

    public LocalDate getUsedOn() { return usedOn; }
    public void setUsedOn(LocalDate v) { usedOn = v; }
    public BigDecimal getHours() { return hours; }
    public void setHours(BigDecimal v) { hours = v; }
}
