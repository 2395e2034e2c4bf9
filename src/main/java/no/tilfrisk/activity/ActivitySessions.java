package no.tilfrisk.activity;

import static no.tilfrisk.platform.Text.blankToNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.activity.internal.ActivityAccess;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import no.tilfrisk.platform.web.ResultPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The sessions of an activity: one by one or as a weekly series, within the activity's period; cancelling. */
@Service
public class ActivitySessions {

    /** A series longer than this is almost certainly a typing error in a year. */
    static final int MAX_SERIES = 160;

    static final String COLUMNS = """
            s.id, s.activity_id, s.date, s.start_time, s.end_time, s.place, s.adults, s.children, s.guests,
            (SELECT count(*) FROM attendance t WHERE t.session_id = s.id) AS named, s.cancelled_at, s.cancel_reason""";

    /** A session the caller runs, for the start page's «I dag»: what, when and where, never who. */
    public record ToRun(ActivitySession session, UUID activityId, String activityName, boolean mayTakeRollCall) {
    }

    /** A session in a calendar: what and when, never who. */
    public record CalendarEntry(ActivitySession session, UUID activityId, String activityName, UUID departmentId) {
    }

    private final JdbcClient db;
    private final Activities activities;

    ActivitySessions(JdbcClient db, Activities activities) {
        this.db = db;
        this.activities = activities;
    }

    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF', 'REPORT_VIEWER', 'VOLUNTEER')")
    @Transactional(readOnly = true)
    public List<ActivitySession> list(UUID activityId) {
        activities.get(activityId);
        return db.sql("SELECT " + COLUMNS + " FROM activity_session s WHERE s.activity_id = ? AND s.organisation_id = ? "
                        + "ORDER BY s.date, s.start_time NULLS FIRST")
                .params(activityId, Tenancy.requireOrganisationId())
                .query((rs, i) -> session(rs)).list();
    }

    /**
     * One page of an activity's sessions from {@code today} on, soonest first ({@code upcoming}), or of those before
     * it, latest first: an activity page shows what comes first and keeps the past in its own list.
     */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF', 'REPORT_VIEWER', 'VOLUNTEER')")
    @Transactional(readOnly = true)
    public ResultPage<ActivitySession> page(UUID activityId, LocalDate today, boolean upcoming, int page, int size) {
        activities.get(activityId);
        int from = Math.max(0, page);
        String where = " FROM activity_session s WHERE s.activity_id = ? AND s.organisation_id = ? AND s.date "
                + (upcoming ? ">= ?" : "< ?");
        long total = db.sql("SELECT count(*)" + where).params(activityId, Tenancy.requireOrganisationId(), today)
                .query(Long.class).single();
        List<ActivitySession> items = db.sql("SELECT " + COLUMNS + where
                        + (upcoming ? " ORDER BY s.date, s.start_time NULLS FIRST" : " ORDER BY s.date DESC, s.start_time DESC NULLS LAST")
                        + " LIMIT ? OFFSET ?")
                .params(activityId, Tenancy.requireOrganisationId(), today, size, (long) from * size)
                .query((rs, i) -> session(rs)).list();
        return new ResultPage<>(items, from, size, total);
    }

    /**
     * The sessions the caller runs from {@code from} to {@code to}, soonest first, at most {@code limit}: of the
     * activities they lead, and, for admins, coordinators and staff, of every activity in their own departments
     * (an admin's whole organisation is too much for a start page: their departments, as everyone's). Archived
     * activities are left out; cancelled sessions are in, marked.
     */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF', 'VOLUNTEER')")
    @Transactional(readOnly = true)
    public List<ToRun> toRun(LocalDate from, LocalDate to, int limit) {
        var me = ActivityAccess.caller();
        boolean staff = me.hasRole("ORG_ADMIN") || me.hasRole("COORDINATOR") || me.hasRole("STAFF");
        UUID[] departments = staff ? me.departmentIds().toArray(UUID[]::new) : new UUID[0];
        return db.sql("SELECT " + COLUMNS + """
                        , a.name AS activity_name, a.department_id,
                          EXISTS (SELECT 1 FROM activity_leader l WHERE l.activity_id = a.id AND l.user_id = :me) AS leads
                          FROM activity_session s JOIN activity a ON a.id = s.activity_id
                         WHERE s.organisation_id = :org AND s.date BETWEEN :from AND :to AND a.archived_at IS NULL
                           AND (a.department_id = ANY(:departments)
                                OR EXISTS (SELECT 1 FROM activity_leader l WHERE l.activity_id = a.id AND l.user_id = :me))
                         ORDER BY s.date, s.start_time NULLS FIRST, lower(a.name)
                         LIMIT :limit""")
                .param("org", Tenancy.requireOrganisationId()).param("from", from).param("to", to)
                .param("departments", departments).param("me", me.userId()).param("limit", limit)
                .query((rs, i) -> new ToRun(session(rs), rs.getObject("activity_id", UUID.class),
                        rs.getString("activity_name"),
                        rs.getBoolean("leads") || ActivityAccess.mayManage(rs.getObject("department_id", UUID.class))))
                .list();
    }

    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF', 'REPORT_VIEWER', 'VOLUNTEER')")
    @Transactional(readOnly = true)
    public ActivitySession get(UUID id) {
        ActivitySession session = find(id);
        activities.get(session.activityId());
        return session;
    }

