package no.tilfrisk.activity;

import static no.tilfrisk.platform.Text.blankToNull;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import no.tilfrisk.activity.internal.ActivityAccess;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.organisation.Departments;
import no.tilfrisk.person.ConsentCheck;
import no.tilfrisk.person.ConsentPurpose;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gift cards, food boxes, Christmas presents and the like, handed out per department. A recipient is named only
 * if they are registered with consent to registration; most distributions are counts alone.
 */
@Service
public class Distributions {

    /** The sum of one kind over a period. */
    public record Total(DistributionKind kind, long count, long valueOre) {
    }

    private final JdbcClient db;
    private final PersonLookup persons;
    private final ConsentCheck consents;
    private final ActivityRecords activities;
    private final AuditTrail audit;
    private final Departments departments;
    private final Clock clock;
    private final List<DistributionSource> sources;

    Distributions(JdbcClient db, PersonLookup persons, ConsentCheck consents, ActivityRecords activities, AuditTrail audit,
                  Departments departments, Clock clock, List<DistributionSource> sources) {
        this.clock = clock;
        this.sources = sources;
        this.departments = departments;
        this.db = db;
        this.persons = persons;
        this.consents = consents;
        this.activities = activities;
        this.audit = audit;
    }

    /**
     * The distributions of one department (or of all the caller sees) in a period, newest first. Recipients are
     * named only for those who may see persons of the department; each named recipient shown is an audit row.
     */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF', 'REPORT_VIEWER')")
    @Transactional
    public List<Distribution> list(UUID departmentId, LocalDate from, LocalDate to) {
        ActivityRules.requirePeriod(from, to);
        if (departmentId != null && !ActivityAccess.maySeeCounts(departmentId)) {
            throw new NotFoundException("Department");
        }
        UUID[] scope = departmentId != null ? new UUID[] {departmentId} : ActivityAccess.visibleDepartments();
        List<Distribution> found = db.sql("""
                        SELECT id, department_id, date, kind, count, value_ore, recipient_id, activity_id, note
                          FROM distribution
                         WHERE organisation_id = :org AND date BETWEEN :from AND :to
                           AND (CAST(:scope AS uuid[]) IS NULL OR department_id = ANY(:scope))
                         ORDER BY date DESC, created_at DESC""")
                .param("org", Tenancy.requireOrganisationId()).param("from", from).param("to", to)
                .param("scope", scope)
                .query((rs, i) -> new Distribution(rs.getObject("id", UUID.class), rs.getObject("department_id", UUID.class),
                        rs.getObject("date", LocalDate.class), DistributionKind.valueOf(rs.getString("kind")),
                        rs.getInt("count"), (Long) rs.getObject("value_ore"), rs.getObject("recipient_id", UUID.class),
                        null, rs.getObject("activity_id", UUID.class), rs.getString("note")))
                .list();
        List<UUID> named = found.stream().filter(d -> d.recipientId() != null && ActivityAccess.mayManage(d.departmentId()))
                .map(Distribution::recipientId).distinct().toList();
        var names = persons.names(named);
        audit.recordEach(names.keySet(), AuditAction.READ, "activity.distribution");
        return found.stream().map(d -> {
            boolean mayName = d.recipientId() != null && ActivityAccess.mayManage(d.departmentId());
            return new Distribution(d.id(), d.departmentId(), d.date(), d.kind(), d.count(), d.valueOre(),
                    mayName ? d.recipientId() : null,
                    mayName && names.containsKey(d.recipientId()) ? names.get(d.recipientId()).displayName() : null,
                    d.activityId(), mayName || d.recipientId() == null ? d.note() : null);
        }).toList();
    }

    /** A recipient to name on the distribution form: a person the caller may see; reading the name is audited. */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional
    public PersonLookup.PersonName recipient(UUID personId) {
        persons.requireVisible(personId);
        audit.record(personId, AuditAction.READ, "activity.distribution.recipient");
        return persons.names(List.of(personId)).get(personId);
    }

    /** Totals per kind for the same scope and period. */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF', 'REPORT_VIEWER')")
    @Transactional(readOnly = true)
    public List<Total> totals(UUID departmentId, LocalDate from, LocalDate to) {
        ActivityRules.requirePeriod(from, to);
        if (departmentId != null && !ActivityAccess.maySeeCounts(departmentId)) {
            throw new NotFoundException("Department");
        }
        UUID[] scope = departmentId != null ? new UUID[] {departmentId} : ActivityAccess.visibleDepartments();
        Map<DistributionKind, Total> byKind = db.sql("""
                        SELECT kind, sum(count) AS count, coalesce(sum(value_ore), 0) AS value_ore FROM distribution
                         WHERE organisation_id = :org AND date BETWEEN :from AND :to
                           AND (CAST(:scope AS uuid[]) IS NULL OR department_id = ANY(:scope))
                         GROUP BY kind""")
                .param("org", Tenancy.requireOrganisationId()).param("from", from).param("to", to)
                .param("scope", scope)
                .query((rs, i) -> new Total(DistributionKind.valueOf(rs.getString("kind")), rs.getLong("count"),
                        rs.getLong("value_ore")))
                .list().stream().collect(Collectors.toMap(Total::kind, t -> t));
        for (DistributionSource source : sources) {
            for (Total t : source.totals(scope, from, to)) {
                byKind.merge(t.kind(), t, (a, b) -> new Total(a.kind(), a.count() + b.count(), a.valueOre() + b.valueOre()));
            }
        }
        return Arrays.stream(DistributionKind.values()).filter(byKind::containsKey).map(byKind::get).toList();
    }

