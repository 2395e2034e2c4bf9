package no.tilfrisk.person;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.organisation.Departments;
import no.tilfrisk.person.internal.PersonAccess;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's roles and department memberships as spans with their own dates, and a participant's relatives: the one
 * place that changes them after registration (which writes the first role and membership), for the person page and
 * the API alike. A span may be added with any start (and an end, so a past year can be loaded), its dates changed
 * (backdated), and ended. A span added under an id that exists already (a retried request with the same
 * Idempotency-Key) adds nothing. Every call is in the audit trail, in the same transaction.
 */
@Service
@PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
public class PersonSpans {

    /** The dates a span may have: the database's own range is wider than any real one. */
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private final JdbcClient db;
    private final PersonRecords records;
    private final PersonAccess access;
    private final Departments departments;
    private final AuditTrail audit;
    private final Clock clock;

    PersonSpans(JdbcClient db, PersonRecords records, PersonAccess access, Departments departments, AuditTrail audit,
                Clock clock) {
        this.db = db;
        this.records = records;
        this.access = access;
        this.departments = departments;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public List<RoleSpan> roles(UUID personId) {
        access.require(personId);
        audit.record(personId, AuditAction.READ, "person.roles");
        return records.roles(personId);
    }

    /** Adds a role from {@code from} (today when left out) to {@code to} (open when left out). */
    @Transactional
    public RoleSpan addRole(UUID personId, UUID spanId, PersonRole role, LocalDate from, LocalDate to) {
        insertRole(personId, spanId, role, from, to);
        return role(personId, spanId);
    }

    /** Adds a role from {@code from} (today when left out), with no end: the person page's form. */
    @Transactional
    public void addRole(UUID personId, PersonRole role, LocalDate from) {
        insertRole(personId, UUID.randomUUID(), role, from, null);
    }

    private void insertRole(UUID personId, UUID spanId, PersonRole role, LocalDate from, LocalDate to) {
        access.require(personId);
        List<InvalidInputException> broken = new ArrayList<>();
        if (role == null) {
            broken.add(new InvalidInputException("role", "person.role.required"));
        }
        insertSpan("""
                        INSERT INTO person_role (id, organisation_id, person_id, role, from_date, to_date)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
                personId, spanId, role == null ? null : role.name(), from, to, broken, "person.roles");
    }

    /**
     * Checks the dates beside what the caller found {@code broken}, then inserts the span once (a repeated
     * {@code spanId} adds nothing) and records the change: the part that roles and memberships share.
     */
    private void insertSpan(String insert, UUID personId, UUID spanId, Object value, LocalDate from, LocalDate to,
            List<InvalidInputException> broken, String audited) {
        LocalDate start = from == null ? LocalDate.now(clock) : from;
        checkDates(start, to, broken);
        InvalidInputException.throwIfAny(broken);
        int added = db.sql(insert).params(spanId, Tenancy.requireOrganisationId(), personId, value, start, to).update();
        if (added > 0) {
            records.touch(personId);
            audit.record(personId, AuditAction.UPDATE, audited);
        }
    }

    /** Sets a role's dates: a new start (backdated or not) and an end, or none. */
    @Transactional
    public RoleSpan changeRole(UUID personId, UUID spanId, LocalDate from, LocalDate to) {
        access.require(personId);
        role(personId, spanId);
        List<InvalidInputException> broken = new ArrayList<>();
        if (from == null) {
            broken.add(new InvalidInputException("from", "person.span.from.required"));
        }
        checkDates(from, to, broken);
        InvalidInputException.throwIfAny(broken);
        db.sql("UPDATE person_role SET from_date = ?, to_date = ? WHERE id = ? AND person_id = ?")
                .params(from, to, spanId, personId).update();
        records.touch(personId);
        audit.record(personId, AuditAction.UPDATE, "person.roles");
        return role(personId, spanId);
    }

    /** Ends a role on {@code to} (today when left out); ending it again moves the end. */
    @Transactional
    public RoleSpan endRole(UUID personId, UUID spanId, LocalDate to) {
        access.require(personId);
        RoleSpan span = role(personId, spanId);
        return changeRole(personId, spanId, span.from(), to == null ? LocalDate.now(clock) : to);
    }

    @Transactional
    public List<Membership> memberships(UUID personId) {
        access.require(personId);
        audit.record(personId, AuditAction.READ, "person.memberships");
        return records.memberships(personId);
    }

    /** Adds a membership of one of the caller's departments, with its dates as {@link #addRole}. */
    @Transactional
    public Membership addMembership(UUID personId, UUID spanId, UUID departmentId, LocalDate from, LocalDate to) {
        insertMembership(personId, spanId, departmentId, from, to);
        return membership(personId, spanId);
    }

    /** Adds a membership from {@code from} (today when left out), with no end: the person page's form. */
    @Transactional
    public void addMembership(UUID personId, UUID departmentId, LocalDate from) {
        insertMembership(personId, UUID.randomUUID(), departmentId, from, null);
    }

    private void insertMembership(UUID personId, UUID spanId, UUID departmentId, LocalDate from, LocalDate to) {
        access.require(personId);
        List<InvalidInputException> broken = new ArrayList<>();
        if (departmentId == null || !departments.exists(departmentId)) {
            broken.add(new InvalidInputException("departmentId", "person.department.unknown"));
        } else if (!PersonAccess.mayUseDepartment(departmentId)) {
            broken.add(new InvalidInputException("departmentId", "person.department.notYours"));
        }
        insertSpan("""
                        INSERT INTO person_department (id, organisation_id, person_id, department_id, from_date, to_date)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
                personId, spanId, departmentId, from, to, broken, "person.memberships");
    }

    /** Sets a membership's dates; only of a department the caller may use. */
    @Transactional
    public Membership changeMembership(UUID personId, UUID spanId, LocalDate from, LocalDate to) {
        access.require(personId);
        Membership m = membership(personId, spanId);
        if (!PersonAccess.mayUseDepartment(m.departmentId())) {
            throw new InvalidInputException("departmentId", "person.department.notYours");
        }
        List<InvalidInputException> broken = new ArrayList<>();
        if (from == null) {
            broken.add(new InvalidInputException("from", "person.span.from.required"));
        }
        checkDates(from, to, broken);
        InvalidInputException.throwIfAny(broken);
        db.sql("UPDATE person_department SET from_date = ?, to_date = ? WHERE id = ? AND person_id = ?")
                .params(from, to, spanId, personId).update();
        records.touch(personId);
        audit.record(personId, AuditAction.UPDATE, "person.memberships");
        return membership(personId, spanId);
    }

    @Transactional
    public Membership endMembership(UUID personId, UUID spanId, LocalDate to) {
        access.require(personId);
        Membership m = membership(personId, spanId);
        return changeMembership(personId, spanId, m.from(), to == null ? LocalDate.now(clock) : to);
    }

    @Transactional
    public List<Relative> relatives(UUID personId) {
        access.require(personId);
        audit.record(personId, AuditAction.READ, "person.relatives");
        return records.relatives(personId);
    }

    /**
     * Links a relative to a participant, both within the caller's access (again: the relation is replaced, one link
     * stays), and answers the link.
     */
    @Transactional
    public Relative linkRelative(UUID participantId, UUID relativeId, String relation) {
        access.require(participantId);
        if (relativeId == null) {
            throw new InvalidInputException("relativeId", "relative.required");
        }
        access.require(relativeId);
        if (relation != null && relation.length() > 100) {
            throw new InvalidInputException("relation", "relative.relation.size");
        }
        records.linkRelative(participantId, relativeId, relation);
        audit.record(participantId, AuditAction.UPDATE, "person.relatives");
        audit.record(relativeId, AuditAction.UPDATE, "person.relatives");
        return records.relatives(participantId).stream().filter(r -> r.personId().equals(relativeId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Relative"));
    }

    @Transactional
    public void unlinkRelative(UUID personId, UUID linkId) {
        access.require(personId);
        records.unlinkRelative(personId, linkId);
        audit.record(personId, AuditAction.UPDATE, "person.relatives");
    }

    /**
     * The names of persons with the relative role that the caller may see: the choices when linking a relative,
     * shown on a page whose reading is already in the audit trail.
     */
    @Transactional(readOnly = true)
    public List<PersonSummary> relativesToChoose() {
        return records.visibleWithRole(PersonRole.RELATIVE, PersonAccess.isAdmin(), PersonAccess.departments());
    }

    private RoleSpan role(UUID personId, UUID spanId) {
        return records.roles(personId).stream().filter(r -> r.id().equals(spanId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Role"));
    }

    private Membership membership(UUID personId, UUID spanId) {
        return records.memberships(personId).stream().filter(m -> m.id().equals(spanId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Membership"));
    }

    private static void checkDates(LocalDate from, LocalDate to, List<InvalidInputException> broken) {
        if (from != null && (from.isBefore(EARLIEST) || from.isAfter(LATEST))) {
            broken.add(new InvalidInputException("from", "person.span.date.range"));
        }
        if (to != null && (to.isBefore(EARLIEST) || to.isAfter(LATEST))) {
            broken.add(new InvalidInputException("to", "person.span.date.range"));
        } else if (from != null && to != null && to.isBefore(from)) {
            broken.add(new InvalidInputException("to", "person.end.invalid"));
        }
    }
}
