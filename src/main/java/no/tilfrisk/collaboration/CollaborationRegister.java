package no.tilfrisk.collaboration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import no.tilfrisk.account.UserAccounts;
import no.tilfrisk.collaboration.CollaborationKind.Field;
import no.tilfrisk.organisation.Department;
import no.tilfrisk.organisation.Departments;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.tenancy.TenantPrincipal;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The collaboration and governance register: councils, user offices, meetings with services, seminars,
 * co-organised events, political meetings, board meetings and the annual meeting. Organisation records, not
 * personal data, so they are not audited and a wrong one is deleted outright.
 * <p>
 * Rights: admins, coordinators, staff and report readers read the whole organisation's register. Admins, coordinators
 * and staff add records, for the whole organisation or one of their own departments (admins: any department).
 * Admins change and delete any record; coordinators those of the whole organisation or their own departments;
 * staff none. Volunteers and participants have no access.
 */
@Service
@PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF', 'REPORT_VIEWER')")
public class CollaborationRegister {

    /** The earliest date a record can have: anything before is a typing error. */
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    /** How far ahead a record may be dated: meetings are planned, rarely more than a year ahead. */
    static final int YEARS_AHEAD = 2;
    /** The most records one list returns: a year of a busy organisation has a few hundred. */
    static final int LIMIT = 5000;

    private static final String COLUMNS = """
            SELECT r.id, r.kind, r.department_id, r.title, r.partner, r.role, r.starts_on, r.ends_on,
                   r.participants, r.note, r.created_at, r.created_by
              FROM collaboration_record r
            """;

    private final JdbcClient db;
    private final Departments departments;
    private final UserAccounts users;
    private final Clock clock;

    CollaborationRegister(JdbcClient db, Departments departments, UserAccounts users, Clock clock) {
        this.clock = clock;
        this.db = db;
        this.departments = departments;
        this.users = users;
    }

    /**
     * The records that count in a period (both dates included), oldest first: a dated record on a day in it, a
     * council or user office whose span overlaps it. Optionally of one kind, and of one department only (null: the
     * whole organisation's register, records of every department and of none).
     */
    @Transactional(readOnly = true)
    public List<CollaborationRecord> list(LocalDate from, LocalDate to, CollaborationKind kind, UUID departmentId) {
        List<InvalidInputException> broken = new ArrayList<>();
        if (from == null) {
            broken.add(new InvalidInputException("from", "collaboration.period.from.required"));
        }
        if (to == null) {
            broken.add(new InvalidInputException("to", "collaboration.period.to.required"));
        } else if (from != null && to.isBefore(from)) {
            broken.add(new InvalidInputException("to", "collaboration.period.order"));
        }
        Map<UUID, String> names = departmentNames();
        if (departmentId != null && !names.containsKey(departmentId)) {
            broken.add(new InvalidInputException("department", "collaboration.department.unknown"));
        }
        InvalidInputException.throwIfAny(broken);
        var params = new HashMap<String, Object>();
        params.put("org", Tenancy.requireOrganisationId());
        params.put("from", from);
        params.put("to", to);
        // a span ends when it ends, or never while open; a dated record ends on its day
        StringBuilder sql = new StringBuilder(COLUMNS + """
                 WHERE r.organisation_id = :org AND r.starts_on <= :to
                   AND coalesce(r.ends_on, CASE WHEN r.kind IN ('COUNCIL', 'USER_OFFICE') THEN 'infinity'::date
                                                ELSE r.starts_on END) >= :from
                """);
        if (kind != null) {
            sql.append(" AND r.kind = :kind\n");
            params.put("kind", kind.name());
        }
        if (departmentId != null) {
            sql.append(" AND r.department_id = :department\n");
            params.put("department", departmentId);
        }
        sql.append(" ORDER BY r.starts_on, r.created_at, r.id LIMIT " + LIMIT);
        return named(db.sql(sql.toString()).params(params).query(CollaborationRegister::row).list(), names);
    }

    /**
     * The register for the annual report: per kind the records of the period, how many, and the participants
     * registered. {@code departmentId} null is the whole organisation; a department gives only the records of that
     * department (records of the whole organisation, such as board meetings, are not in it).
     */
    @Transactional(readOnly = true)
    public CollaborationSummary summary(UUID departmentId, LocalDate from, LocalDate to) {
        Map<CollaborationKind, List<CollaborationRecord>> byKind = new EnumMap<>(CollaborationKind.class);
        for (CollaborationKind kind : CollaborationKind.values()) {
            byKind.put(kind, new ArrayList<>());
        }
        list(from, to, null, departmentId).forEach(r -> byKind.get(r.kind()).add(r));
        Map<CollaborationKind, CollaborationSummary.KindSummary> kinds = new LinkedHashMap<>();
        byKind.forEach((kind, records) -> {
            List<Integer> numbers = records.stream().map(CollaborationRecord::participants).filter(Objects::nonNull).toList();
            int without = kind.uses(Field.PARTICIPANTS) ? records.size() - numbers.size() : 0;
            kinds.put(kind, new CollaborationSummary.KindSummary(kind, records.size(),
                    numbers.isEmpty() ? null : numbers.stream().mapToInt(Integer::intValue).sum(), without,
                    List.copyOf(records)));
        });
        return new CollaborationSummary(departmentId, from, to, kinds);
    }

