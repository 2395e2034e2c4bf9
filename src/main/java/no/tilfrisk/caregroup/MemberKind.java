package no.tilfrisk.caregroup;

/** Who a member of a responsibility group is; each has a message {@code caregroup.kind.<NAME>}. */
public enum MemberKind {
    PERSON,
    COORDINATOR,
    STAFF,
    PARTNER,
    RELATIVE
}