    /**
     * Records a distribution under the caller's id (the form carries it), so a form sent twice records one. A
     * named recipient must be the organisation's and have consented to registration.
     */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional
    public UUID register(UUID id, DistributionForm form) {
        if (db.sql("SELECT EXISTS (SELECT 1 FROM distribution WHERE id = ?)").param(id).query(Boolean.class).single()) {
            return id;
        }
        if (!ActivityAccess.mayManage(form.getDepartmentId()) || !departments.exists(form.getDepartmentId())) {
            throw new InvalidInputException("departmentId", "activity.department.denied");
        }
        if (form.getDate().isAfter(LocalDate.now(clock).plusDays(1))) {
            throw new InvalidInputException("date", "distribution.date.future");
        }
        if (form.getKind() == DistributionKind.EQUIPMENT_LOAN) {
            throw new InvalidInputException("kind", "distribution.kind.loan");
        }
        if (form.getRecipientId() != null) {
            try {
                persons.requireVisible(form.getRecipientId());
            } catch (NotFoundException e) {
                throw new InvalidInputException("recipientId", "distribution.recipient.unknown");
            }
            if (!consents.isGiven(form.getRecipientId(), ConsentPurpose.REGISTRATION)) {
                throw new InvalidInputException("recipientId", "distribution.recipient.noConsent");
            }
        }
        if (form.getActivityId() != null) {
            Activity activity;
            try {
                activity = activities.find(form.getActivityId());
            } catch (NotFoundException e) {
                throw new InvalidInputException("activityId", "distribution.activity.unknown");
            }
            if (!activity.departmentId().equals(form.getDepartmentId())) {
                throw new InvalidInputException("activityId", "distribution.activity.otherDepartment");
            }
        }
        db.sql("""
                        INSERT INTO distribution (id, organisation_id, department_id, date, kind, count, value_ore,
                                                  recipient_id, activity_id, note, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, Tenancy.requireOrganisationId(), form.getDepartmentId(), form.getDate(), form.getKind().name(),
                        form.getCount(), form.valueOre(), form.getRecipientId(), form.getActivityId(),
                        blankToNull(form.getNote()), ActivityAccess.caller().userId())
                .update();
        if (form.getRecipientId() != null) {
            audit.record(form.getRecipientId(), AuditAction.CREATE, "activity.distribution:" + id);
        }
        return id;
    }

    /**
     * The distribution the caller may remove, for the question before it goes: its date, kind, count and value,
     * without the recipient (so nothing about a person is read). «Not found» as {@link #remove} would be.
     */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional(readOnly = true)
    public Distribution toRemove(UUID id) {
        Distribution found = db.sql("""
                        SELECT id, department_id, date, kind, count, value_ore, activity_id
                          FROM distribution WHERE id = ? AND organisation_id = ?""")
                .params(id, Tenancy.requireOrganisationId())
                .query((rs, i) -> new Distribution(rs.getObject("id", UUID.class), rs.getObject("department_id", UUID.class),
                        rs.getObject("date", LocalDate.class), DistributionKind.valueOf(rs.getString("kind")),
                        rs.getInt("count"), (Long) rs.getObject("value_ore"), null, null,
                        rs.getObject("activity_id", UUID.class), null))
                .optional().orElseThrow(() -> new NotFoundException("Distribution"));
        if (!ActivityAccess.mayManage(found.departmentId())) {
            throw new NotFoundException("Distribution");
        }
        return found;
    }

    /** Removes a distribution recorded by mistake. */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional
    public void remove(UUID id) {
        var row = db.sql("SELECT department_id, recipient_id FROM distribution WHERE id = ? AND organisation_id = ?")
                .params(id, Tenancy.requireOrganisationId())
                .query((rs, i) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)})
                .optional().orElseThrow(() -> new NotFoundException("Distribution"));
        if (!ActivityAccess.mayManage(row[0])) {
            throw new NotFoundException("Distribution");
        }
        db.sql("DELETE FROM distribution WHERE id = ?").param(id).update();
        if (row[1] != null) {
            audit.record(row[1], AuditAction.UPDATE, "activity.distribution:" + id + ":removed");
        }
    }
}
