package no.tilfrisk.outcome;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.organisation.Department;
import no.tilfrisk.organisation.Departments;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.tenancy.TenantPrincipal;
import no.tilfrisk.platform.web.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outcome figures for a department or the whole organisation and a period, for the coordinators' page and the
 * reports. Counts only, never a person. Each is set-based SQL over the scores as the code computed them, reading
 * the aggregate index. An admin and a report reader may ask for any department or the organisation; a coordinator
 * for their own departments.
 */
@Service
public class OutcomeAggregates {

    /** Below this many in the denominator a share is not shown. */
    public static final int MIN_SHOWN = 5;

    public static final String ABSTINENCE = "abstinence";
    public static final String QUALITY_OF_LIFE = "qualityOfLife";
    public static final String WHO5 = "who5";
    public static final String MEANINGFUL = "meaningful";
    public static final String RECOVERY_CAPITAL = "recoveryCapital";
    /** How many points (of 10–60) the latest BARC-10 must be above the first to count as a rise. */
    static final int RECOVERY_CAPITAL_GAIN = 1;

    private final JdbcClient db;
    private final PersonLookup persons;
    private final Departments departments;

    OutcomeAggregates(JdbcClient db, PersonLookup persons, Departments departments) {
        this.db = db;
        this.persons = persons;
        this.departments = departments;
    }

