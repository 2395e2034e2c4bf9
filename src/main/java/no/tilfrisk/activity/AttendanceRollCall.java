package no.tilfrisk.activity;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import no.tilfrisk.activity.internal.ActivityAccess;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.person.PersonLookup.PersonName;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attendance at a session: named persons, marked one tap at a time or replaced as a whole list, and the
 * anonymous head-counts. Staff take roll call in their departments' activities, a volunteer in those they lead.
 * Every read of named attendance is in the audit trail, one row per person shown.
 */
@Service
public class AttendanceRollCall {

    /** How many persons the roll call offers from earlier sessions of the same activity. */
    static final int RECENT = 30;

    /**
     * The whole attendance of a session, as the API reads and replaces it. A head-count left out of the body is 0:
     * an integrator who has no guests need not say so.
     */
    public record Attendance(@NotNull(message = "{attendance.persons.required}")
                             @Size(max = 2000, message = "{attendance.persons.size}") List<UUID> personIds,
                             @Min(value = 0, message = "{attendance.count.negative}") @Max(value = 100000, message = "{attendance.count.tooLarge}") Integer adults,
                             @Min(value = 0, message = "{attendance.count.negative}") @Max(value = 100000, message = "{attendance.count.tooLarge}") Integer children,
                             @Min(value = 0, message = "{attendance.count.negative}") @Max(value = 100000, message = "{attendance.count.tooLarge}") Integer guests) {

        public Attendance {
            adults = adults == null ? 0 : adults;
            children = children == null ? 0 : children;
            guests = guests == null ? 0 : guests;
        }
    }

    /** A person in the roll call, marked present or not. */
    public record Mark(PersonName person, boolean present) {
    }

    /** What the roll-call page shows: the session, who is marked, and whom to offer first. */
    public record RollCall(Activity activity, ActivitySession session, List<Mark> present, List<Mark> signedUp,
                           List<Mark> recent) {

        /** «Til stede» and the total as the page first shows them. */
        public Present tally() {
            return new Present(activity, session, present);
        }
    }

    /**
     * Who is marked present at a session, with its head-counts: what the roll call shows under «Til stede» and in
     * its running total, answered after each tap.
     */
    public record Present(Activity activity, ActivitySession session, List<Mark> marks) {

        /** Everyone there: named, adults and children without names, and guests. */
        public int total() {
            return marks.size() + session.adults() + session.children() + session.guests();
        }
    }

    private final JdbcClient db;
    private final ActivityRecords activities;
    private final ActivitySessions sessions;
    private final PersonLookup persons;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AttendanceRollCall(JdbcClient db, ActivityRecords activities, ActivitySessions sessions, PersonLookup persons,
                       AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
        this.db = db;
        this.activities = activities;
        this.sessions = sessions;
        this.persons = persons;
        this.audit = audit;
    }

    /** The roll call of a session: who is marked, then those who came to the activity's latest sessions. */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF', 'VOLUNTEER')")
    @Transactional
    public RollCall open(UUID sessionId) {
        ActivitySession session = sessions.find(sessionId);
        Activity activity = takingRollCall(session);
        List<UUID> presentIds = presentIds(sessionId);
        List<UUID> recentIds = db.sql("""
                        SELECT t.person_id FROM attendance t JOIN activity_session s ON s.id = t.session_id
                         WHERE s.activity_id = ? AND s.id <> ? AND s.organisation_id = ?
                         GROUP BY t.person_id ORDER BY max(s.date) DESC, count(*) DESC LIMIT ?""")
                .params(activity.id(), sessionId, Tenancy.requireOrganisationId(), RECENT)
                .query(UUID.class).list();
        // those who said on «Min side» that they are coming
        List<UUID> signedUpIds = db.sql("SELECT person_id FROM session_signup WHERE session_id = ? ORDER BY signed_up_at")
                .param(sessionId).query(UUID.class).list();
        Set<UUID> shown = new LinkedHashSet<>(presentIds);
        Map<UUID, PersonName> names = persons.names(union(union(presentIds, signedUpIds), recentIds));
        List<Mark> present = new ArrayList<>();
        presentIds.stream().filter(names::containsKey).forEach(id -> present.add(new Mark(names.get(id), true)));
        List<Mark> signedUp = new ArrayList<>();
        signedUpIds.stream().filter(id -> shown.add(id) && names.containsKey(id))
                .forEach(id -> signedUp.add(new Mark(names.get(id), false)));
        List<Mark> recent = new ArrayList<>();
        recentIds.stream().filter(id -> !shown.contains(id) && names.containsKey(id))
                .forEach(id -> recent.add(new Mark(names.get(id), false)));
        audit.recordEach(names.keySet(), AuditAction.READ, "activity.attendance:" + sessionId);
        return new RollCall(activity, session, present, signedUp, recent);
    }

