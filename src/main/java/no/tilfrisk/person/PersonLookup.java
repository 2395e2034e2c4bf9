package no.tilfrisk.person;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.person.internal.PersonAccess;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules need of persons besides the person pages: is this person ours, may the caller see them,
 * their names. The calling module checks its own rights first (a volunteer leading a group may take its roll
 * call without seeing the person register); this service only keeps everything inside the organisation and
 * leaves erased persons nameless.
 */
@Service
public class PersonLookup {

    /** A person as a roll call or a picker shows them. */
    public record PersonName(UUID id, String displayName, Integer birthYear) {
    }

    private final JdbcClient db;
    private final PersonAccess access;
    private final AuditTrail audit;
    private final Clock clock;

    PersonLookup(JdbcClient db, PersonAccess access, AuditTrail audit, Clock clock) {
        this.clock = clock;
        this.db = db;
        this.access = access;
        this.audit = audit;
    }

    /** «Not found» unless the caller may see this person through the person register's rules. */
    @Transactional(readOnly = true)
    public void requireVisible(UUID personId) {
        access.require(personId);
    }

    /** Whether the person is a current (not erased) person of the caller's organisation. */
    @Transactional(readOnly = true)
    public boolean isOurs(UUID personId) {
        return personId != null && db.sql("""
                        SELECT EXISTS (SELECT 1 FROM person WHERE id = ? AND organisation_id = ? AND erased_at IS NULL)""")
                .params(personId, Tenancy.requireOrganisationId()).query(Boolean.class).single();
    }

    /** «Not found» unless {@link #isOurs}. */
    @Transactional(readOnly = true)
    public void requireOurs(UUID personId) {
        if (!isOurs(personId)) {
            throw new NotFoundException("Person");
        }
    }

    /** Whether the person has this role today (between its from and to dates). */
    @Transactional(readOnly = true)
    public boolean hasCurrentRole(UUID personId, PersonRole role) {
        return db.sql("""
                        SELECT EXISTS (SELECT 1 FROM person_role
                                        WHERE person_id = ? AND organisation_id = ? AND role = ?
                                          AND from_date <= ? AND (to_date IS NULL OR to_date >= ?))""")
                .params(personId, Tenancy.requireOrganisationId(), role.name(), today(), today())
                .query(Boolean.class).single();
    }

    /** Display names of these persons, in the given order; persons not ours or erased are left out. */
    @Transactional(readOnly = true)
    public Map<UUID, PersonName> names(Collection<UUID> ids) {
        Map<UUID, PersonName> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        Map<UUID, PersonName> byId = new HashMap<>();
        db.sql("""
                        SELECT id, display_name, birth_year FROM person
                         WHERE id = ANY(?) AND organisation_id = ? AND erased_at IS NULL""")
                .params(ids.toArray(UUID[]::new), Tenancy.requireOrganisationId())
                .query((rs, i) -> new PersonName(rs.getObject("id", UUID.class), rs.getString("display_name"),
                        (Integer) rs.getObject("birth_year")))
                .list().forEach(p -> byId.put(p.id(), p));
        ids.forEach(id -> {
            if (byId.containsKey(id)) {
                found.put(id, byId.get(id));
            }
        });
        return found;
    }

    /**
     * The ids of every person the caller may see through the person register's rules (an admin: everyone in the
     * organisation who is not erased), for modules that list their own records about persons.
     */
    @Transactional(readOnly = true)
    public Set<UUID> visiblePersonIds() {
        return new HashSet<>(db.sql("""
                        SELECT p.id FROM person p
                         WHERE p.organisation_id = :org AND p.erased_at IS NULL AND """ + PersonAccess.VISIBLE)
                .param("org", Tenancy.requireOrganisationId()).param("admin", PersonAccess.isAdmin())
                .param("departments", PersonAccess.departments())
                .query(UUID.class).list());
    }