    /** The organisation's thresholds, or the defaults. */
    @Transactional(readOnly = true)
    public OutcomeSettings settings() {
        return db.sql("""
                        SELECT abstinence_window_months, min_gap_days, quality_of_life_gain, who5_gain, meaningful_min
                          FROM outcome_settings WHERE organisation_id = ?""")
                .param(Tenancy.requireOrganisationId())
                .query((rs, i) -> new OutcomeSettings(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)))
                .optional().orElseGet(OutcomeSettings::new);
    }

    /** The thresholds, for the organisation admin who may change them (the settings form, the API). */
    @PreAuthorize("hasRole('ORG_ADMIN')")
    @Transactional(readOnly = true)
    public OutcomeSettings settingsToEdit() {
        OutcomeAccess.requireAdmin();
        return settings();
    }

    /** The organisation admin changes the thresholds; the form has checked the ranges. */
    @PreAuthorize("hasRole('ORG_ADMIN')")
    @Transactional
    public void changeSettings(OutcomeSettings s) {
        OutcomeAccess.requireAdmin();
        db.sql("""
                        INSERT INTO outcome_settings (organisation_id, abstinence_window_months, min_gap_days,
                                                      quality_of_life_gain, who5_gain, meaningful_min, updated_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (organisation_id) DO UPDATE SET
                            abstinence_window_months = EXCLUDED.abstinence_window_months,
                            min_gap_days = EXCLUDED.min_gap_days, quality_of_life_gain = EXCLUDED.quality_of_life_gain,
                            who5_gain = EXCLUDED.who5_gain, meaningful_min = EXCLUDED.meaningful_min,
                            updated_at = now(), updated_by = EXCLUDED.updated_by""")
                .params(Tenancy.requireOrganisationId(), s.getAbstinenceWindowMonths(), s.getMinGapDays(),
                        s.getQualityOfLifeGain(), s.getWho5Gain(), s.getMeaningfulMin(),
                        Tenancy.currentPrincipal().map(TenantPrincipal::userId).orElse(null))
                .update();
    }

    /**
     * The four figures for the period (both dates included), for the department or, with null, the organisation:
     * achieved and kept abstinence, better quality of life, better WHO-5, a good and meaningful life.
     */
    @Transactional(readOnly = true)
    public List<Aggregate> forPeriod(UUID departmentId, LocalDate from, LocalDate to) {
        requireScope(departmentId);
        if (departmentId != null && !departments.exists(departmentId)) {
            throw new InvalidInputException("department", "outcome.aggregate.department.unknown");
        }
        List<InvalidInputException> broken = new ArrayList<>();
        if (from == null) {
            broken.add(new InvalidInputException("from", "outcome.period.from.required"));
        }
        if (to == null) {
            broken.add(new InvalidInputException("to", "outcome.period.to.required"));
        }
        if (from != null && to != null && to.isBefore(from)) {
            broken.add(new InvalidInputException("to", "outcome.period.order"));
        }
        if (from != null && to != null && from.plusYears(10).isBefore(to)) {
            broken.add(new InvalidInputException("to", "outcome.period.length"));
        }
        InvalidInputException.throwIfAny(broken);
        OutcomeSettings s = settings();
        UUID[] members = departmentId == null ? null
                : persons.membersDuring(departmentId, from, to).toArray(UUID[]::new);
        return List.of(
                abstinence(members, from, to, s),
                improvement(QUALITY_OF_LIFE, "livskvalitet", s.getQualityOfLifeGain(), members, from, to, s),
                improvement(WHO5, "who-5", s.getWho5Gain(), members, from, to, s),
                meaningful(members, from, to, s));
    }

    /**
     * The departments the caller may ask the outcome page for figures of: an admin every one, a coordinator their
     * own. For admins and coordinators only, as {@link #forAnyPeriod}.
     */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR')")
    @Transactional(readOnly = true)
    public List<Department> departmentsToChoose() {
        TenantPrincipal caller = OutcomeAccess.caller();
        return departments.list().stream()
                .filter(d -> caller.hasRole("ORG_ADMIN") || caller.departmentIds().contains(d.id())).toList();
    }

    /**
     * The figures for any period, as the outcome page and API show them: for admins and coordinators (their own
     * departments), who may see persons. A report reader reads them in the external annual report, a whole year
     * with small numbers hidden over everything it publishes; a free period here could be subtracted from another.
     */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR')")
    @Transactional(readOnly = true)
    public List<Aggregate> forAnyPeriod(UUID departmentId, LocalDate from, LocalDate to) {
        return forPeriod(departmentId, from, to);
    }

    /**
     * Recovery capital (BARC-10) for the annual report's results: among those with a first and a latest answer at
     * least the minimum gap apart and the latest in the period, how many rose by at least one point (of 10–60). Same
     * scope and rights as {@link #forPeriod}.
     */
    @Transactional(readOnly = true)
    public Aggregate recoveryCapital(UUID departmentId, LocalDate from, LocalDate to) {
        requireScope(departmentId);
        if (from == null || to == null || to.isBefore(from)) {
            throw new InvalidInputException("to", "outcome.period.order");
        }
        UUID[] members = departmentId == null ? null
                : persons.membersDuring(departmentId, from, to).toArray(UUID[]::new);
        return improvement(RECOVERY_CAPITAL, "barc-10", RECOVERY_CAPITAL_GAIN, members, from, to, settings());
    }

    /**
     * The same four figures over a set of persons chosen by the caller (a project's participants), for the period.
     * Counts only. For admins, coordinators and report readers; the calling module decides who is in the set.
     */
    @Transactional(readOnly = true)
    public List<Aggregate> forPersons(Collection<UUID> personIds, LocalDate from, LocalDate to) {
        TenantPrincipal caller = OutcomeAccess.caller();
        if (!caller.hasRole("ORG_ADMIN") && !caller.hasRole("COORDINATOR") && !caller.hasRole("REPORT_VIEWER")) {
            throw new AccessDeniedException("Outcome aggregates are for admins, coordinators and report readers");
        }
        if (from == null || to == null || to.isBefore(from)) {
            throw new InvalidInputException("to", "outcome.period.order");
        }
        OutcomeSettings s = settings();
        UUID[] members = personIds.toArray(UUID[]::new);
        return List.of(
                abstinence(members, from, to, s),
                improvement(QUALITY_OF_LIFE, "livskvalitet", s.getQualityOfLifeGain(), members, from, to, s),
                improvement(WHO5, "who-5", s.getWho5Gain(), members, from, to, s),
                meaningful(members, from, to, s));
    }

    private Aggregate abstinence(UUID[] members, LocalDate from, LocalDate to, OutcomeSettings s) {
        long[] counts = counts("""
                WITH r AS (
                    SELECT person_id, answered_on, status, goal,
                           row_number() OVER (PARTITION BY person_id ORDER BY answered_on DESC, created_at DESC) AS rn
                      FROM outcome_response
                     WHERE organisation_id = :org AND instrument_id = 'russtatus' AND score IS NOT NULL
                       AND answered_on <= :to""" + memberFilter(members) + """
                ), latest AS (
                    SELECT person_id, answered_on AS latest_on FROM r
                     WHERE rn = 1 AND answered_on >= :from AND goal = 'RUSFRIHET'
                ), judged AS (
                    SELECT l.person_id,
                           bool_and(r.status = 'RUSFRI')
                               FILTER (WHERE r.answered_on > CAST(l.latest_on - make_interval(months => :window) AS date)) AS kept
                      FROM latest l JOIN r ON r.person_id = l.person_id
                     GROUP BY l.person_id, l.latest_on
                    HAVING min(r.answered_on) <= l.latest_on - :gap
                )
                SELECT count(*) FILTER (WHERE kept), count(*) FROM judged
                """, members, from, to, s.getAbstinenceWindowMonths(), s.getMinGapDays(), 0, "russtatus");
        return aggregate(ABSTINENCE, counts, List.of(s.getMinGapDays(), s.getAbstinenceWindowMonths()));
    }

    private Aggregate improvement(String key, String instrument, int gain, UUID[] members, LocalDate from, LocalDate to,
                                  OutcomeSettings s) {
        long[] counts = counts("""
                WITH r AS (
                    SELECT person_id, answered_on, score,
                           row_number() OVER (PARTITION BY person_id ORDER BY answered_on DESC, created_at DESC) AS last_rn,
                           row_number() OVER (PARTITION BY person_id ORDER BY answered_on, created_at) AS first_rn
                      FROM outcome_response
                     WHERE organisation_id = :org AND instrument_id = :instrument AND score IS NOT NULL
                       AND answered_on <= :to""" + memberFilter(members) + """
                ), pairs AS (
                    SELECT person_id,
                           max(answered_on) FILTER (WHERE first_rn = 1) AS first_on,
                           max(score) FILTER (WHERE first_rn = 1) AS first_score,
                           max(answered_on) FILTER (WHERE last_rn = 1) AS last_on,
                           max(score) FILTER (WHERE last_rn = 1) AS last_score
                      FROM r WHERE first_rn = 1 OR last_rn = 1
                     GROUP BY person_id
                )
                SELECT count(*) FILTER (WHERE last_score - first_score >= :gain), count(*) FROM pairs
                 WHERE last_on >= :from AND last_on - first_on >= :gap
                """, members, from, to, 0, s.getMinGapDays(), gain, instrument);
        return aggregate(key, counts, List.of(s.getMinGapDays(), gain));
    }

    private Aggregate meaningful(UUID[] members, LocalDate from, LocalDate to, OutcomeSettings s) {
        long[] counts = counts("""
                WITH r AS (
                    SELECT person_id, score,
                           row_number() OVER (PARTITION BY person_id ORDER BY answered_on DESC, created_at DESC) AS rn
                      FROM outcome_response
                     WHERE organisation_id = :org AND instrument_id = :instrument AND score IS NOT NULL
                       AND answered_on >= :from AND answered_on <= :to""" + memberFilter(members) + """
                )
                SELECT count(*) FILTER (WHERE score >= :gain), count(*) FROM r WHERE rn = 1
                """, members, from, to, 0, 0, s.getMeaningfulMin(), "meningsfullt-liv");
        return aggregate(MEANINGFUL, counts, List.of(s.getMeaningfulMin()));
    }

    private static String memberFilter(UUID[] members) {
        return (members == null ? "" : " AND person_id = ANY(:members)") + "\n";
    }

    private long[] counts(String sql, UUID[] members, LocalDate from, LocalDate to, int window, int gap, int gain,
                          String instrument) {
        var statement = db.sql(sql).param("org", Tenancy.requireOrganisationId()).param("from", from).param("to", to);
        if (sql.contains(":window")) {
            statement = statement.param("window", window);
        }
        if (sql.contains(":gap")) {
            statement = statement.param("gap", gap);
        }
        if (sql.contains(":gain")) {
            statement = statement.param("gain", gain);
        }
        if (sql.contains(":instrument")) {
            statement = statement.param("instrument", instrument);
        }
        if (members != null) {
            statement = statement.param("members", members);
        }
        return statement.query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    static Aggregate aggregate(String key, long[] counts, List<Integer> args) {
        long x = counts[0];
        long n = counts[1];
        String definition = "outcome.aggregate." + key + ".definition";
        if (n < MIN_SHOWN) {
            return new Aggregate(key, x, n, null, null, null, false, definition, args);
        }
        double[] ci = Wilson.interval95(x, n);
        return new Aggregate(key, x, n, (double) x / n, ci[0], ci[1], true, definition, args);
    }

    private static void requireScope(UUID departmentId) {
        TenantPrincipal caller = OutcomeAccess.caller();
        if (caller.hasRole("ORG_ADMIN") || caller.hasRole("REPORT_VIEWER")) {
            return;
        }
        if (caller.hasRole("COORDINATOR")) {
            Set<UUID> mine = caller.departmentIds();
            if (departmentId != null && mine.contains(departmentId)) {
                return;
            }
            throw new InvalidInputException("department", "outcome.aggregate.department.notYours");
        }
        throw new AccessDeniedException("Outcome aggregates are for admins, coordinators and report readers");
    }
}
