package no.tilfrisk.organisation;

import java.util.List;
import java.util.UUID;
import no.tilfrisk.platform.Municipalities;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The departments of the caller's organisation. Department names and places are not personal data: everyone
 * signed in to the organisation may read them; only an organisation admin changes them.
 */
@Service
public class Departments {

    private static final String COLUMNS = "id, name, municipality, start_date";

    private final JdbcClient db;
    private final Municipalities municipalities;

    Departments(JdbcClient db, Municipalities municipalities) {
        this.db = db;
        this.municipalities = municipalities;
    }

    private String municipality(DepartmentForm form) {
        String typed = form.trimmedMunicipality();
        return typed == null ? null : municipalities.official(typed)
                .orElseThrow(() -> new InvalidInputException("municipality", "municipality.unknown"));
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Department> list() {
        return db.sql("SELECT " + COLUMNS + " FROM department WHERE organisation_id = ? ORDER BY lower(name)")
                .param(Tenancy.requireOrganisationId())
                .query(Department.class).list();
    }

    /** Whether the id is a department of the caller's organisation. */
    @Transactional(readOnly = true)
    public boolean exists(UUID id) {
        return id != null && db.sql("SELECT EXISTS (SELECT 1 FROM department WHERE id = ? AND organisation_id = ?)")
                .params(id, Tenancy.requireOrganisationId()).query(Boolean.class).single();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Department get(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM department WHERE id = ? AND organisation_id = ?")
                .params(id, Tenancy.requireOrganisationId())
                .query(Department.class).optional()
                .orElseThrow(() -> new NotFoundException("Department"));
    }

    /**
     * Creates a department under the id the caller chose. The form carries that id from the page it was shown
     * on, so submitting it twice creates one department: the second insert finds the id taken and returns the
     * first one.
     */
    @PreAuthorize("hasRole('ORG_ADMIN')")
    @Transactional
    public Department create(UUID id, DepartmentForm form) {
        UUID organisation = Tenancy.requireOrganisationId();
        String municipality = municipality(form);
        int inserted;
        try {
            inserted = db.sql("""
                            INSERT INTO department (id, organisation_id, name, municipality, start_date)
                            VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")
                    .params(id, organisation, form.trimmedName(), municipality, form.getStartDate())
                    .update();
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("name", "department.name.taken");
        }
        if (inserted == 0) {
            // a repeated submit of the same form, or an id another organisation holds
            return get(id);
        }
        return new Department(id, form.trimmedName(), municipality, form.getStartDate());
    }

    @PreAuthorize("hasRole('ORG_ADMIN')")
    @Transactional
    public Department update(UUID id, DepartmentForm form) {
        String municipality = municipality(form);
        int updated;
        try {
            updated = db.sql("""
                            UPDATE department SET name = ?, municipality = ?, start_date = ?, updated_at = now()
                            WHERE id = ? AND organisation_id = ?""")
                    .params(form.trimmedName(), municipality, form.getStartDate(), id,
                            Tenancy.requireOrganisationId())
                    .update();
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("name", "department.name.taken");
        }
        if (updated == 0) {
            throw new NotFoundException("Department");
        }
        return new Department(id, form.trimmedName(), municipality, form.getStartDate());
    }
}
