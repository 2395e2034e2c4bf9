package no.tilfrisk;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Where an access matrix puts the record it tries to reach: in the caller's own department, in another department
 * of the same organisation, or in another organisation.
 */
public enum MatrixTarget {
    OWN_DEPARTMENT, OTHER_DEPARTMENT, OTHER_ORGANISATION;

    /**
     * The person register's department rule for the demo accounts: an admin reaches every department of their own
     * organisation; a coordinator or staff member their own department (Skien); the others nobody (a partner reaches a person only by
     * the person's consent, through the partner pages).
     */
    public static final Map<String, Set<MatrixTarget>> DEPARTMENT_RULE = Map.of(
            "admin@demo.tilfrisk.no", Set.of(OWN_DEPARTMENT, OTHER_DEPARTMENT),
            "koordinator@demo.tilfrisk.no", Set.of(OWN_DEPARTMENT),
            "ansatt@demo.tilfrisk.no", Set.of(OWN_DEPARTMENT),
            "frivillig@demo.tilfrisk.no", Set.of(),
            "deltaker@demo.tilfrisk.no", Set.of(),
            "styret@demo.tilfrisk.no", Set.of(),
            "nav@demo.tilfrisk.no", Set.of(),
            "katalog@demo.tilfrisk.no", Set.of(),
            "admin@annen.tilfrisk.no", Set.of(OTHER_ORGANISATION));

    /** The demo organisation the target's records belong to. */
    public UUID organisation() {
        return this == OTHER_ORGANISATION ? Demo.OTHER_ORGANISATION : Demo.DEMO_RECOVERY;
    }

    /** The demo department the target's records belong to: Skien is the demo staff's own. */
    public String department() {
        return switch (this) {
            case OWN_DEPARTMENT -> "Skien";
            case OTHER_DEPARTMENT -> "Stavanger";
            case OTHER_ORGANISATION -> "Bergen";
        };
    }

    /** The admin account of the target's organisation. */
    public String admin() {
        return this == OTHER_ORGANISATION ? Demo.OTHER_ADMIN : Demo.ADMIN;
    }
}
