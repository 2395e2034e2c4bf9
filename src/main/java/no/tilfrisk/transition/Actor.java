package no.tilfrisk.transition;

/** On whose behalf a checklist item was changed. */
public enum Actor {
    STAFF, PARTNER, PERSON
}
