package no.tilfrisk.person;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.organisation.Department;
import no.tilfrisk.organisation.Departments;
import no.tilfrisk.person.internal.PersonAccess;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Persons, roles and memberships in bulk, for the spreadsheet import (module {@code importer}): the persons an
 * importer may match names against, and batched writes of what a file makes, each in the audit trail as imported.
 * The rules of a single registration (the form's constraints, a department of the caller's own) are checked by the
 * importer with {@link PersonForm}'s constraints and {@link #usableDepartments()} before anything is written here.
 */
@Service
@PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR')")
public class PersonImport {

    /** A person names can match: by display name or full name, and birth year where the file gives one. */
    public record Candidate(UUID id, String displayName, String fullName, Integer birthYear) {
    }

    /** A role or membership span a person already has (to tell «already there» from «new»). */
    public record Span(UUID personId, String what, LocalDate from, LocalDate to) {
    }

    public record NewPerson(UUID id, String displayName, String fullName, Integer birthYear, LocalDate birthDate,
                            String phone, String email) {
    }

    public record NewRole(UUID id, UUID personId, PersonRole role, LocalDate from, LocalDate to) {
    }

    public record NewMembership(UUID id, UUID personId, UUID departmentId, LocalDate from, LocalDate to) {
    }

    private final JdbcClient db;
    private final AuditTrail audit;
    private final Departments departments;

    PersonImport(JdbcClient db, AuditTrail audit, Departments departments) {
        this.db = db;
        this.audit = audit;
        this.departments = departments;
    }

    /** The persons the caller may see (as on the person list), not erased. */
    @Transactional(readOnly = true)
    public List<Candidate> candidates() {
        return db.sql("SELECT p.id, p.display_name, p.full_name, p.birth_year FROM person p "
                        + "WHERE p.organisation_id = :org AND p.erased_at IS NULL AND " + PersonAccess.VISIBLE)
                .param("org", Tenancy.requireOrganisationId()).param("admin", PersonAccess.isAdmin())
                .param("departments", PersonAccess.departments())
                .query(Candidate.class).list();
    }

    /** The departments the caller may put persons in: all for an admin, their own for a coordinator. */
    @Transactional(readOnly = true)
    public List<Department> usableDepartments() {
        return departments.list().stream().filter(d -> PersonAccess.mayUseDepartment(d.id())).toList();
    }

    /** Roles (what = the role) and memberships (what = the department id) of these persons. */
    @Transactional(readOnly = true)
    public List<Span> spans(Collection<UUID> personIds) {
        UUID[] ids = personIds.toArray(UUID[]::new);
        return db.sql("""
                        SELECT person_id, role AS what, from_date AS "from", to_date AS "to" FROM person_role WHERE person_id = ANY(:ids)
                        UNION ALL
                        SELECT person_id, department_id::text, from_date, to_date FROM person_department
                         WHERE person_id = ANY(:ids)""")
                .param("ids", ids).query(Span.class).list();
    }

