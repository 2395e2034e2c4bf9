package no.tilfrisk.followup;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import no.tilfrisk.account.UserAccounts;
import no.tilfrisk.organisation.Department;
import no.tilfrisk.organisation.Departments;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.tenancy.TenantPrincipal;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import no.tilfrisk.platform.web.ResultPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tallies: where only the volume of contacts is recorded («37 telefonsamtaler denne uka»), per department, type
 * and period, with no person. Coordinators and staff keep them for their own departments, admins for all.
 * Reports count them apart from logged contacts. Voided with a reason, never deleted.
 */
@Service
@PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
public class Tallies {

    /** The longest period one tally may cover. */
    static final int MAX_DAYS = 366;

    private final JdbcClient db;
    private final Departments departments;
    private final UserAccounts users;
    private final Clock clock;

    Tallies(JdbcClient db, Departments departments, UserAccounts users, Clock clock) {
        this.clock = clock;
        this.db = db;
        this.departments = departments;
        this.users = users;
    }

    /**
     * Tallied contacts that stand, summed per type, of the department (null: every department, admins only) whose
     * tally period ends in the period (both dates included): a tally counts once, in the period it ends in.
     */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR')")
    @Transactional(readOnly = true)
    public Map<ContactType, Long> sumsByType(UUID departmentId, LocalDate from, LocalDate to) {
        TenantPrincipal caller = Tenancy.currentPrincipal().orElseThrow();
        if (!caller.hasRole("ORG_ADMIN") && (departmentId == null || !mayUse(departmentId))) {
            throw new AccessDeniedException("Not a department of the caller");
        }
        Map<ContactType, Long> out = new EnumMap<>(ContactType.class);
        for (ContactType t : ContactType.values()) {
            out.put(t, 0L);
        }
        db.sql("""
                        SELECT type, sum(count) FROM contact_tally
                         WHERE organisation_id = :org AND voided_at IS NULL AND period_to BETWEEN :from AND :to
                           AND (CAST(:department AS uuid) IS NULL OR department_id = :department)
                         GROUP BY type""")
                .param("org", Tenancy.requireOrganisationId()).param("department", departmentId)
                .param("from", from).param("to", to)
                .query((rs, i) -> out.put(ContactType.valueOf(rs.getString(1)), rs.getLong(2))).list();
        return out;
    }

    /** The departments the caller keeps tallies for. */
    @Transactional(readOnly = true)
    public List<Department> myDepartments() {
        return departments.list().stream().filter(d -> mayUse(d.id())).toList();
    }