    @Transactional(readOnly = true)
    public CollaborationRecord get(UUID id) {
        return named(db.sql(COLUMNS + " WHERE r.id = ? AND r.organisation_id = ?")
                .params(id, Tenancy.requireOrganisationId()).query(CollaborationRegister::row).optional()
                .map(List::of).orElseThrow(() -> new NotFoundException("Collaboration record")), departmentNames()).get(0);
    }

    /**
     * Adds a record under the id the form carried, so a double submit or a retried request adds one. An id already
     * used in this organisation returns that record unchanged; one that another organisation holds is «not found».
     */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional
    public UUID create(UUID id, CollaborationForm form) {
        UUID org = Tenancy.requireOrganisationId();
        if (db.sql("SELECT EXISTS (SELECT 1 FROM collaboration_record WHERE id = ? AND organisation_id = ?)")
                .params(id, org).query(Boolean.class).single()) {
            return id;
        }
        Clean c = check(form, form.getKind(), List.of());
        int inserted = db.sql("""
                        INSERT INTO collaboration_record (id, organisation_id, department_id, kind, title, partner, role,
                                                          starts_on, ends_on, participants, note, created_by, updated_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")
                .params(id, org, form.getDepartmentId(), form.getKind().name(), c.title(), c.partner(), c.role(),
                        form.getStartsOn(), c.endsOn(), c.participants(), c.note(), me(), me())
                .update();
        if (inserted == 0 && !db.sql("SELECT EXISTS (SELECT 1 FROM collaboration_record WHERE id = ? AND organisation_id = ?)")
                .params(id, org).query(Boolean.class).single()) {
            throw new NotFoundException("Collaboration record");
        }
        return id;
    }

    /** Changes a record; its kind stays (a kind in the form that differs is an error). */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR')")
    @Transactional
    public void update(UUID id, CollaborationForm form) {
        CollaborationRecord existing = requireChangeable(id);
        List<InvalidInputException> broken = new ArrayList<>();
        if (form.getKind() != null && form.getKind() != existing.kind()) {
            broken.add(new InvalidInputException("kind", "collaboration.kind.fixed"));
        }
        Clean c = check(form, existing.kind(), broken);
        db.sql("""
                        UPDATE collaboration_record SET department_id = ?, title = ?, partner = ?, role = ?, starts_on = ?,
                               ends_on = ?, participants = ?, note = ?, updated_at = now(), updated_by = ?
                         WHERE id = ? AND organisation_id = ?""")
                .params(form.getDepartmentId(), c.title(), c.partner(), c.role(), form.getStartsOn(), c.endsOn(),
                        c.participants(), c.note(), me(), id, Tenancy.requireOrganisationId())
                .update();
    }

    /** The record the caller may delete, for the question before it goes; refused as {@link #delete} would be. */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR')")
    @Transactional(readOnly = true)
    public CollaborationRecord toDelete(UUID id) {
        return requireChangeable(id);
    }

    /** Deletes a record: it names no one, and a wrong record should not count. Deleting it again is «not found». */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR')")
    @Transactional
    public void delete(UUID id) {
        requireChangeable(id);
        db.sql("DELETE FROM collaboration_record WHERE id = ? AND organisation_id = ?")
                .params(id, Tenancy.requireOrganisationId()).update();
    }

    /** The departments the caller may put a record in (besides the whole organisation). */
    @Transactional(readOnly = true)
    public List<Department> departmentsToChoose() {
        TenantPrincipal caller = caller();
        return departments.list().stream()
                .filter(d -> caller.hasRole("ORG_ADMIN") || caller.departmentIds().contains(d.id())).toList();
    }

    /** Whether the caller may add records at all. */
    /**
     * Whether the caller sees the numbers of participants on the register's pages and in its API: everyone but a
     * report reader only, who reads them in the external annual report, where small numbers are hidden. (The
     * annual report reads them here as a report reader, and hides them itself.)
     */
    public boolean mayCountParticipants() {
        return mayAdd();
    }

    public boolean mayAdd() {
        TenantPrincipal caller = caller();
        return caller.hasRole("ORG_ADMIN") || caller.hasRole("COORDINATOR") || caller.hasRole("STAFF");
    }

    /** Whether the caller may change or delete this record. */
    public boolean mayChange(CollaborationRecord r) {
        TenantPrincipal caller = caller();
        return caller.hasRole("ORG_ADMIN") || (caller.hasRole("COORDINATOR")
                && (r.departmentId() == null || caller.departmentIds().contains(r.departmentId())));
    }

    /** Refuses (403) a caller who may not add records: the new-record page and the form both ask this first. */
    public void requireMayAdd() {
        if (!mayAdd()) {
            throw new AccessDeniedException("May not add collaboration records");
        }
    }

    /** The record to edit: «not found» outside the organisation, refused outside the caller's departments. */
    @Transactional(readOnly = true)
    public CollaborationRecord forChange(UUID id) {
        return requireChangeable(id);
    }

    private CollaborationRecord requireChangeable(UUID id) {
        CollaborationRecord r = get(id);
        if (!mayChange(r)) {
            throw new AccessDeniedException("Not a record of the caller's departments");
        }
        return r;
    }

    /** The form's values as stored: trimmed, blanks as null, the fields the kind does not use dropped. */
    private record Clean(String title, String partner, String role, LocalDate endsOn, Integer participants, String note) {
    }

    private Clean check(CollaborationForm form, CollaborationKind kind, List<InvalidInputException> earlier) {
        List<InvalidInputException> broken = new ArrayList<>(earlier);
        if (kind == null) {
            broken.add(new InvalidInputException("kind", "collaboration.kind.required"));
            InvalidInputException.throwIfAny(broken);
        }
        String title = kind.uses(Field.TITLE) ? text(form.getTitle(), 200, "title", broken) : null;
        String partner = kind.uses(Field.PARTNER) ? text(form.getPartner(), 300, "partner", broken) : null;
        String role = kind.uses(Field.ROLE) ? text(form.getRole(), 200, "role", broken) : null;
        Integer participants = kind.uses(Field.PARTICIPANTS) ? form.getParticipants() : null;
        String note = text(form.getNote(), 2000, "note", broken);
        if (kind.requires(Field.TITLE) && title == null) {
            broken.add(new InvalidInputException("title", "collaboration.title.required." + kind.name()));
        }
        if (kind.requires(Field.PARTNER) && partner == null) {
            broken.add(new InvalidInputException("partner", "collaboration.partner.required." + kind.name()));
        }
        if (participants != null && (participants < 0 || participants > 100_000)) {
            broken.add(new InvalidInputException("participants", "collaboration.participants.range"));
        }
        LocalDate latest = LocalDate.now(clock).plusYears(YEARS_AHEAD);
        LocalDate starts = form.getStartsOn();
        if (starts == null) {
            broken.add(new InvalidInputException("startsOn", "collaboration.startsOn.required"));
        } else if (starts.isBefore(EARLIEST) || starts.isAfter(latest)) {
            broken.add(new InvalidInputException("startsOn", "collaboration.date.range"));
        }
        LocalDate ends = kind.period() ? form.getEndsOn() : null;
        if (ends != null) {
            if (ends.isAfter(latest.plusYears(10))) {
                broken.add(new InvalidInputException("endsOn", "collaboration.date.range"));
            } else if (starts != null && ends.isBefore(starts)) {
                broken.add(new InvalidInputException("endsOn", "collaboration.period.order"));
            }
        }
        if (form.getDepartmentId() != null
                && departmentsToChoose().stream().noneMatch(d -> d.id().equals(form.getDepartmentId()))) {
            broken.add(new InvalidInputException("departmentId", "collaboration.department.notYours"));
        }
        InvalidInputException.throwIfAny(broken);
        return new Clean(title, partner, role, ends, participants, note);
    }

    private static String text(String value, int max, String field, List<InvalidInputException> broken) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            broken.add(new InvalidInputException(field, "collaboration." + field + ".size"));
        }
        if (v.indexOf('\0') >= 0) {
            broken.add(new InvalidInputException(field, "collaboration.text.invalid"));
        }
        return v;
    }

    private Map<UUID, String> departmentNames() {
        return departments.list().stream().collect(Collectors.toMap(Department::id, Department::name));
    }

    /** A record as read, before the names of its department and creator are looked up. */
    private record Row(CollaborationRecord record, UUID createdBy) {
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        return new Row(new CollaborationRecord(rs.getObject("id", UUID.class),
                CollaborationKind.valueOf(rs.getString("kind")), rs.getObject("department_id", UUID.class), null,
                rs.getString("title"), rs.getString("partner"), rs.getString("role"),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                rs.getObject("participants", Integer.class), rs.getString("note"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), null),
                rs.getObject("created_by", UUID.class));
    }

    private List<CollaborationRecord> named(List<Row> rows, Map<UUID, String> departmentNames) {
        Set<UUID> creators = rows.stream().map(Row::createdBy).filter(Objects::nonNull).collect(Collectors.toSet());
        Map<UUID, String> userNames = creators.isEmpty() ? Map.of() : users.names(creators);
        return rows.stream().map(row -> {
            CollaborationRecord r = row.record();
            return new CollaborationRecord(r.id(), r.kind(), r.departmentId(),
                    r.departmentId() == null ? null : departmentNames.get(r.departmentId()), r.title(), r.partner(),
                    r.role(), r.startsOn(), r.endsOn(), r.participants(), r.note(), r.createdAt(),
                    row.createdBy() == null ? null : userNames.get(row.createdBy()));
        }).toList();
    }

    private static TenantPrincipal caller() {
        return Tenancy.currentPrincipal().orElseThrow(() -> new AccessDeniedException("No one signed in"));
    }

    private static UUID me() {
        return Tenancy.currentPrincipal().map(TenantPrincipal::userId).orElse(null);
    }
}
