package no.tilfrisk.transition;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.tilfrisk.followup.ContactFigures;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transition figures of issue 17 (item 8) for the reports and the dashboard, counts only, never a person. For a
 * period (both days included) and the whole organisation, a transition counts on its date (the actual, else the
 * expected one):
 * <ul>
 *   <li><b>transitions by kind</b>: those not cancelled whose date is in the period, zeros included;</li>
 *   <li><b>housing in place on the day</b>: of those whose date has come (on or before the period's last day and
 *       today), how many had their housing item «in place» at the end of that day (its last status change on or
 *       before it; none: not started);</li>
 *   <li><b>first contact within 7 days</b>: of those whose 7 days have passed by the same day, how many had a
 *       contact logged (not voided) from the date to 7 days after;</li>
 *   <li><b>alerts open</b> at the period's last day (or today, if earlier): made on or before it and not closed by
 *       the end of it.</li>
 * </ul>
 * The report applies its small-number protection.
 */
@Service
@PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'REPORT_VIEWER')")
public class TransitionFigures {

    /** Some of a number of transitions. */
    public record Share(long count, long of) {
    }

    public record Figures(LocalDate from, LocalDate to, Map<TransitionKind, Long> byKind, Share housingOnTheDay,
                          Share firstContactWithin7Days, long alertsOpen) {

        public long total() {
            return byKind.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** A transition as the figures need it: its kind and date, the housing status that day, its first contact. */
    record Row(TransitionKind kind, LocalDate on, boolean housingInPlaceOnTheDay, LocalDate firstContact) {
    }

    /** An alert's life: the day it was made and the day it closed (null: open). */
    record AlertRow(LocalDate createdOn, LocalDate closedOn) {
    }

    private final JdbcClient db;
    private final ContactFigures contacts;
    private final Clock clock;

    TransitionFigures(JdbcClient db, ContactFigures contacts, Clock clock) {
        this.db = db;
        this.contacts = contacts;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Figures forPeriod(LocalDate from, LocalDate to) {
        UUID org = Tenancy.requireOrganisationId();
        record Raw(UUID person, TransitionKind kind, LocalDate on, String housing) {
        }
        List<Raw> raw = db.sql("""
                        SELECT t.person_id, t.kind, COALESCE(t.actual_on, t.expected_on) AS on_day,
                               (SELECT e.status FROM transition_item_event e
                                  JOIN transition_checklist_item i ON i.id = e.item_id
                                 WHERE i.transition_id = t.id AND i.code = 'HOUSING'
                                   AND e.on_date <= COALESCE(t.actual_on, t.expected_on)
                                 ORDER BY e.at DESC, e.id LIMIT 1) AS housing
                          FROM transition t
                         WHERE t.organisation_id = :org AND t.cancelled_at IS NULL
                           AND COALESCE(t.actual_on, t.expected_on) BETWEEN :from AND :to""")
                .param("org", org).param("from", from).param("to", to)
                .query((rs, i) -> new Raw(rs.getObject(1, UUID.class), TransitionKind.valueOf(rs.getString(2)),
                        rs.getObject(3, LocalDate.class), rs.getString(4)))
                .list();
        List<Row> rows = raw.stream().map(r -> new Row(r.kind(), r.on(), "IN_PLACE".equals(r.housing()),
                contacts.firstContact(r.person(), r.on(), AlertSchedule.lastContactDay(r.on())).orElse(null))).toList();
        LocalDate today = LocalDate.now(clock);
        LocalDate asOf = today.isBefore(to) ? today : to;
        List<AlertRow> alerts = db.sql("""
                        SELECT created_on, (closed_at AT TIME ZONE 'Europe/Oslo')::date FROM transition_alert
                         WHERE organisation_id = :org AND created_on <= :asOf
                           AND (closed_at IS NULL OR (closed_at AT TIME ZONE 'Europe/Oslo')::date > :asOf)""")
                .param("org", org).param("asOf", asOf)
                .query((rs, i) -> new AlertRow(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)))
                .list();
        return compute(from, to, asOf, rows, alerts);
    }

    /** The figures from the rows; {@code asOf} is the day the period is judged on (its end, or today if earlier). */
    static Figures compute(LocalDate from, LocalDate to, LocalDate asOf, Collection<Row> rows,
                           Collection<AlertRow> alerts) {
        List<Row> inPeriod = rows.stream().filter(r -> !r.on().isBefore(from) && !r.on().isAfter(to)).toList();
        Map<TransitionKind, Long> byKind = new EnumMap<>(TransitionKind.class);
        for (TransitionKind kind : TransitionKind.values()) {
            byKind.put(kind, inPeriod.stream().filter(r -> r.kind() == kind).count());
        }
        List<Row> come = inPeriod.stream().filter(r -> !r.on().isAfter(asOf)).toList();
        long housed = come.stream().filter(Row::housingInPlaceOnTheDay).count();
        List<Row> weekPassed = inPeriod.stream().filter(r -> !AlertSchedule.lastContactDay(r.on()).isAfter(asOf)).toList();
        long contacted = weekPassed.stream().filter(r -> r.firstContact() != null
                && !r.firstContact().isBefore(r.on()) && !r.firstContact().isAfter(AlertSchedule.lastContactDay(r.on())))
                .count();
        long open = alerts.stream().filter(a -> !a.createdOn().isAfter(asOf)
                && (a.closedOn() == null || a.closedOn().isAfter(asOf))).count();
        return new Figures(from, to, byKind, new Share(housed, come.size()), new Share(contacted, weekPassed.size()),
                open);
    }
}
