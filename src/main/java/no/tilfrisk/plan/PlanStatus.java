package no.tilfrisk.plan;

/** Where a goal or an action stands: ikke startet, i gang, nådd, endret, avsluttet. */
public enum PlanStatus {
    NOT_STARTED,
    IN_PROGRESS,
    REACHED,
    CHANGED,
    CLOSED;

    /** Still to be done: neither reached nor closed. */
    public boolean open() {
        return this != REACHED && this != CLOSED;
    }
}
