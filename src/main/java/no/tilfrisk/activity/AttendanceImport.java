package no.tilfrisk.activity;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.activity.internal.ActivityAccess;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sessions, head-counts and named attendance in bulk, for the spreadsheet import (module {@code importer}). The
 * roll call's rules (a named person is a member of the activity's department on the session's date; adults are
 * counted only where the activity is low-threshold; no attendance on a cancelled session) are checked by the
 * importer over these reads before anything is written, with the roll call's own messages.
 */
@Service
@PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR')")
public class AttendanceImport {

    /** An activity the caller may take roll call in (not archived). */
    public record Importable(UUID id, String name, UUID departmentId, boolean lowThreshold, LocalDate startDate,
                             LocalDate endDate) {
        public boolean covers(LocalDate date) {
            return !date.isBefore(startDate) && (endDate == null || !date.isAfter(endDate));
        }
    }

    public record Session(UUID id, UUID activityId, LocalDate date, int adults, int children, int guests,
                          boolean cancelled) {
    }

    public record Present(UUID sessionId, UUID personId) {
    }

    public record NewSession(UUID id, UUID activityId, LocalDate date) {
    }

    public record Counts(UUID sessionId, int adults, int children, int guests) {
    }

    private final JdbcClient db;
    private final AuditTrail audit;

    AttendanceImport(JdbcClient db, AuditTrail audit) {
        this.db = db;
        this.audit = audit;
    }

    /** The activities the caller may record attendance in: all for an admin, their departments' for others. */
    @Transactional(readOnly = true)
    public List<Importable> activities() {
        return allActivities().stream().filter(a -> ActivityAccess.mayManage(a.departmentId())).toList();
    }

    /**
     * The names of the organisation's activities the caller may not record attendance in (another department's), so
     * that a row naming one is told so rather than that no such activity exists. Names only: no person, no count.
     */
    @Transactional(readOnly = true)
    public List<String> othersActivityNames() {
        return allActivities().stream().filter(a -> !ActivityAccess.mayManage(a.departmentId()))
                .map(Importable::name).toList();
    }

    private List<Importable> allActivities() {
        return db.sql("""
                        SELECT id, name, department_id, low_threshold, start_date, end_date FROM activity
                         WHERE organisation_id = ? AND archived_at IS NULL ORDER BY name""")
                .param(Tenancy.requireOrganisationId()).query(Importable.class).list();
    }

    /** The sessions of these activities between two dates. */
    @Transactional(readOnly = true)
    public List<Session> sessions(Collection<UUID> activityIds, LocalDate from, LocalDate to) {
        return db.sql("""
                        SELECT id, activity_id, date, adults, children, guests, cancelled_at IS NOT NULL AS cancelled
                          FROM activity_session WHERE activity_id = ANY(?) AND date BETWEEN ? AND ?""")
                .params(activityIds.toArray(UUID[]::new), from, to).query(Session.class).list();
    }

    @Transactional(readOnly = true)
    public Set<Present> present(Collection<UUID> sessionIds) {
        return new java.util.HashSet<>(db.sql("SELECT session_id, person_id FROM attendance WHERE session_id = ANY(?)")
                .param(sessionIds.toArray(UUID[]::new)).query(Present.class).list());
    }

    /**
     * Makes the sessions, sets head-counts and records attendance, in a few statements; the persons named are in
     * the audit trail as imported under {@code what}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void write(List<NewSession> sessions, List<Counts> counts, List<Present> present, String what) {
        UUID org = Tenancy.requireOrganisationId();
        if (!sessions.isEmpty()) {
            db.sql("""
                            INSERT INTO activity_session (id, organisation_id, activity_id, date)
                            SELECT id, ?, a, d FROM unnest(?, ?, ?) AS t(id, a, d)""")
                    .params(org, sessions.stream().map(NewSession::id).toArray(UUID[]::new),
                            sessions.stream().map(NewSession::activityId).toArray(UUID[]::new),
                            sessions.stream().map(s -> java.sql.Date.valueOf(s.date())).toArray(java.sql.Date[]::new))
                    .update();
        }
        if (!counts.isEmpty()) {
            db.sql("""
                            UPDATE activity_session s SET adults = t.a, children = t.c, guests = t.g
                              FROM unnest(?, ?, ?, ?) AS t(id, a, c, g) WHERE s.id = t.id""")
                    .params(counts.stream().map(Counts::sessionId).toArray(UUID[]::new),
                            counts.stream().map(Counts::adults).toArray(Integer[]::new),
                            counts.stream().map(Counts::children).toArray(Integer[]::new),
                            counts.stream().map(Counts::guests).toArray(Integer[]::new))
                    .update();
        }
        if (!present.isEmpty()) {
            db.sql("""
                            INSERT INTO attendance (session_id, person_id, organisation_id, recorded_by)
                            SELECT s, p, ?, ? FROM unnest(?, ?) AS t(s, p) ON CONFLICT DO NOTHING""")
                    .params(org, ActivityAccess.caller().userId(),
                            present.stream().map(Present::sessionId).toArray(UUID[]::new),
                            present.stream().map(Present::personId).toArray(UUID[]::new))
                    .update();
        }
        Set<UUID> persons = new LinkedHashSet<>();
        present.forEach(p -> persons.add(p.personId()));
        audit.recordEach(persons, AuditAction.IMPORT, what);
    }

    /** Takes an import back: its attendance, the head-counts as they were, and the sessions it made. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void undo(List<Present> present, List<Counts> countsBefore, Collection<UUID> sessions, String what) {
        List<UUID> persons = db.sql("""
                        DELETE FROM attendance a USING unnest(?, ?) AS t(s, p)
                         WHERE a.session_id = t.s AND a.person_id = t.p RETURNING a.person_id""")
                .params(present.stream().map(Present::sessionId).toArray(UUID[]::new),
                        present.stream().map(Present::personId).toArray(UUID[]::new))
                .query(UUID.class).list();
        if (!countsBefore.isEmpty()) {
            write(List.of(), countsBefore, List.of(), what);
        }
        db.sql("DELETE FROM activity_session WHERE id = ANY(?)").param(sessions.toArray(UUID[]::new)).update();
        audit.recordEach(new LinkedHashSet<>(persons), AuditAction.IMPORT_UNDONE, what);
    }
}