    /** Writes the persons, roles and memberships in a few statements; {@code what} names the import in the audit trail. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void create(List<NewPerson> persons, List<NewRole> roles, List<NewMembership> memberships, String what) {
        UUID org = Tenancy.requireOrganisationId();
        if (!persons.isEmpty()) {
            db.sql("""
                            INSERT INTO person (id, organisation_id, display_name, full_name, birth_year, birth_date,
                                                phone, email)
                            SELECT id, :org, n, f, y, b, ph, e
                              FROM unnest(:ids, :names, :fulls, :years, :births, :phones, :emails)
                                   AS t(id, n, f, y, b, ph, e)""")
                    .param("org", org)
                    .param("ids", persons.stream().map(NewPerson::id).toArray(UUID[]::new))
                    .param("names", persons.stream().map(NewPerson::displayName).toArray(String[]::new))
                    .param("fulls", persons.stream().map(NewPerson::fullName).toArray(String[]::new))
                    .param("years", persons.stream().map(NewPerson::birthYear).toArray(Integer[]::new))
                    .param("births", persons.stream().map(p -> p.birthDate() == null ? null : java.sql.Date.valueOf(p.birthDate())).toArray(java.sql.Date[]::new))
                    .param("phones", persons.stream().map(NewPerson::phone).toArray(String[]::new))
                    .param("emails", persons.stream().map(NewPerson::email).toArray(String[]::new))
                    .update();
        }
        if (!roles.isEmpty()) {
            db.sql("""
                            INSERT INTO person_role (id, organisation_id, person_id, role, from_date, to_date)
                            SELECT id, :org, p, r, f, t FROM unnest(:ids, :persons, :roles, :froms, :tos) AS x(id, p, r, f, t)""")
                    .param("org", org)
                    .param("ids", roles.stream().map(NewRole::id).toArray(UUID[]::new))
                    .param("persons", roles.stream().map(NewRole::personId).toArray(UUID[]::new))
                    .param("roles", roles.stream().map(r -> r.role().name()).toArray(String[]::new))
                    .param("froms", roles.stream().map(r -> java.sql.Date.valueOf(r.from())).toArray(java.sql.Date[]::new))
                    .param("tos", roles.stream().map(r -> r.to() == null ? null : java.sql.Date.valueOf(r.to())).toArray(java.sql.Date[]::new))
                    .update();
        }
        if (!memberships.isEmpty()) {
            db.sql("""
                            INSERT INTO person_department (id, organisation_id, person_id, department_id, from_date, to_date)
                            SELECT id, :org, p, d, f, t FROM unnest(:ids, :persons, :departments, :froms, :tos) AS x(id, p, d, f, t)""")
                    .param("org", org)
                    .param("ids", memberships.stream().map(NewMembership::id).toArray(UUID[]::new))
                    .param("persons", memberships.stream().map(NewMembership::personId).toArray(UUID[]::new))
                    .param("departments", memberships.stream().map(NewMembership::departmentId).toArray(UUID[]::new))
                    .param("froms", memberships.stream().map(m -> java.sql.Date.valueOf(m.from())).toArray(java.sql.Date[]::new))
                    .param("tos", memberships.stream().map(m -> m.to() == null ? null : java.sql.Date.valueOf(m.to())).toArray(java.sql.Date[]::new))
                    .update();
        }
        Set<UUID> touched = persons.stream().map(NewPerson::id).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        roles.forEach(r -> touched.add(r.personId()));
        memberships.forEach(m -> touched.add(m.personId()));
        audit.recordEach(touched, AuditAction.IMPORT, what);
    }

    /**
     * Takes an import back: removes the roles and memberships it added, and erases the persons it registered the
     * way {@link DataSubjectRights#erase} does (the application may not delete a person row).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void undo(Collection<UUID> persons, Collection<UUID> roles, Collection<UUID> memberships, String what) {
        var touched = new java.util.LinkedHashSet<UUID>(persons);
        touched.addAll(db.sql("DELETE FROM person_role WHERE id = ANY(?) RETURNING person_id")
                .param(roles.toArray(UUID[]::new)).query(UUID.class).list());
        touched.addAll(db.sql("DELETE FROM person_department WHERE id = ANY(?) RETURNING person_id")
                .param(memberships.toArray(UUID[]::new)).query(UUID.class).list());
        UUID[] ids = persons.toArray(UUID[]::new);
        db.sql("DELETE FROM person_role WHERE person_id = ANY(?)").param(ids).update();
        db.sql("DELETE FROM person_department WHERE person_id = ANY(?)").param(ids).update();
        db.sql("""
                        UPDATE person SET display_name = 'Slettet person', full_name = NULL, birth_date = NULL,
                               birth_year = NULL, gender = NULL, phone = NULL, email = NULL, municipality = NULL,
                               note_encrypted = NULL, national_id_encrypted = NULL, national_id_mac = NULL,
                               active = false, erased_at = now(), updated_at = now()
                         WHERE id = ANY(?) AND erased_at IS NULL""")
                .param(ids).update();
        audit.recordEach(touched, AuditAction.IMPORT_UNDONE, what);
    }
}