    /**
     * The relatives linked to this participant (the participant's side of the link) whom the caller may see,
     * by name. The caller checks its right to the participant first, and consent before involving anyone.
     */
    @Transactional(readOnly = true)
    public List<PersonName> relativesOf(UUID participantId) {
        return db.sql("""
                        SELECT p.id, p.display_name, p.birth_year
                          FROM person_relation r JOIN person p ON p.id = r.relative_id
                         WHERE r.participant_id = :participant AND r.organisation_id = :org AND p.erased_at IS NULL
                           AND """ + PersonAccess.VISIBLE + " ORDER BY lower(p.display_name), p.id")
                .param("participant", participantId).param("org", Tenancy.requireOrganisationId())
                .param("admin", PersonAccess.isAdmin()).param("departments", PersonAccess.departments())
                .query((rs, i) -> new PersonName(rs.getObject("id", UUID.class), rs.getString("display_name"),
                        (Integer) rs.getObject("birth_year")))
                .list();
    }

    /**
     * What a module that has checked its own right may show or compare of a person: for the volunteer module, the
     * matcher's traits (gender, birth year, municipality) and the phone a participant shares with their volunteer.
     */
    public record PersonCard(UUID id, String displayName, Integer birthYear, Gender gender, String municipality,
                             String phone) {
    }

    /** The cards of these persons (ours, not erased), by id. The caller checks its rights and audits. */
    @Transactional(readOnly = true)
    public Map<UUID, PersonCard> cards(Collection<UUID> ids) {
        Map<UUID, PersonCard> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        db.sql("""
                        SELECT id, display_name, birth_year, gender, municipality, phone FROM person
                         WHERE id = ANY(?) AND organisation_id = ? AND erased_at IS NULL""")
                .params(ids.toArray(UUID[]::new), Tenancy.requireOrganisationId())
                .query((rs, i) -> new PersonCard(rs.getObject("id", UUID.class), rs.getString("display_name"),
                        (Integer) rs.getObject("birth_year"),
                        rs.getString("gender") == null ? null : Gender.valueOf(rs.getString("gender")),
                        rs.getString("municipality"), rs.getString("phone")))
                .list().forEach(c -> found.put(c.id(), c));
        return found;
    }

    /** Where a person can be reached, for a module that has checked consent to the channel and audits the use. */
    public record Reachable(UUID id, String email, String phone) {
    }

    /** The person's e-mail and phone (either may be null); empty when the person is not ours or is erased. */
    @Transactional(readOnly = true)
    public Optional<Reachable> reachable(UUID personId) {
        return db.sql("""
                        SELECT id, email, phone FROM person WHERE id = ? AND organisation_id = ? AND erased_at IS NULL""")
                .params(personId, Tenancy.requireOrganisationId())
                .query((rs, i) -> new Reachable(rs.getObject("id", UUID.class), rs.getString("email"),
                        rs.getString("phone")))
                .optional();
    }

    /**
     * The ids of everyone linked to these participants as a relative, whoever may see them: for rules such as «no
     * volunteer for a participant whose relative they are matched with», never to show.
     */
    @Transactional(readOnly = true)
    public Map<UUID, Set<UUID>> relativeIds(Collection<UUID> participantIds) {
        Map<UUID, Set<UUID>> found = new HashMap<>();
        if (participantIds.isEmpty()) {
            return found;
        }
        db.sql("""
                        SELECT participant_id, relative_id FROM person_relation
                         WHERE participant_id = ANY(?) AND organisation_id = ?""")
                .params(participantIds.toArray(UUID[]::new), Tenancy.requireOrganisationId())
                .query((rs, i) -> Map.entry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .list().forEach(e -> found.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(e.getValue()));
        return found;
    }

    /** Those of these persons who have a current membership in the department. */
    @Transactional(readOnly = true)
    public Set<UUID> membersOf(UUID departmentId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(db.sql("""
                        SELECT DISTINCT d.person_id FROM person_department d JOIN person p ON p.id = d.person_id
                         WHERE d.department_id = ? AND d.person_id = ANY(?) AND p.organisation_id = ? AND p.erased_at IS NULL
                           AND (d.to_date IS NULL OR d.to_date >= ?)""")
                .params(departmentId, ids.toArray(UUID[]::new), Tenancy.requireOrganisationId(), today())
                .query(UUID.class).list());
    }

    /**
     * Those of these persons (not erased) who were members of the department on this date: the membership began on
     * or before it and had not ended before it. For records of a day, such as a session's roll call.
     */
    @Transactional(readOnly = true)
    public Set<UUID> membersOn(UUID departmentId, Collection<UUID> ids, LocalDate on) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(db.sql("""
                        SELECT DISTINCT d.person_id FROM person_department d JOIN person p ON p.id = d.person_id
                         WHERE d.department_id = ? AND d.person_id = ANY(?) AND p.organisation_id = ? AND p.erased_at IS NULL
                           AND d.from_date <= ? AND (d.to_date IS NULL OR d.to_date >= ?)""")
                .params(departmentId, ids.toArray(UUID[]::new), Tenancy.requireOrganisationId(), on, on)
                .query(UUID.class).list());
    }

