package no.tilfrisk.account;

/** What a user account may do. A user has one or more. */
public enum Role {
    ORG_ADMIN(true),
    COORDINATOR(true),
    STAFF(true),
    VOLUNTEER(false),
    PARTICIPANT(false),
    REPORT_VIEWER(false);

    private final boolean seesPersonalData;

    Role(boolean seesPersonalData) {
        this.seesPersonalData = seesPersonalData;
    }

    public String authority() {
        return "ROLE_" + name();
    }

    /** Whether the role can see other people's personal data; such users need a second factor where required. */
    public boolean seesPersonalData() {
        return seesPersonalData;
    }
}