    /**
     * Tallies that stand, newest period first, in one of the caller's departments (or all of them), optionally of
     * one type and overlapping a period.
     */
    @Transactional(readOnly = true)
    public ResultPage<Tally> list(UUID departmentId, ContactType type, LocalDate from, LocalDate to, int page, int size) {
        List<InvalidInputException> broken = new ArrayList<>();
        Map<UUID, String> mine = myDepartments().stream().collect(Collectors.toMap(Department::id, Department::name));
        if (departmentId != null && !mine.containsKey(departmentId)) {
            broken.add(new InvalidInputException("department", "tally.department.notYours"));
        }
        if (from != null && to != null && to.isBefore(from)) {
            broken.add(new InvalidInputException("to", "contact.period.order"));
        }
        InvalidInputException.throwIfAny(broken);
        var params = new HashMap<String, Object>();
        params.put("org", Tenancy.requireOrganisationId());
        params.put("departments", (departmentId != null ? Set.of(departmentId) : mine.keySet()).toArray(UUID[]::new));
        StringBuilder sql = new StringBuilder("""
                SELECT t.id, t.department_id, t.type, t.period_from, t.period_to, t.count, t.created_at, t.created_by,
                       count(*) OVER () AS total
                  FROM contact_tally t
                 WHERE t.organisation_id = :org AND t.voided_at IS NULL AND t.department_id = ANY(:departments)""");
        if (type != null) {
            sql.append(" AND t.type = :type");
            params.put("type", type.name());
        }
        if (from != null) {
            sql.append(" AND t.period_to >= :from");
            params.put("from", from);
        }
        if (to != null) {
            sql.append(" AND t.period_from <= :to");
            params.put("to", to);
        }
        sql.append(" ORDER BY t.period_from DESC, t.created_at DESC, t.id LIMIT :limit OFFSET :offset");
        params.put("limit", size);
        params.put("offset", (long) Math.min(page, 100_000) * size);
        long[] total = {0};
        record Row(UUID id, UUID departmentId, ContactType type, LocalDate from, LocalDate to, int count,
                   Instant createdAt, UUID createdBy) {
        }
        List<Row> rows = db.sql(sql.toString()).params(params).query((rs, i) -> {
            total[0] = rs.getLong("total");
            return new Row(rs.getObject("id", UUID.class), rs.getObject("department_id", UUID.class),
                    ContactType.valueOf(rs.getString("type")), rs.getObject("period_from", LocalDate.class),
                    rs.getObject("period_to", LocalDate.class), rs.getInt("count"),
                    rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                    rs.getObject("created_by", UUID.class));
        }).list();
        if (rows.isEmpty() && page > 0) {
            total[0] = db.sql("SELECT count(*) FROM (" + sql.substring(0, sql.indexOf(" ORDER BY")) + ") c")
                    .params(params).query(Long.class).single();
        }
        Map<UUID, String> names = users.names(rows.stream().map(Row::createdBy).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        return new ResultPage<>(rows.stream().map(r -> new Tally(r.id(), r.departmentId(), mine.get(r.departmentId()),
                r.type(), r.from(), r.to(), r.count(), r.createdAt(), r.createdBy() == null ? null : names.get(r.createdBy()),
                null, null)).toList(), page, size, total[0]);
    }

    /**
     * Records a tally under the id the form carried, so a double submit records one. An id already used in this
     * organisation returns that tally; one another organisation holds is «not found».
     */
    @Transactional
    public UUID record(UUID id, TallyForm form) {
        UUID org = Tenancy.requireOrganisationId();
        var existing = db.sql("SELECT department_id FROM contact_tally WHERE id = ? AND organisation_id = ?")
                .params(id, org).query(UUID.class).optional();
        if (existing.isPresent()) {
            if (!mayUse(existing.get())) {
                throw new NotFoundException("Tally");
            }
            return id;
        }
        InvalidInputException.throwIfAny(check(form));
        int inserted = db.sql("""
                        INSERT INTO contact_tally (id, organisation_id, department_id, type, period_from, period_to, count, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")
                .params(id, org, form.getDepartmentId(), form.getType().name(), form.getFrom(), form.getTo(),
                        form.getCount(), me())
                .update();
        if (inserted == 0 && !db.sql("SELECT EXISTS (SELECT 1 FROM contact_tally WHERE id = ? AND organisation_id = ?)")
                .params(id, org).query(Boolean.class).single()) {
            throw new NotFoundException("Tally");
        }
        return id;
    }

    /** What {@link #record} would refuse in this form, without writing anything: the import's dry run asks. */
    @Transactional(readOnly = true)
    public List<InvalidInputException> check(TallyForm form) {
        List<InvalidInputException> broken = new ArrayList<>();
        if (form.getDepartmentId() == null) {
            broken.add(new InvalidInputException("departmentId", "tally.department.required"));
        } else if (myDepartments().stream().noneMatch(d -> d.id().equals(form.getDepartmentId()))) {
            broken.add(new InvalidInputException("departmentId", "tally.department.notYours"));
        }
        if (form.getType() == null) {
            broken.add(new InvalidInputException("type", "contact.type.required"));
        }
        if (form.getCount() == null) {
            broken.add(new InvalidInputException("count", "tally.count.required"));
        } else if (form.getCount() < 1 || form.getCount() > 100_000) {
            broken.add(new InvalidInputException("count", "tally.count.range"));
        }
        checkPeriod(form.getFrom(), form.getTo(), broken);
        return broken;
    }

    /** Voids a tally with a reason; voiding it again changes nothing. */
    @Transactional
    public void voidTally(UUID id, String reason) {
        UUID department = db.sql("SELECT department_id FROM contact_tally WHERE id = ? AND organisation_id = ?")
                .params(id, Tenancy.requireOrganisationId()).query(UUID.class).optional()
                .filter(this::mayUse).orElseThrow(() -> new NotFoundException("Tally"));
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "contact.void.reason.required");
        }
        if (reason.length() > 500) {
            throw new InvalidInputException("reason", "contact.void.reason.size");
        }
        db.sql("""
                        UPDATE contact_tally SET voided_at = now(), voided_by = ?, void_reason = ?
                         WHERE id = ? AND department_id = ? AND voided_at IS NULL""")
                .params(me(), reason.strip(), id, department).update();
    }

    /** The period: both dates, the end not before the start, not starting in the future, at most a year long. */
    private void checkPeriod(LocalDate from, LocalDate to, List<InvalidInputException> broken) {
        if (from == null) {
            broken.add(new InvalidInputException("from", "tally.from.required"));
        } else if (from.isBefore(ContactRules.EARLIEST)) {
            broken.add(new InvalidInputException("from", "contact.date.range"));
        } else if (from.isAfter(LocalDate.now(clock).plusDays(1))) {
            broken.add(new InvalidInputException("from", "tally.from.future"));
        }
        if (to == null) {
            broken.add(new InvalidInputException("to", "tally.to.required"));
        } else if (from != null && to.isBefore(from)) {
            broken.add(new InvalidInputException("to", "contact.period.order"));
        } else if (from != null && ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            broken.add(new InvalidInputException("to", "tally.period.length"));
        }
    }

    private boolean mayUse(UUID departmentId) {
        TenantPrincipal caller = Tenancy.currentPrincipal().orElseThrow();
        return caller.hasRole("ORG_ADMIN") || caller.departmentIds().contains(departmentId);
    }

    private static UUID me() {
        return Tenancy.currentPrincipal().map(TenantPrincipal::userId).orElse(null);
    }
}
