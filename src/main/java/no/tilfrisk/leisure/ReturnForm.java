package no.tilfrisk.leisure;

import java.time.LocalDate;

/** A loan's return: the day and the item's condition. */
public class ReturnForm {

    private LocalDate returnedOn;
    private Condition condition;

    public LocalDate getReturnedOn() { return returnedOn; }
    public void setReturnedOn(LocalDate v) { returnedOn = v; }
    public Condition getCondition() { return condition; }
    public void setCondition(Condition v) { condition = v; }
}
