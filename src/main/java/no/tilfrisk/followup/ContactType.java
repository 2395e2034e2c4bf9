package no.tilfrisk.followup;

/** The kinds of contact the annual report counts (seed 000 §7). An escort also says where to ({@link EscortKind}). */
public enum ContactType {
    ONE_TO_ONE,
    FAMILY,
    PHONE,
    EMAIL,
    MESSAGE,
    HOME_VISIT,
    ESCORT,
    RESPONSIBILITY_GROUP,
    OTHER
}
