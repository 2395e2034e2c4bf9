package no.tilfrisk.activity;

import static no.tilfrisk.platform.Text.blankToNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.UUID;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The activity tables (activities, their leaders and kinds), read and written without rights checks: the services
 * around it ({@link Activities}, and {@link AttendanceRollCall} and {@link Distributions} for an activity's leaders
 * and department) do those. Every statement stays inside the caller's organisation.
 */
@Component
class ActivityRecords {

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

    ActivityRecords(JdbcClient db) {
        this.db = db;
    }

    // ---------------------------------------------------------------- activities and their figures

    /** The activity, archived or not; «not found» if the organisation has none with this id. */
    Activity find(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM activity a JOIN activity_kind k ON k.id = a.kind_id "
                        + "WHERE a.id = ? AND a.organisation_id = ?")
                .params(id, Tenancy.requireOrganisationId())
                .query((rs, i) -> activity(rs)).optional()
                .orElseThrow(() -> new NotFoundException("Activity"));
    }

    /** Whether the id is taken by an activity the transaction can see. */
    boolean exists(UUID id) {
        return db.sql("SELECT organisation_id FROM activity WHERE id = ?").param(id).query(UUID.class).optional()
                .isPresent();
    }

    /**
     * The activities (not archived) of the departments in scope (null: all) that ran in the period, newest start
     * first, with their figures for it; departmentNames gives each its department's name.
     */
    List<ActivityOverview> overviews(UUID[] scope, LocalDate from, LocalDate to, Map<UUID, String> departmentNames) {
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
                .query((rs, i) -> overview(rs, departmentNames))
                .list();
    }

    /** These activities (archived ones too) with their figures for the period, in the order of their names. */
    List<ActivityOverview> overviewsOf(Collection<UUID> activityIds, LocalDate from, LocalDate to,
                                       Map<UUID, String> departmentNames) {
        return db.sql("SELECT " + COLUMNS + """
                        , c.*, u.*
                          FROM activity a JOIN activity_kind k ON k.id = a.kind_id
                        """ + COUNTS + """
                         WHERE a.organisation_id = :org AND a.id = ANY(:ids)
                         ORDER BY lower(a.name), a.id""")
                .param("org", Tenancy.requireOrganisationId()).param("ids", activityIds.toArray(UUID[]::new))
                .param("from", from).param("to", to)
                .query((rs, i) -> overview(rs, departmentNames))
                .list();
    }

    /** One activity's figures for the period. */
    ActivityCounts counts(UUID id, LocalDate from, LocalDate to) {
        return db.sql("SELECT c.*, u.* FROM activity a " + COUNTS + " WHERE a.id = :id")
                .param("id", id).param("from", from).param("to", to)
                .query((rs, i) -> counts(rs)).single();
    }

    /** The distinct named persons who attended a session (not cancelled) of these activities in the period. */
    Set<UUID> namedAttendees(Collection<UUID> activityIds, LocalDate from, LocalDate to) {
        return new HashSet<>(db.sql("""
                        SELECT DISTINCT t.person_id
                          FROM activity a JOIN activity_session s ON s.activity_id = a.id
                          JOIN attendance t ON t.session_id = s.id
                         WHERE a.organisation_id = :org AND a.id = ANY(:ids) AND s.cancelled_at IS NULL
                           AND s.date BETWEEN :from AND :to""")
                .param("org", Tenancy.requireOrganisationId()).param("ids", activityIds.toArray(UUID[]::new))
                .param("from", from).param("to", to).query(UUID.class).list());
    }

    /**
     * Puts into months, for each month of the period with anyone, the distinct named persons who attended a session
     * (not cancelled) of the activities of the departments in scope (null: all).
     */
    void countUniqueNamedPerMonth(UUID[] scope, LocalDate from, LocalDate to, SortedMap<YearMonth, Long> months) {
        db.sql("""
                        SELECT date_trunc('month', s.date)::date AS month, count(DISTINCT t.person_id) AS persons
                          FROM activity a JOIN activity_session s ON s.activity_id = a.id
                          JOIN attendance t ON t.session_id = s.id
                         WHERE a.organisation_id = :org AND s.cancelled_at IS NULL AND s.date BETWEEN :from AND :to
                           AND (CAST(:scope AS uuid[]) IS NULL OR a.department_id = ANY(:scope))
                         GROUP BY 1""")
                .param("org", Tenancy.requireOrganisationId()).param("scope", scope)
                .param("from", from).param("to", to)
                .query((rs, i) -> months.put(YearMonth.from(rs.getObject("month", LocalDate.class)), rs.getLong("persons")))
                .list();
    }

    /** The activities (not archived, not ended before today) that this user leads, by name. */
    List<Activity> ledBy(UUID userId, LocalDate today) {
        return db.sql("SELECT " + COLUMNS + """
                          FROM activity a JOIN activity_kind k ON k.id = a.kind_id
                         WHERE a.organisation_id = ? AND a.archived_at IS NULL
                           AND (a.end_date IS NULL OR a.end_date >= ?)
                           AND EXISTS (SELECT 1 FROM activity_leader l WHERE l.activity_id = a.id AND l.user_id = ?)
                         ORDER BY lower(a.name)""")
                .params(Tenancy.requireOrganisationId(), today, userId)
                .query((rs, i) -> activity(rs)).list();
    }

    /** Partner names used before in the organisation. */
    List<String> knownPartners() {
        return db.sql("""
                        SELECT DISTINCT p FROM activity a, unnest(a.partners) AS p
                         WHERE a.organisation_id = ? ORDER BY p""")
                .param(Tenancy.requireOrganisationId()).query(String.class).list();
    }

    // ---------------------------------------------------------------- writes

    /** Inserts the activity as the form has it, with its leaders. */
    void insert(UUID id, ActivityForm form) {
        db.sql("""
                        INSERT INTO activity (id, organisation_id, department_id, name, format, kind_id, start_date, end_date,
                                              description, partners, low_threshold)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, Tenancy.requireOrganisationId(), form.getDepartmentId(), form.getName().strip(),
                        form.getFormat().name(), form.getKindId(), form.getStartDate(), form.getEndDate(),
                        blankToNull(form.getDescription()), form.cleanPartners().toArray(String[]::new),
                        form.isLowThreshold())
                .update();
        addLeaders(id, form.getLeaderIds());
    }

    /** Writes the form over the activity, its leaders included. */
    void update(UUID id, ActivityForm form) {
        db.sql("""
                        UPDATE activity SET department_id = ?, name = ?, format = ?, kind_id = ?, start_date = ?, end_date = ?,
                               description = ?, partners = ?, low_threshold = ?, updated_at = now()
                         WHERE id = ? AND organisation_id = ?""")
                .params(form.getDepartmentId(), form.getName().strip(), form.getFormat().name(), form.getKindId(),
                        form.getStartDate(), form.getEndDate(), blankToNull(form.getDescription()),
                        form.cleanPartners().toArray(String[]::new), form.isLowThreshold(), id,
                        Tenancy.requireOrganisationId())
                .update();
        db.sql("DELETE FROM activity_leader WHERE activity_id = ?").param(id).update();
        addLeaders(id, form.getLeaderIds());
    }

    private void addLeaders(UUID id, List<UUID> leaderIds) {
        if (leaderIds == null || leaderIds.isEmpty()) {
            return;
        }
        db.sql("""
                        INSERT INTO activity_leader (activity_id, user_id, organisation_id)
                        SELECT ?, l, ? FROM unnest(?) AS l ON CONFLICT DO NOTHING""")
                .params(id, Tenancy.requireOrganisationId(), leaderIds.stream().distinct().toArray(UUID[]::new))
                .update();
    }

    /** Marks the activity archived; one archived already keeps its time. */
    void archive(UUID id) {
        db.sql("UPDATE activity SET archived_at = coalesce(archived_at, now()) WHERE id = ? AND organisation_id = ?")
                .params(id, Tenancy.requireOrganisationId()).update();
    }

    /** Brings an archived activity back. */
    void unarchive(UUID id) {
        db.sql("UPDATE activity SET archived_at = NULL WHERE id = ? AND organisation_id = ?")
                .params(id, Tenancy.requireOrganisationId()).update();
    }

    /** The earliest session (not cancelled) of the activity outside [start, end] (end null: open), if any. */
    Optional<LocalDate> firstSessionOutside(UUID id, LocalDate start, LocalDate end) {
        return db.sql("""
                        SELECT min(date) FROM activity_session
                         WHERE activity_id = ? AND cancelled_at IS NULL AND (date < ? OR date > coalesce(?, date))""")
                .params(id, start, end).query(LocalDate.class).optional();
    }

    /** Whether any session of the activity has counted adults. */
    boolean adultsCounted(UUID id) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM activity_session WHERE activity_id = ? AND adults > 0)")
                .param(id).query(Boolean.class).single();
    }

    // ---------------------------------------------------------------- kinds

    /** The organisation's kinds, the built-in ones first. */
    List<ActivityKind> kinds() {
        return db.sql("SELECT id, code, name FROM activity_kind WHERE organisation_id = ? ORDER BY position, lower(name)")
                .param(Tenancy.requireOrganisationId())
                .query((rs, i) -> new ActivityKind(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name")))
                .list();
    }

    /** Gives the organisation the built-in kinds it lacks. */
    void addBuiltInKinds() {
        db.sql("""
                        INSERT INTO activity_kind (id, organisation_id, code, position)
                        SELECT gen_random_uuid(), ?, k.code, k.position
                          FROM (VALUES ('thematic_group', 1), ('outdoors', 2), ('bonfire', 3), ('self_help', 4),
                                       ('social_event', 5), ('seminar', 6), ('food_distribution', 7), ('sports', 8)) AS k(code, position)
                        ON CONFLICT DO NOTHING""")
                .param(Tenancy.requireOrganisationId()).update();
    }

    /** The organisation's own kind of this name (in any case), added if it is not there. */
    ActivityKind kindNamed(String name) {
        db.sql("""
                        INSERT INTO activity_kind (id, organisation_id, name) VALUES (gen_random_uuid(), ?, ?)
                        ON CONFLICT (organisation_id, lower(name)) WHERE name IS NOT NULL DO NOTHING""")
                .params(Tenancy.requireOrganisationId(), name).update();
        return db.sql("SELECT id, code, name FROM activity_kind WHERE organisation_id = ? AND lower(name) = lower(?)")
                .params(Tenancy.requireOrganisationId(), name)
                .query((rs, i) -> new ActivityKind(rs.getObject("id", UUID.class), null, rs.getString("name"))).single();
    }

    /** Whether the kind is one of the organisation's. */
    boolean isOurKind(UUID kindId) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM activity_kind WHERE id = ? AND organisation_id = ?)")
                .params(kindId, Tenancy.requireOrganisationId()).query(Boolean.class).single();
    }

    // ---------------------------------------------------------------- rows

    private static ActivityOverview overview(ResultSet rs, Map<UUID, String> departmentNames) throws SQLException {
        return new ActivityOverview(activity(rs), departmentNames.get(rs.getObject("department_id", UUID.class)),
                counts(rs));
    }

    private static Activity activity(ResultSet rs) throws SQLException {
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
