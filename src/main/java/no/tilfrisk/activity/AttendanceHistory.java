package no.tilfrisk.activity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.activity.AttendanceRollCall.Attendance;
import no.tilfrisk.activity.internal.ActivityAccess;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.person.PersonLookup.OnDate;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The attendance of many sessions replaced at once, such as a year of history (the demo's): the same rules, rows,
 * audit rows and events as {@link AttendanceRollCall#replace} once per session, in a few set-based statements
 * instead of about a dozen per session. All or nothing: one session that breaks a rule saves none.
 */
@Service
public class AttendanceHistory {

    private final JdbcClient db;
    private final ActivityRecords activities;
    private final PersonLookup persons;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AttendanceHistory(JdbcClient db, ActivityRecords activities, PersonLookup persons, AuditTrail audit,
                      ApplicationEventPublisher events, Clock clock) {
        this.db = db;
        this.activities = activities;
        this.persons = persons;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    private record Session(UUID id, UUID activityId, LocalDate date, boolean cancelled) {
    }

    /** Replaces each session's attendance with its list and counts, as {@link AttendanceRollCall#replace} would. */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF', 'VOLUNTEER')")
    @Transactional
    public void replaceAll(Map<UUID, Attendance> wanted) {
        if (wanted.isEmpty()) {
            return;
        }
        UUID organisation = Tenancy.requireOrganisationId();
        Map<UUID, Session> sessions = new HashMap<>();
        db.sql("""
                        SELECT id, activity_id, date, cancelled_at IS NOT NULL AS cancelled FROM activity_session
                         WHERE id = ANY(?) AND organisation_id = ?""")
                .params(wanted.keySet().toArray(UUID[]::new), organisation)
                .query((rs, i) -> new Session(rs.getObject("id", UUID.class), rs.getObject("activity_id", UUID.class),
                        rs.getObject("date", LocalDate.class), rs.getBoolean("cancelled")))
                .list().forEach(s -> sessions.put(s.id(), s));
        if (sessions.size() != wanted.size()) {
            throw new NotFoundException("Session");
        }
        Map<UUID, Activity> byId = new HashMap<>();
        Set<UUID> everyone = new LinkedHashSet<>();
        for (var entry : wanted.entrySet()) {
            Session session = sessions.get(entry.getKey());
            Activity activity = byId.computeIfAbsent(session.activityId(), this::takingRollCall);
            Attendance attendance = entry.getValue();
            if (session.cancelled()) {
                throw new InvalidInputException("sessionId", "attendance.session.cancelled");
            }
            check("adults", attendance.adults());
            check("children", attendance.children());
            check("guests", attendance.guests());
            if (!activity.lowThreshold() && attendance.adults() > 0) {
                throw new InvalidInputException("adults", "attendance.adults.notLowThreshold");
            }
            if (attendance.personIds().stream().anyMatch(Objects::isNull)) {
                throw new InvalidInputException("personIds", "attendance.person.unknown");
            }
            everyone.addAll(attendance.personIds());
        }
        if (persons.names(everyone).size() != everyone.size()) {
            throw new InvalidInputException("personIds", "attendance.person.unknown");
        }

        Map<UUID, Set<UUID>> before = new HashMap<>();
        db.sql("SELECT session_id, person_id FROM attendance WHERE session_id = ANY(?)")
                .param(wanted.keySet().toArray(UUID[]::new))
                .query((rs, i) -> before.computeIfAbsent(rs.getObject("session_id", UUID.class), k -> new LinkedHashSet<>())
                        .add(rs.getObject("person_id", UUID.class)))
                .list();
        Map<UUID, List<UUID>> added = new LinkedHashMap<>();
        Map<UUID, List<UUID>> removed = new LinkedHashMap<>();
        Map<UUID, List<OnDate>> toCheck = new HashMap<>();
        for (var entry : wanted.entrySet()) {
            Session session = sessions.get(entry.getKey());
            Set<UUID> ids = new LinkedHashSet<>(entry.getValue().personIds());
            Set<UUID> was = before.getOrDefault(session.id(), Set.of());
            removed.put(session.id(), was.stream().filter(id -> !ids.contains(id)).toList());
            List<UUID> adding = ids.stream().filter(id -> !was.contains(id)).toList();
            added.put(session.id(), adding);
            UUID department = byId.get(session.activityId()).departmentId();
            adding.forEach(p -> toCheck.computeIfAbsent(department, k -> new ArrayList<>()).add(new OnDate(p, session.date())));
        }
        // as the roll call: everyone added a member of the activity's department on the session's date
        for (var entry : toCheck.entrySet()) {
            if (!persons.membersOnDates(entry.getKey(), entry.getValue()).containsAll(entry.getValue())) {
                throw new InvalidInputException("personIds", "attendance.person.notMemberOnDate");
            }
        }

        List<UUID> ids = new ArrayList<>(wanted.keySet());
        db.sql("""
                        UPDATE activity_session s SET adults = t.adults, children = t.children, guests = t.guests
                          FROM unnest(?::uuid[], ?::int[], ?::int[], ?::int[]) AS t(id, adults, children, guests)
                         WHERE s.id = t.id""")
                .params(ids.toArray(UUID[]::new), ids.stream().map(id -> wanted.get(id).adults()).toArray(Integer[]::new),
                        ids.stream().map(id -> wanted.get(id).children()).toArray(Integer[]::new),
                        ids.stream().map(id -> wanted.get(id).guests()).toArray(Integer[]::new))
                .update();
        List<AuditTrail.Access> accesses = new ArrayList<>();
        List<UUID[]> gone = pairs(removed);
        if (gone.get(0).length > 0) {
            db.sql("""
                            DELETE FROM attendance a USING unnest(?::uuid[], ?::uuid[]) AS t(session_id, person_id)
                             WHERE a.session_id = t.session_id AND a.person_id = t.person_id""")
                    .params(gone.get(0), gone.get(1)).update();
            removed.forEach((session, people) -> people.forEach(p ->
                    accesses.add(new AuditTrail.Access(p, AuditAction.UPDATE, "activity.attendance:" + session + ":removed"))));
        }
        List<UUID[]> come = pairs(added);
        if (come.get(0).length > 0) {
            db.sql("""
                            INSERT INTO attendance (session_id, person_id, organisation_id, recorded_by)
                            SELECT t.session_id, t.person_id, ?, ? FROM unnest(?::uuid[], ?::uuid[]) AS t(session_id, person_id)
                            ON CONFLICT DO NOTHING""")
                    .params(organisation, ActivityAccess.caller().userId(), come.get(0), come.get(1)).update();
            added.forEach((session, people) -> people.forEach(p ->
                    accesses.add(new AuditTrail.Access(p, AuditAction.CREATE, "activity.attendance:" + session))));
        }
        audit.recordAll(accesses);
        added.forEach((session, people) -> {
            if (!people.isEmpty()) {
                events.publishEvent(new AttendanceRecorded(organisation, sessions.get(session).activityId(), session,
                        people, Instant.now(clock)));
            }
        });
    }

    /** The activity, if the caller may take its roll call (as {@link AttendanceRollCall}). */
    private Activity takingRollCall(UUID activityId) {
        Activity activity = activities.find(activityId);
        boolean leads = activity.leaderIds().contains(ActivityAccess.caller().userId());
        if (!ActivityAccess.mayManage(activity.departmentId()) && !leads) {
            throw new NotFoundException("Session");
        }
        return activity;
    }

    private static void check(String field, int count) {
        if (count < 0) {
            throw new InvalidInputException(field, "attendance.count.negative");
        }
        if (count > 100_000) {
            throw new InvalidInputException(field, "attendance.count.tooLarge");
        }
    }

    /** The session ids and person ids of these lists, as two parallel arrays. */
    private static List<UUID[]> pairs(Map<UUID, List<UUID>> bySession) {
        List<UUID> sessionIds = new ArrayList<>();
        List<UUID> personIds = new ArrayList<>();
        bySession.forEach((session, people) -> people.forEach(p -> {
            sessionIds.add(session);
            personIds.add(p);
        }));
        return List.of(sessionIds.toArray(UUID[]::new), personIds.toArray(UUID[]::new));
    }
}
