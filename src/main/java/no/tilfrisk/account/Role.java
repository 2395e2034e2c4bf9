package no.tilfrisk.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** What a user account may do. A user has one or more. */
public enum Role {
    ORG_ADMIN(true),
    COORDINATOR(true),
    STAFF(true),
    VOLUNTEER(false),
    PARTICIPANT(false),
    REPORT_VIEWER(false),
    /** keeps the service directory's offers: the organisation's own and the network's shared entries */
    DIRECTORY_EDITOR(false),
    /**
     * A caseworker of a partner organisation (NAV, the municipality, an institution, the prison service): sees a
     * person's transition, checklist and shared goals only while the person consents to share with that
     * organisation. Signs in with a second factor, like staff.
     */
    PARTNER(true);

    private final boolean seesPersonalData;

    Role(boolean seesPersonalData) {
        this.seesPersonalData = seesPersonalData;
    }

    /** The {@code roles} text[] column that the account queries return. */
    public static Set<Role> fromColumn(ResultSet rs, String column) throws SQLException {
        return Arrays.stream((String[]) rs.getArray(column).getArray()).map(Role::valueOf)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** A uuid[] column such as the account's department ids. */
    public static Set<UUID> uuids(ResultSet rs, String column) throws SQLException {
        return Set.of((UUID[]) rs.getArray(column).getArray());
    }

    public String authority() {
        return "ROLE_" + name();
    }

    /** Whether the role can see other people's personal data; such users need a second factor where required. */
    public boolean seesPersonalData() {
        return seesPersonalData;
    }
}
