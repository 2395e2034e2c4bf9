package no.tilfrisk.activity;

import static no.tilfrisk.platform.Text.blankToNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.tilfrisk.account.UserAccounts;
import no.tilfrisk.activity.internal.ActivityAccess;
import no.tilfrisk.organisation.Department;
import no.tilfrisk.organisation.Departments;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The groups and events of an organisation's departments: their description, and their figures for a period by
 * the counting rules of {@link ActivityCounts}. Activities hold no personal data; named attendance lives with
 * {@link AttendanceRollCall}.
 */
@Service
public class Activities {

    static final String COLUMNS = """
            a.id, a.department_id, a.name, a.format, a.start_date, a.end_date, a.description, a.partners,
            a.low_threshold, a.archived_at, k.id AS kind_id, k.code AS kind_code, k.name AS kind_name,
            ARRAY(SELECT l.user_id FROM activity_leader l WHERE l.activity_id = a.id) AS leader_ids""";

    /**
     * Each activity's figures over its sessions in [:from, :to] that were not cancelled; see ActivityCounts for
     * the rules. Head-counts come from the sessions, named attendances from one pass over their attendance.
     */
    static final String COUNTS = """
            LEFT JOIN LATERAL (
                SELECT count(*) AS sessions,
                       coalesce(sum(s.adults + s.children), 0) AS anonymous_attendances,
                       coalesce(max(s.adults), 0) AS largest_adults,
                       coalesce(max(s.children), 0) AS largest_children,
                       coalesce(sum(s.guests), 0) AS guests
                  FROM activity_session s
                 WHERE s.activity_id = a.id AND s.cancelled_at IS NULL AND s.date BETWEEN :from AND :to) c ON true
            LEFT JOIN LATERAL (
                SELECT count(*) AS named_attendances, count(DISTINCT t.person_id) AS unique_named
                  FROM activity_session s JOIN attendance t ON t.session_id = s.id
                 WHERE s.activity_id = a.id AND s.cancelled_at IS NULL AND s.date BETWEEN :from AND :to) u ON true
            """;

    private final JdbcClient db;
    private final Departments departments;
    private final UserAccounts users;
    private final Clock clock;

    Activities(JdbcClient db, Departments departments, UserAccounts users, Clock clock) {
        this.clock = clock;
        this.db = db;
        this.departments = departments;
        this.users = users;
    }

    /**
     * The activities of one department (or of every department the caller sees) that ran in the period, with
     * their figures for it. Archived activities are left out.
     */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF', 'REPORT_VIEWER')")
    @Transactional(readOnly = true)
    public List<ActivityOverview> list(UUID departmentId, LocalDate from, LocalDate to) {
        requirePeriod(from, to);
        if (departmentId != null && !ActivityAccess.maySeeCounts(departmentId)) {
            throw new NotFoundException("Department");
        }
        Map<UUID, String> departmentNames = new HashMap<>();
        departments.list().forEach(d -> departmentNames.put(d.id(), d.name()));
        if (departmentId != null && !departmentNames.containsKey(departmentId)) {
            throw new NotFoundException("Department");
        }
        UUID[] visible = ActivityAccess.visibleDepartments();
        UUID[] scope = departmentId != null ? new UUID[] {departmentId} : visible;
        return db.sql("SELECT " + COLUMNS + """
                        , c.*, u.*
                          FROM activity a JOIN activity_kind k ON k.id = a.kind_id
                        """ + COUNTS + """
                         WHERE a.organisation_id = :org AND a.archived_at IS NULL
                           AND (CAST(:scope AS uuid[]) IS NULL OR a.department_id = ANY(:scope))
                           AND a.start_date <= :to AND (a.end_date IS NULL OR a.end_date >= :from)
                         ORDER BY a.start_date DESC, lower(a.name), a.id""")
                .param("org", Tenancy.requireOrganisationId()).param("scope", scope)
                .param("from", from).param("to", to)
                .query((rs, i) -> new ActivityOverview(activity(rs), departmentNames.get(rs.getObject("department_id", UUID.class)),
                        counts(rs)))
                .list();
    }

    /** One activity's figures for a period. */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF', 'REPORT_VIEWER', 'VOLUNTEER')")
    @Transactional(readOnly = true)
    public ActivityCounts counts(UUID id, LocalDate from, LocalDate to) {
        requirePeriod(from, to);
        Activity activity = get(id);
        return db.sql("SELECT c.*, u.* FROM activity a " + COUNTS + " WHERE a.id = :id")
                .param("id", activity.id()).param("from", from).param("to", to)
                .query((rs, i) -> counts(rs)).single();
    }