    /**
     * Adds one session, or a weekly series when the form has an end date. Sessions already there (same day and
     * start) are kept as they are, so a series sent twice makes each session once. Returns how many were new.
     */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional
    public int add(UUID activityId, SessionForm form) {
        return addSeries(activityId, form).size();
    }

    /**
     * Adds the sessions of the form (one, or one a week up to {@code until}) and returns those it made, soonest
     * first: a date that already has the session is left as it is, so the same series twice makes nothing twice.
     */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional
    public List<ActivitySession> addSeries(UUID activityId, SessionForm form) {
        Activity activity = activities.manageable(activityId);
        List<LocalDate> dates = dates(activity, form);
        if (form.getStartTime() != null && form.getEndTime() != null && !form.getEndTime().isAfter(form.getStartTime())) {
            throw new InvalidInputException("endTime", "session.endTime.beforeStart");
        }
        List<ActivitySession> made = new ArrayList<>();
        for (LocalDate date : dates) {
            db.sql("""
                            INSERT INTO activity_session (id, organisation_id, activity_id, date, start_time, end_time, place)
                            VALUES (gen_random_uuid(), ?, ?, ?, ?, ?, ?)
                            ON CONFLICT (activity_id, date, coalesce(start_time, '00:00')) DO NOTHING
                            RETURNING id""")
                    .params(Tenancy.requireOrganisationId(), activityId, date, form.getStartTime(), form.getEndTime(),
                            blankToNull(form.getPlace()))
                    .query(UUID.class).optional().ifPresent(id -> made.add(find(id)));
        }
        return made;
    }

    /** Adds one session under the caller's id (the API's idempotency key); the same id again returns it. */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional
    public ActivitySession addOne(UUID id, UUID activityId, SessionForm form) {
        Activity activity = activities.manageable(activityId);
        if (db.sql("SELECT EXISTS (SELECT 1 FROM activity_session WHERE id = ?)").param(id).query(Boolean.class).single()) {
            return get(id);
        }
        form.setUntil(null);
        dates(activity, form);
        if (form.getStartTime() != null && form.getEndTime() != null && !form.getEndTime().isAfter(form.getStartTime())) {
            throw new InvalidInputException("endTime", "session.endTime.beforeStart");
        }
        int inserted = db.sql("""
                        INSERT INTO activity_session (id, organisation_id, activity_id, date, start_time, end_time, place)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (activity_id, date, coalesce(start_time, '00:00')) DO NOTHING""")
                .params(id, Tenancy.requireOrganisationId(), activityId, form.getDate(), form.getStartTime(),
                        form.getEndTime(), blankToNull(form.getPlace()))
                .update();
        if (inserted == 0) {
            throw new InvalidInputException("date", "session.exists");
        }
        return find(id);
    }

    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional
    public void cancel(UUID id, String reason) {
        ActivitySession session = find(id);
        activities.manageable(session.activityId());
        String clean = reason == null ? "" : reason.strip();
        if (clean.isEmpty()) {
            throw new InvalidInputException("reason", "session.cancel.reasonRequired");
        }
        if (clean.length() > 500) {
            throw new InvalidInputException("reason", "session.cancel.reasonSize");
        }
        db.sql("UPDATE activity_session SET cancelled_at = coalesce(cancelled_at, now()), cancel_reason = ? WHERE id = ?")
                .params(clean, id).update();
    }

    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional
    public void reinstate(UUID id) {
        ActivitySession session = find(id);
        if (!activities.manageable(session.activityId()).covers(session.date())) {
            throw new InvalidInputException("date", "session.date.outsidePeriod");
        }
        db.sql("UPDATE activity_session SET cancelled_at = NULL, cancel_reason = NULL WHERE id = ?").param(id).update();
    }

