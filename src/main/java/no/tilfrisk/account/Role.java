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

    /** The {@code roles} text[] column that the account queries return. */
    public static java.util.Set<Role> fromColumn(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        return java.util.Arrays.stream((String[]) rs.getArray(column).getArray()).map(Role::valueOf)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** A uuid[] column such as the account's department ids. */
    public static java.util.Set<java.util.UUID> uuids(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        return java.util.Set.of((java.util.UUID[]) rs.getArray(column).getArray());
    }

    public String authority() {
        return "ROLE_" + name();
    }

    /** Whether the role can see other people's personal data; such users need a second factor where required. */
    public boolean seesPersonalData() {
        return seesPersonalData;
    }
}