    /**
     * These activities (of the caller's organisation, archived ones too) with their figures for the period, in the
     * order of their names: for a report over a chosen set, such as a project's. Figures only; whoever reads the
     * report may read them, whatever department the activity belongs to.
     */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'REPORT_VIEWER')")
    @Transactional(readOnly = true)
    public List<ActivityOverview> overviewsOf(java.util.Collection<UUID> activityIds, LocalDate from, LocalDate to) {
        requirePeriod(from, to);
        if (activityIds.isEmpty()) {
            return List.of();
        }
        Map<UUID, String> departmentNames = new HashMap<>();
        departments.list().forEach(d -> departmentNames.put(d.id(), d.name()));
        return db.sql("SELECT " + COLUMNS + """
                        , c.*, u.*
                          FROM activity a JOIN activity_kind k ON k.id = a.kind_id
                        """ + COUNTS + """
                         WHERE a.organisation_id = :org AND a.id = ANY(:ids)
                         ORDER BY lower(a.name), a.id""")
                .param("org", Tenancy.requireOrganisationId()).param("ids", activityIds.toArray(UUID[]::new))
                .param("from", from).param("to", to)
                .query((rs, i) -> new ActivityOverview(activity(rs), departmentNames.get(rs.getObject("department_id", UUID.class)),
                        counts(rs)))
                .list();
    }

    /**
     * The distinct named persons who attended a session (not cancelled) of any of these activities in the period:
     * for figures over several activities at once, such as a project's reach. Ids only, for counting; the caller
     * shows no one from it. Activities of another organisation are left out.
     */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'REPORT_VIEWER')")
    @Transactional(readOnly = true)
    public java.util.Set<UUID> namedAttendees(java.util.Collection<UUID> activityIds, LocalDate from, LocalDate to) {
        requirePeriod(from, to);
        if (activityIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(db.sql("""
                        SELECT DISTINCT t.person_id
                          FROM activity a JOIN activity_session s ON s.activity_id = a.id
                          JOIN attendance t ON t.session_id = s.id
                         WHERE a.organisation_id = :org AND a.id = ANY(:ids) AND s.cancelled_at IS NULL
                           AND s.date BETWEEN :from AND :to""")
                .param("org", Tenancy.requireOrganisationId()).param("ids", activityIds.toArray(UUID[]::new))
                .param("from", from).param("to", to).query(UUID.class).list());
    }

    /**
     * Per month of the period, the distinct named persons who attended any session (not cancelled) of the
     * department's activities (null: every department the caller sees). Months without anyone are 0.
     */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'REPORT_VIEWER')")
    @Transactional(readOnly = true)
    public java.util.SortedMap<java.time.YearMonth, Long> uniqueNamedPerMonth(UUID departmentId, LocalDate from, LocalDate to) {
        requirePeriod(from, to);
        if (departmentId != null && !ActivityAccess.maySeeCounts(departmentId)) {
            throw new NotFoundException("Department");
        }
        UUID[] scope = departmentId != null ? new UUID[] {departmentId} : ActivityAccess.visibleDepartments();
        java.util.SortedMap<java.time.YearMonth, Long> out = new java.util.TreeMap<>();
        for (var m = java.time.YearMonth.from(from); !m.isAfter(java.time.YearMonth.from(to)); m = m.plusMonths(1)) {
            out.put(m, 0L);
        }
        db.sql("""
                        SELECT date_trunc('month', s.date)::date AS month, count(DISTINCT t.person_id) AS persons
                          FROM activity a JOIN activity_session s ON s.activity_id = a.id
                          JOIN attendance t ON t.session_id = s.id
                         WHERE a.organisation_id = :org AND s.cancelled_at IS NULL AND s.date BETWEEN :from AND :to
                           AND (CAST(:scope AS uuid[]) IS NULL OR a.department_id = ANY(:scope))
                         GROUP BY 1""")
                .param("org", Tenancy.requireOrganisationId()).param("scope", scope)
                .param("from", from).param("to", to)
                .query((rs, i) -> out.put(java.time.YearMonth.from(rs.getObject("month", LocalDate.class)), rs.getLong("persons")))
                .list();
        return out;
    }

    /** An activity the caller may see: in a department of theirs, or one they lead. */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF', 'REPORT_VIEWER', 'VOLUNTEER')")
    @Transactional(readOnly = true)
    public Activity get(UUID id) {
        Activity activity = find(id);
        if (!ActivityAccess.maySeeCounts(activity.departmentId())
                && !activity.leaderIds().contains(ActivityAccess.caller().userId())) {
            throw new NotFoundException("Activity");
        }
        return activity;
    }

    /** The activities the caller leads, current or coming. */
    @Transactional(readOnly = true)
    public List<Activity> led() {
        return db.sql("SELECT " + COLUMNS + """
                          FROM activity a JOIN activity_kind k ON k.id = a.kind_id
                         WHERE a.organisation_id = ? AND a.archived_at IS NULL
                           AND (a.end_date IS NULL OR a.end_date >= ?)
                           AND EXISTS (SELECT 1 FROM activity_leader l WHERE l.activity_id = a.id AND l.user_id = ?)
                         ORDER BY lower(a.name)""")
                .params(Tenancy.requireOrganisationId(), LocalDate.now(clock), ActivityAccess.caller().userId())
                .query((rs, i) -> activity(rs)).list();
    }

    /**
     * Creates an activity under the id the caller chose (the form carries it), so a form sent twice creates one:
     * the second call finds the id taken and returns the first.
     */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional
    public Activity create(UUID id, ActivityForm form) {
        var existing = db.sql("SELECT organisation_id FROM activity WHERE id = ?").param(id).query(UUID.class).optional();
        if (existing.isPresent()) {
            return get(id);
        }
        check(form);
        db.sql("""
                        INSERT INTO activity (id, organisation_id, department_id, name, format, kind_id, start_date, end_date,
                                              description, partners, low_threshold)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, Tenancy.requireOrganisationId(), form.getDepartmentId(), form.getName().strip(),
                        form.getFormat().name(), form.getKindId(), form.getStartDate(), form.getEndDate(),
                        blankToNull(form.getDescription()), form.cleanPartners().toArray(String[]::new),
                        form.isLowThreshold())
                .update();
        setLeaders(id, form.getLeaderIds());
        return find(id);
    }

    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional
    public Activity update(UUID id, ActivityForm form) {
        Activity before = manageable(id);
        check(form);
        LocalDate outside = db.sql("""
                        SELECT min(date) FROM activity_session
                         WHERE activity_id = ? AND cancelled_at IS NULL AND (date < ? OR date > coalesce(?, date))""")
                .params(id, form.getStartDate(), form.getEndDate()).query(LocalDate.class).optional().orElse(null);
        if (outside != null) {
            throw new InvalidInputException(outside.isBefore(form.getStartDate()) ? "startDate" : "endDate",
                    "activity.period.excludesSessions");
        }
        boolean adultsCounted = db.sql("SELECT EXISTS (SELECT 1 FROM activity_session WHERE activity_id = ? AND adults > 0)")
                .param(id).query(Boolean.class).single();
        if (before.lowThreshold() && !form.isLowThreshold() && adultsCounted) {
            throw new InvalidInputException("lowThreshold", "activity.lowThreshold.adultsCounted");
        }
        db.sql("""
                        UPDATE activity SET department_id = ?, name = ?, format = ?, kind_id = ?, start_date = ?, end_date = ?,
                               description = ?, partners = ?, low_threshold = ?, updated_at = now()
                         WHERE id = ? AND organisation_id = ?""")
                .params(form.getDepartmentId(), form.getName().strip(), form.getFormat().name(), form.getKindId(),
                        form.getStartDate(), form.getEndDate(), blankToNull(form.getDescription()),
                        form.cleanPartners().toArray(String[]::new), form.isLowThreshold(), before.id(),
                        Tenancy.requireOrganisationId())
                .update();
        db.sql("DELETE FROM activity_leader WHERE activity_id = ?").param(id).update();
        setLeaders(id, form.getLeaderIds());
        return find(id);
    }

    /** Takes the activity out of lists; its sessions and attendance stay in the figures of their periods. */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional
    public void archive(UUID id) {
        manageable(id);
        db.sql("UPDATE activity SET archived_at = coalesce(archived_at, now()) WHERE id = ? AND organisation_id = ?")
                .params(id, Tenancy.requireOrganisationId()).update();
    }

    /** The organisation's kinds, the built-in ones first; an organisation starts with the built-in list. */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF', 'REPORT_VIEWER')")
    @Transactional
    public List<ActivityKind> kinds() {
        List<ActivityKind> kinds = readKinds();
        if (kinds.stream().anyMatch(k -> k.code() != null)) {
            return kinds;
        }
        db.sql("""
                        INSERT INTO activity_kind (id, organisation_id, code, position)
                        SELECT gen_random_uuid(), ?, k.code, k.position
                          FROM (VALUES ('thematic_group', 1), ('outdoors', 2), ('bonfire', 3), ('self_help', 4),
                                       ('social_event', 5), ('seminar', 6), ('food_distribution', 7), ('sports', 8)) AS k(code, position)
                        ON CONFLICT DO NOTHING""")
                .param(Tenancy.requireOrganisationId()).update();
        return readKinds();
    }

    private List<ActivityKind> readKinds() {
        return db.sql("SELECT id, code, name FROM activity_kind WHERE organisation_id = ? ORDER BY position, lower(name)")
                .param(Tenancy.requireOrganisationId())
                .query((rs, i) -> new ActivityKind(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name")))
                .list();
    }

    /** Adds a kind of the organisation's own; a name already there returns that kind. */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR')")
    @Transactional
    public ActivityKind addKind(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 100) {
            throw new InvalidInputException("name", "activityKind.name.invalid");
        }
        db.sql("""
                        INSERT INTO activity_kind (id, organisation_id, name) VALUES (gen_random_uuid(), ?, ?)
                        ON CONFLICT (organisation_id, lower(name)) WHERE name IS NOT NULL DO NOTHING""")
                .params(Tenancy.requireOrganisationId(), clean).update();
        return db.sql("SELECT id, code, name FROM activity_kind WHERE organisation_id = ? AND lower(name) = lower(?)")
                .params(Tenancy.requireOrganisationId(), clean)
                .query((rs, i) -> new ActivityKind(rs.getObject("id", UUID.class), null, rs.getString("name"))).single();
    }

    /** Partner names used before in the organisation, to choose from. */
    @Transactional(readOnly = true)
    public List<String> knownPartners() {
        return db.sql("""
                        SELECT DISTINCT p FROM activity a, unnest(a.partners) AS p
                         WHERE a.organisation_id = ? ORDER BY p""")
                .param(Tenancy.requireOrganisationId()).query(String.class).list();
    }

    /** An activity the caller may change: «not found» outside their departments. */
    Activity manageable(UUID id) {
        Activity activity = find(id);
        if (!ActivityAccess.mayManage(activity.departmentId())) {
            throw new NotFoundException("Activity");
        }
        return activity;
    }

    Activity find(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM activity a JOIN activity_kind k ON k.id = a.kind_id "
                        + "WHERE a.id = ? AND a.organisation_id = ?")
                .params(id, Tenancy.requireOrganisationId())
                .query((rs, i) -> activity(rs)).optional()
                .orElseThrow(() -> new NotFoundException("Activity"));
    }

    private void check(ActivityForm form) {
        if (!ActivityAccess.mayManage(form.getDepartmentId())
                || departments.list().stream().map(Department::id).noneMatch(form.getDepartmentId()::equals)) {
            throw new InvalidInputException("departmentId", "activity.department.denied");
        }
        if (form.getEndDate() != null && form.getEndDate().isBefore(form.getStartDate())) {
            throw new InvalidInputException("endDate", "activity.endDate.beforeStart");
        }
        boolean kindIsOurs = db.sql("SELECT EXISTS (SELECT 1 FROM activity_kind WHERE id = ? AND organisation_id = ?)")
                .params(form.getKindId(), Tenancy.requireOrganisationId()).query(Boolean.class).single();
        if (!kindIsOurs) {
            throw new InvalidInputException("kindId", "activity.kind.required");
        }
        List<UUID> leaders = form.getLeaderIds() == null ? List.of() : form.getLeaderIds();
        if (!users.possibleLeaders().keySet().containsAll(leaders)) {
            throw new InvalidInputException("leaderIds", "activity.leaders.unknown");
        }
    }

    private void setLeaders(UUID id, List<UUID> leaderIds) {
        if (leaderIds == null || leaderIds.isEmpty()) {
            return;
        }
        db.sql("""
                        INSERT INTO activity_leader (activity_id, user_id, organisation_id)
                        SELECT ?, l, ? FROM unnest(?) AS l ON CONFLICT DO NOTHING""")
                .params(id, Tenancy.requireOrganisationId(), leaderIds.stream().distinct().toArray(UUID[]::new))
                .update();
    }

    static void requirePeriod(LocalDate from, LocalDate to) {
        if (from == null) {
            throw new InvalidInputException("from", "period.from.required");
        }
        if (to == null) {
            throw new InvalidInputException("to", "period.to.required");
        }
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "period.to.beforeFrom");
        }
        if (from.plusYears(10).isBefore(to)) {
            throw new InvalidInputException("to", "period.tooLong");
        }
    }

    static Activity activity(ResultSet rs) throws SQLException {
        return new Activity(rs.getObject("id", UUID.class), rs.getObject("department_id", UUID.class),
                rs.getString("name"), ActivityFormat.valueOf(rs.getString("format")),
                new ActivityKind(rs.getObject("kind_id", UUID.class), rs.getString("kind_code"), rs.getString("kind_name")),
                rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                rs.getString("description"), Arrays.asList((String[]) rs.getArray("partners").getArray()),
                rs.getBoolean("low_threshold"), Arrays.asList((UUID[]) rs.getArray("leader_ids").getArray()),
                rs.getTimestamp("archived_at") != null);
    }

    private static ActivityCounts counts(ResultSet rs) throws SQLException {
        return new ActivityCounts(rs.getLong("sessions"), rs.getLong("named_attendances"),
                rs.getLong("anonymous_attendances"), rs.getLong("unique_named"), rs.getLong("largest_adults"),
                rs.getLong("largest_children"), rs.getLong("guests"));
    }

}