    /**
     * Sessions between two dates for the calendar: of one department, of every department the caller sees
     * (department null), or only of what the caller leads ({@code ledOnly}).
     */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF', 'REPORT_VIEWER', 'VOLUNTEER')")
    @Transactional(readOnly = true)
    public List<CalendarEntry> between(LocalDate from, LocalDate to, UUID departmentId, boolean ledOnly) {
        ActivityRules.requirePeriod(from, to);
        if (departmentId != null && !ActivityAccess.maySeeCounts(departmentId)) {
            throw new NotFoundException("Department");
        }
        UUID[] visible = ActivityAccess.visibleDepartments();
        return db.sql("SELECT " + COLUMNS + """
                        , a.name AS activity_name, a.department_id
                          FROM activity_session s JOIN activity a ON a.id = s.activity_id
                         WHERE s.organisation_id = :org AND s.date BETWEEN :from AND :to AND a.archived_at IS NULL
                           AND (CAST(:department AS uuid) IS NULL OR a.department_id = :department)
                           AND (CASE WHEN :ledOnly OR CAST(:visible AS uuid[]) IS NOT NULL AND cardinality(CAST(:visible AS uuid[])) = 0
                                     THEN EXISTS (SELECT 1 FROM activity_leader l WHERE l.activity_id = a.id AND l.user_id = :me)
                                     ELSE CAST(:visible AS uuid[]) IS NULL OR a.department_id = ANY(:visible) END)
                         ORDER BY s.date, s.start_time NULLS FIRST, lower(a.name)""")
                .param("org", Tenancy.requireOrganisationId()).param("from", from).param("to", to)
                .param("department", departmentId).param("ledOnly", ledOnly).param("visible", visible)
                .param("me", ActivityAccess.caller().userId())
                .query((rs, i) -> new CalendarEntry(session(rs), rs.getObject("activity_id", UUID.class),
                        rs.getString("activity_name"), rs.getObject("department_id", UUID.class)))
                .list();
    }

    ActivitySession find(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM activity_session s WHERE s.id = ? AND s.organisation_id = ?")
                .params(id, Tenancy.requireOrganisationId())
                .query((rs, i) -> session(rs)).optional()
                .orElseThrow(() -> new NotFoundException("Session"));
    }

    private static List<LocalDate> dates(Activity activity, SessionForm form) {
        LocalDate first = form.getDate();
        if (!activity.covers(first)) {
            throw new InvalidInputException("date", "session.date.outsidePeriod");
        }
        if (form.getUntil() == null) {
            return List.of(first);
        }
        if (form.getUntil().isBefore(first)) {
            throw new InvalidInputException("until", "session.until.beforeDate");
        }
        if (!activity.covers(form.getUntil())) {
            throw new InvalidInputException("until", "session.date.outsidePeriod");
        }
        LocalDate date = form.getWeekday() == null ? first : first.with(TemporalAdjusters.nextOrSame(form.getWeekday()));
        List<LocalDate> dates = new ArrayList<>();
        for (; !date.isAfter(form.getUntil()); date = date.plusWeeks(1)) {
            dates.add(date);
            if (dates.size() > MAX_SERIES) {
                throw new InvalidInputException("until", "session.series.tooLong");
            }
        }
        if (dates.isEmpty()) {
            throw new InvalidInputException("weekday", "session.series.empty");
        }
        return dates;
    }

    static ActivitySession session(ResultSet rs) throws SQLException {
        return new ActivitySession(rs.getObject("id", UUID.class), rs.getObject("activity_id", UUID.class),
                rs.getObject("date", LocalDate.class), rs.getObject("start_time", LocalTime.class),
                rs.getObject("end_time", LocalTime.class), rs.getString("place"), rs.getInt("adults"),
                rs.getInt("children"), rs.getInt("guests"), rs.getInt("named"), rs.getTimestamp("cancelled_at") != null,
                rs.getString("cancel_reason"));
    }
}
