package no.tilfrisk.transition;

/** Who answers for a checklist item: a staff account, a partner organisation, or the person themselves. */
public enum ResponsibleKind {
    STAFF, PARTNER, PERSON
}