    /** Who is marked present now, and the head-counts: «Til stede» and the total after a tap or a count. */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF', 'VOLUNTEER')")
    @Transactional
    public Present present(UUID sessionId) {
        ActivitySession session = sessions.find(sessionId);
        Activity activity = takingRollCall(session);
        List<UUID> presentIds = presentIds(sessionId);
        Map<UUID, PersonName> names = persons.names(presentIds);
        List<Mark> marks = presentIds.stream().filter(names::containsKey).map(id -> new Mark(names.get(id), true)).toList();
        audit.recordEach(names.keySet(), AuditAction.READ, "activity.attendance:" + sessionId);
        return new Present(activity, session, marks);
    }

    /** Persons who were in the activity's department on the session's date matching a search, each marked present or not. */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF', 'VOLUNTEER')")
    @Transactional
    public List<Mark> find(UUID sessionId, String query) {
        ActivitySession session = sessions.find(sessionId);
        Activity activity = takingRollCall(session);
        Set<UUID> present = new LinkedHashSet<>(presentIds(sessionId));
        List<Mark> found = persons.findInDepartment(activity.departmentId(), session.date(), query, 15,
                        "activity.rollcall:" + sessionId)
                .stream().map(p -> new Mark(p, present.contains(p.id()))).toList();
        audit.recordEach(found.stream().map(m -> m.person().id()).toList(), AuditAction.READ, "activity.rollcall:" + sessionId);
        return found;
    }

    /**
     * Marks a person present or absent. Only a member of the activity's department on the session's date may be
     * marked present. Idempotent: marking twice leaves one record, unmarking what is not marked changes nothing;
     * only a real change is written to the audit trail.
     */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF', 'VOLUNTEER')")
    @Transactional
    public Mark mark(UUID sessionId, UUID personId, boolean present) {
        ActivitySession session = sessions.find(sessionId);
        Activity activity = takingRollCall(session);
        requireOpen(session);
        PersonName person = persons.names(List.of(personId)).get(personId);
        if (person == null) {
            throw new InvalidInputException("personId", "attendance.person.unknown");
        }
        if (present && persons.membersOn(activity.departmentId(), List.of(personId), session.date()).isEmpty()) {
            throw new InvalidInputException("personId", "attendance.person.notMemberOnDate");
        }
        int changed = present
                ? db.sql("""
                        INSERT INTO attendance (session_id, person_id, organisation_id, recorded_by) VALUES (?, ?, ?, ?)
                        ON CONFLICT DO NOTHING""")
                .params(sessionId, personId, Tenancy.requireOrganisationId(), ActivityAccess.caller().userId()).update()
                : db.sql("DELETE FROM attendance WHERE session_id = ? AND person_id = ?").params(sessionId, personId).update();
        if (changed > 0) {
            audit.record(personId, present ? AuditAction.CREATE : AuditAction.UPDATE,
                    "activity.attendance:" + sessionId + (present ? "" : ":removed"));
            if (present) {
                recorded(activity, sessionId, List.of(personId));
            }
        }
        return new Mark(person, present);
    }

    /** Sets the anonymous head-counts of adults, children and guests. */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF', 'VOLUNTEER')")
    @Transactional
    public ActivitySession count(UUID sessionId, int adults, int children, int guests) {
        return recount(sessionId, new HeadCountChange(adults, children, guests, null, 0));
    }

    /**
     * What one head-count save changes: the fields typed anew ({@code null}: left as the database has it), and at
     * most one field stepped by {@code step} (never below 0). Two saves that overlap, one of adults and one of
     * children, or two taps on a stepper, both land: each writes only what it changes, in one statement on the row.
     */
    public record HeadCountChange(Integer adults, Integer children, Integer guests, String stepped, int step) {

        /** The fields this change sets, typed or stepped, in the page's order. */
        public List<String> fields() {
            return Stream.of("adults", "children", "guests")
                    .filter(f -> f.equals(stepped) || (f.equals("adults") ? adults : f.equals("children") ? children
                            : guests) != null)
                    .toList();
        }
    }

    /**
     * Saves a head-count change. The new values are computed by the UPDATE from the row as it is when the row lock
     * is granted, so a save never writes back another save's field as it was read before (no lost update).
     */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF', 'VOLUNTEER')")
    @Transactional
    public ActivitySession recount(UUID sessionId, HeadCountChange change) {
        ActivitySession session = sessions.find(sessionId);
        Activity activity = takingRollCall(session);
        requireOpen(session);
        checkCount("adults", change.adults());
        checkCount("children", change.children());
        checkCount("guests", change.guests());
        boolean addsAdults = change.adults() != null && change.adults() > 0
                || "adults".equals(change.stepped()) && change.step() > 0;
        if (!activity.lowThreshold() && addsAdults) {
            // an activity that is not low-threshold takes names; children and guests may still be counted
            throw new InvalidInputException("adults", "attendance.adults.notLowThreshold");
        }
        db.sql("""
                        UPDATE activity_session
                           SET adults = LEAST(100000, GREATEST(0, coalesce(?::int, adults) + ?)),
                               children = LEAST(100000, GREATEST(0, coalesce(?::int, children) + ?)),
                               guests = LEAST(100000, GREATEST(0, coalesce(?::int, guests) + ?))
                         WHERE id = ?""")
                .params(change.adults(), stepOf(change, "adults"), change.children(), stepOf(change, "children"),
                        change.guests(), stepOf(change, "guests"), sessionId).update();
        return sessions.find(sessionId);
    }