    /** A person on a date: what {@link #membersOnDates} checks, many at once. */
    public record OnDate(UUID personId, LocalDate on) {
    }

    /**
     * Those of these person-date pairs where the person (not erased) was a member of the department on that date:
     * {@link #membersOn} for many dates in one query, for attendance written for many sessions at once.
     */
    @Transactional(readOnly = true)
    public Set<OnDate> membersOnDates(UUID departmentId, Collection<OnDate> pairs) {
        if (pairs.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(db.sql("""
                        SELECT DISTINCT t.person_id, t.on_date::date AS on_date
                          FROM unnest(?::uuid[], ?::text[]) AS t(person_id, on_date)
                          JOIN person_department d ON d.person_id = t.person_id JOIN person p ON p.id = t.person_id
                         WHERE d.department_id = ? AND p.organisation_id = ? AND p.erased_at IS NULL
                           AND d.from_date <= t.on_date::date AND (d.to_date IS NULL OR d.to_date >= t.on_date::date)""")
                .params(pairs.stream().map(OnDate::personId).toArray(UUID[]::new),
                        pairs.stream().map(d -> d.on().toString()).toArray(String[]::new),
                        departmentId, Tenancy.requireOrganisationId())
                .query((rs, i) -> new OnDate(rs.getObject("person_id", UUID.class), rs.getObject("on_date", LocalDate.class)))
                .list());
    }

    /**
     * Active persons with a current membership in the department whose name matches, for pickers such as the
     * roll call. The search is recorded in the audit trail as a listing in the given context.
     */
    @Transactional
    public List<PersonName> findInDepartment(UUID departmentId, String query, int limit, String context) {
        return find(departmentId, "(d.to_date IS NULL OR d.to_date >= (now() AT TIME ZONE 'Europe/Oslo')::date)", null, query, limit, context);
    }

    /**
     * Active persons who were members of the department on this date (see {@link #membersOn}) whose name matches,
     * for the roll call of a session on that date. Recorded in the audit trail as a listing in the given context.
     */
    @Transactional
    public List<PersonName> findInDepartment(UUID departmentId, LocalDate on, String query, int limit, String context) {
        return find(departmentId, "d.from_date <= :on AND (d.to_date IS NULL OR d.to_date >= :on)", on, query, limit,
                context);
    }

    private List<PersonName> find(UUID departmentId, String membership, LocalDate on, String query, int limit,
                                  String context) {
        String q = query == null ? "" : query.strip();
        var sql = db.sql("""
                        SELECT p.id, p.display_name, p.birth_year FROM person p
                         WHERE p.organisation_id = :org AND p.erased_at IS NULL AND p.active
                           AND EXISTS (SELECT 1 FROM person_department d WHERE d.person_id = p.id
                                         AND d.department_id = :department AND %s)
                           AND (:q = '' OR p.display_name ILIKE :like OR p.full_name ILIKE :like)
                         ORDER BY lower(p.display_name), p.id LIMIT :limit""".formatted(membership))
                .param("org", Tenancy.requireOrganisationId()).param("department", departmentId)
                .param("q", q).param("like", "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                .param("limit", limit);
        if (on != null) {
            sql = sql.param("on", on);
        }
        List<PersonName> found = sql
                .query((rs, i) -> new PersonName(rs.getObject("id", UUID.class), rs.getString("display_name"),
                        (Integer) rs.getObject("birth_year")))
                .list();
        audit.record(null, AuditAction.LIST, context);
        return found;
    }
    /**
     * A participant's time as one: from the first PARTICIPANT role's start, to the last one's end (null while one is
     * open). For schedules such as the outcome measurements.
     */
    public record Participation(UUID personId, LocalDate from, LocalDate to) {
    }

    /** The participation of those of these persons who are, or have been, participants and are not erased. */
    @Transactional(readOnly = true)
    public Map<UUID, Participation> participation(Collection<UUID> ids) {
        Map<UUID, Participation> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        db.sql("""
                        SELECT r.person_id, min(r.from_date) AS from_date,
                               CASE WHEN bool_or(r.to_date IS NULL) THEN NULL ELSE max(r.to_date) END AS to_date
                          FROM person_role r JOIN person p ON p.id = r.person_id
                         WHERE r.person_id = ANY(?) AND r.role = 'PARTICIPANT' AND p.organisation_id = ? AND p.erased_at IS NULL
                         GROUP BY r.person_id""")
                .params(ids.toArray(UUID[]::new), Tenancy.requireOrganisationId())
                .query((rs, i) -> new Participation(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class)))
                .list().forEach(p -> found.put(p.personId(), p));
        return found;
    }

    /**
     * A count of persons for reports: with {@code departmentId} null the whole organisation (persons without a
     * department too), with {@code role} null any role (each person once, however many roles they had).
     */
    public record RoleCount(UUID departmentId, PersonRole role, long persons) {
    }

    /**
     * Counts of persons for the reports, per department and role and in total: the distinct persons who had the
     * role at some time in the period and, for a department, a membership of it at some time in the period. Erased
     * persons count, so past reports stay true. Counts only: no person is read, so nothing is audited. One pass.
     * Only the given roles count, in their own rows and in the totals, so a total is never more than its columns
     * can hold.
     */
    @Transactional(readOnly = true)
    public List<RoleCount> roleCounts(LocalDate from, LocalDate to, Collection<PersonRole> roles) {
        return db.sql("""
                        WITH r AS (
                            SELECT DISTINCT person_id, role FROM person_role
                             WHERE organisation_id = :org AND from_date <= :to AND (to_date IS NULL OR to_date >= :from)
                               AND role IN (:roles)
                        ), m AS (
                            SELECT DISTINCT person_id, department_id FROM person_department
                             WHERE organisation_id = :org AND from_date <= :to AND (to_date IS NULL OR to_date >= :from)
                        )
                        SELECT CASE WHEN GROUPING(m.department_id) = 0 THEN m.department_id END AS department_id,
                               r.role, count(DISTINCT r.person_id) AS persons
                          FROM r LEFT JOIN m ON m.person_id = r.person_id
                         GROUP BY GROUPING SETS ((m.department_id, r.role), (m.department_id), (r.role), ())
                        HAVING GROUPING(m.department_id) = 1 OR m.department_id IS NOT NULL""")
                .param("org", Tenancy.requireOrganisationId()).param("from", from).param("to", to)
                .param("roles", roles.stream().map(PersonRole::name).toList())
                .query((rs, i) -> new RoleCount(rs.getObject("department_id", UUID.class),
                        rs.getString("role") == null ? null : PersonRole.valueOf(rs.getString("role")),
                        rs.getLong("persons")))
                .list();
    }

    /** Everyone (erased persons too, for counts) with a membership in the department at some time in the period. */
    @Transactional(readOnly = true)
    public Set<UUID> membersDuring(UUID departmentId, LocalDate from, LocalDate to) {
        return new HashSet<>(db.sql("""
                        SELECT DISTINCT person_id FROM person_department
                         WHERE department_id = ? AND organisation_id = ? AND from_date <= ?
                           AND (to_date IS NULL OR to_date >= ?)""")
                .params(departmentId, Tenancy.requireOrganisationId(), to, from)
                .query(UUID.class).list());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
