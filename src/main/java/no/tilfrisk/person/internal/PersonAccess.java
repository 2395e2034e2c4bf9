package no.tilfrisk.person.internal;

import java.util.Set;
import java.util.UUID;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.tenancy.TenantPrincipal;
import no.tilfrisk.platform.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may see which person: an organisation admin everyone in the organisation; a coordinator or staff member
 * those with a current membership in one of their departments; nobody else, through these services. A person
 * outside the caller's rights is «not found», so that not even their existence leaks.
 */
@Component
public class PersonAccess {

    /**
     * SQL condition on a person aliased {@code p}; named parameters {@code :admin} and {@code :departments}. «Today»
     * is Oslo's date, as the Clock's is: the database runs in UTC, and its {@code current_date} is yesterday's
     * between midnight and 01:00 (02:00 in summer) in Oslo.
     */
    public static final String VISIBLE = """
            (:admin OR EXISTS (SELECT 1 FROM person_department pd
                                WHERE pd.person_id = p.id AND pd.department_id = ANY(:departments)
                                  AND (pd.to_date IS NULL OR pd.to_date >= (now() AT TIME ZONE 'Europe/Oslo')::date)))""";

    private final JdbcClient db;

    PersonAccess(JdbcClient db) {
        this.db = db;
    }

    public static TenantPrincipal caller() {
        return Tenancy.currentPrincipal()
                .orElseThrow(() -> new AccessDeniedException("Not signed in"));
    }

    public static boolean isAdmin() {
        return caller().hasRole("ORG_ADMIN");
    }

    public static UUID[] departments() {
        return caller().departmentIds().toArray(UUID[]::new);
    }

    public static boolean mayUseDepartment(UUID departmentId) {
        Set<UUID> mine = caller().departmentIds();
        return isAdmin() || (departmentId != null && mine.contains(departmentId));
    }

    /** Throws «not found» unless the caller may see this person (an erased person is nobody's to see). */
    public void require(UUID personId) {
        boolean visible = db.sql("SELECT EXISTS (SELECT 1 FROM person p WHERE p.id = :id AND p.organisation_id = current_organisation_id() "
                        + "AND p.erased_at IS NULL AND "
                        + VISIBLE + ")")
                .param("id", personId).param("admin", isAdmin()).param("departments", departments())
                .query(Boolean.class).single();
        if (!visible) {
            throw new NotFoundException("Person");
        }
    }
}