    private static int stepOf(HeadCountChange change, String field) {
        return field.equals(change.stepped()) ? change.step() : 0;
    }

    /** The whole attendance of a session (the API). */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF', 'VOLUNTEER')")
    @Transactional
    public Attendance attendance(UUID sessionId) {
        ActivitySession session = sessions.find(sessionId);
        takingRollCall(session);
        List<UUID> present = presentIds(sessionId);
        audit.recordEach(present, AuditAction.READ, "activity.attendance:" + sessionId);
        return new Attendance(present, session.adults(), session.children(), session.guests());
    }

    /**
     * Replaces the attendance with this list and these counts. The same list twice changes nothing the second
     * time. Every person must be one of the organisation's, and everyone added a member of the activity's department
     * on the session's date, or nothing is saved.
     */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF', 'VOLUNTEER')")
    @Transactional
    public Attendance replace(UUID sessionId, Attendance wanted) {
        ActivitySession session = sessions.find(sessionId);
        Activity activity = takingRollCall(session);
        requireOpen(session);
        Set<UUID> ids = new LinkedHashSet<>(wanted.personIds());
        if (ids.contains(null)) {
            throw new InvalidInputException("personIds", "attendance.person.unknown");
        }
        if (persons.names(ids).size() != ids.size()) {
            throw new InvalidInputException("personIds", "attendance.person.unknown");
        }
        Set<UUID> before = new LinkedHashSet<>(presentIds(sessionId));
        List<UUID> removed = before.stream().filter(id -> !ids.contains(id)).toList();
        List<UUID> added = ids.stream().filter(id -> !before.contains(id)).toList();
        // a roll call names persons of the activity's own department on the session's date (not today's: a roll call
        // taken late, or put right, names those who were members then), whoever takes it
        if (persons.membersOn(activity.departmentId(), added, session.date()).size() != added.size()) {
            throw new InvalidInputException("personIds", "attendance.person.notMemberOnDate");
        }
        count(sessionId, wanted.adults(), wanted.children(), wanted.guests());
        if (!removed.isEmpty()) {
            db.sql("DELETE FROM attendance WHERE session_id = ? AND person_id = ANY(?)")
                    .params(sessionId, removed.toArray(UUID[]::new)).update();
            audit.recordEach(removed, AuditAction.UPDATE, "activity.attendance:" + sessionId + ":removed");
        }
        if (!added.isEmpty()) {
            db.sql("""
                            INSERT INTO attendance (session_id, person_id, organisation_id, recorded_by)
                            SELECT ?, p, ?, ? FROM unnest(?) AS p ON CONFLICT DO NOTHING""")
                    .params(sessionId, Tenancy.requireOrganisationId(), ActivityAccess.caller().userId(),
                            added.toArray(UUID[]::new))
                    .update();
            audit.recordEach(added, AuditAction.CREATE, "activity.attendance:" + sessionId);
            recorded(activity, sessionId, added);
        }
        ActivitySession after = sessions.find(sessionId);
        return new Attendance(presentIds(sessionId), after.adults(), after.children(), after.guests());
    }

    private void recorded(Activity activity, UUID sessionId, List<UUID> personIds) {
        events.publishEvent(new AttendanceRecorded(Tenancy.requireOrganisationId(), activity.id(), sessionId,
                personIds, Instant.now(clock)));
    }

    /** The activity, if the caller may take its roll call: staff in its department, or a volunteer leading it. */
    private Activity takingRollCall(ActivitySession session) {
        Activity activity = activities.find(session.activityId());
        boolean leads = activity.leaderIds().contains(ActivityAccess.caller().userId());
        if (!ActivityAccess.mayManage(activity.departmentId()) && !leads) {
            throw new NotFoundException("Session");
        }
        return activity;
    }

    private static void requireOpen(ActivitySession session) {
        if (session.cancelled()) {
            throw new InvalidInputException("sessionId", "attendance.session.cancelled");
        }
    }

    private static void checkCount(String field, Integer count) {
        if (count == null) {
            return;
        }
        if (count < 0) {
            throw new InvalidInputException(field, "attendance.count.negative");
        }
        if (count > 100_000) {
            throw new InvalidInputException(field, "attendance.count.tooLarge");
        }
    }

    private List<UUID> presentIds(UUID sessionId) {
        return db.sql("SELECT person_id FROM attendance WHERE session_id = ? ORDER BY recorded_at, person_id")
                .param(sessionId).query(UUID.class).list();
    }

    private static List<UUID> union(List<UUID> a, List<UUID> b) {
        Set<UUID> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return new ArrayList<>(all);
    }
}
