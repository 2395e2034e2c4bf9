package no.tilfrisk.report.annual;

import java.util.UUID;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.tenancy.TenantPrincipal;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may read and write the annual report. An organisation admin: the organisation and every department. A
 * coordinator: their own departments only. A report reader: the organisation and every department, always the
 * external version. Staff, volunteers and participants: no report (their work is in the lists they already have).
 */
public final class ReportAccess {

    private ReportAccess() {
    }

    public static TenantPrincipal caller() {
        return Tenancy.currentPrincipal().orElseThrow(() -> new AccessDeniedException("Not signed in"));
    }

    public static boolean isAdmin() {
        return caller().hasRole("ORG_ADMIN");
    }

    /** Whether the caller may read the report at all. */
    public static boolean mayRead() {
        TenantPrincipal c = caller();
        return c.hasRole("ORG_ADMIN") || c.hasRole("COORDINATOR") || c.hasRole("REPORT_VIEWER");
    }

    /** Whether the caller may see persons and so exact figures and links to records: never a report reader only. */
    public static boolean maySeePersons() {
        TenantPrincipal c = caller();
        return c.hasRole("ORG_ADMIN") || c.hasRole("COORDINATOR");
    }

    /** Whether the caller may read (and, being admin or coordinator, write) the report of this scope. */
    public static boolean mayUse(UUID departmentId) {
        TenantPrincipal c = caller();
        if (c.hasRole("ORG_ADMIN") || c.hasRole("REPORT_VIEWER")) {
            return true;
        }
        return c.hasRole("COORDINATOR") && departmentId != null && c.departmentIds().contains(departmentId);
    }

    /** Whether the caller may edit the narratives of this scope. */
    public static boolean mayWrite(UUID departmentId) {
        TenantPrincipal c = caller();
        return c.hasRole("ORG_ADMIN")
                || (c.hasRole("COORDINATOR") && departmentId != null && c.departmentIds().contains(departmentId));
    }

    public static void requireRead() {
        if (!mayRead()) {
            throw new AccessDeniedException("The annual report is for admins, coordinators and report readers");
        }
    }
}
