package no.tilfrisk.account;

/** What a user account may do. A user has one or more. */
public enum Role {
    ORG_ADMIN,
    COORDINATOR,
    STAFF,
    VOLUNTEER,
    PARTICIPANT,
    REPORT_VIEWER;

    public String authority() {
        return "ROLE_" + name();
    }
}
