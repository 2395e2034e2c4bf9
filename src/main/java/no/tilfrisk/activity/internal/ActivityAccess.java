package no.tilfrisk.activity.internal;

import java.util.UUID;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.tenancy.TenantPrincipal;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may do what with activities: an organisation admin everything; a coordinator or staff member in their own
 * departments; a report reader the counts of every department and nothing named; a volunteer the roll call of what
 * they lead (checked where the leader is known).
 */
public final class ActivityAccess {

    private ActivityAccess() {
    }

    public static TenantPrincipal caller() {
        return Tenancy.currentPrincipal().orElseThrow(() -> new AccessDeniedException("Not signed in"));
    }

    public static boolean isAdmin() {
        return caller().hasRole("ORG_ADMIN");
    }

    /** Create, change and take roll call in a department's activities; see named attendance. */
    public static boolean mayManage(UUID departmentId) {
        TenantPrincipal me = caller();
        return me.hasRole("ORG_ADMIN") || ((me.hasRole("COORDINATOR") || me.hasRole("STAFF"))
                && departmentId != null && me.departmentIds().contains(departmentId));
    }

    /** See a department's activities, sessions and counts, without names. */
    public static boolean maySeeCounts(UUID departmentId) {
        return mayManage(departmentId) || caller().hasRole("REPORT_VIEWER");
    }

    /**
     * Whether the caller may see counts of persons and attendances on the activity pages and in the activity list
     * of the API: everyone who works with the activities. A report reader only, who may not see persons, reads
     * them in the external annual report, whole years with small numbers hidden; a free period here could be
     * subtracted from another.
     */
    public static boolean mayCountPersons() {
        TenantPrincipal me = caller();
        return me.hasRole("ORG_ADMIN") || me.hasRole("COORDINATOR") || me.hasRole("STAFF") || me.hasRole("VOLUNTEER");
    }

    /** The departments whose activities the caller sees at all; null means every department. */
    public static UUID[] visibleDepartments() {
        TenantPrincipal me = caller();
        if (me.hasRole("ORG_ADMIN") || me.hasRole("REPORT_VIEWER")) {
            return null;
        }
        if (me.hasRole("COORDINATOR") || me.hasRole("STAFF")) {
            return me.departmentIds().toArray(UUID[]::new);
        }
        return new UUID[0];
    }
}
