package no.tilfrisk.leisure;

/** The state an item of equipment is in. */
public enum Condition {
    NEW,
    GOOD,
    WORN,
    DAMAGED
}
