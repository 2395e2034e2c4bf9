package no.tilfrisk.volunteer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.person.PersonLookup.Participation;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.volunteer.matching.Wish;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The volunteer figures of issue 16 (item 8) for the reports and the dashboard, counts only, never a person. For a
 * period (both days included) and the whole organisation:
 * <ul>
 *   <li><b>volunteers engaged</b>: the distinct volunteers of a match under way at some time in the period (started,
 *       and not ended before the period began), or with a meeting logged in the period;</li>
 *   <li><b>hours</b> of the meetings in the period, and <b>frivillige årsverk</b> = hours / 1,703 (Oslo's
 *       knowledge base, seed 004), to two decimals;</li>
 *   <li><b>participants who had a volunteer</b>: the distinct participants of a match under way in the period;</li>
 *   <li><b>median match duration</b> in days, from start to end, of the matches that ended in the period (none
 *       ended: null; an even number: the mean of the two middle ones);</li>
 *   <li><b>retention</b> after 3 and 6 months: of the matches started in the period whose 3 (6) months had passed by
 *       the period's last day (or today, if earlier), those not ended before then (a paused match counts as still
 *       going);</li>
 *   <li><b>participants who became volunteers</b> («fra hjelpemottaker til bidragsyter», seed 003): persons whose
 *       volunteer profile was made in the period and who had a participant role that began on or before that day;</li>
 *   <li><b>matches by kind of help</b>: the matches under way in the period per kind, zeros included.</li>
 * </ul>
 * Matches only proposed and never started count nowhere. The report applies its small-number protection.
 */
@Service
@PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'REPORT_VIEWER')")
public class VolunteerFigures {

    /** Hours in one frivillig årsverk (seed 004). */
    static final BigDecimal HOURS_PER_ARSVERK = new BigDecimal("1703");

    /** Some of a number of matches, e.g. still going after 3 months of those started at least 3 months ago. */
    public record Share(long count, long of) {
    }

    public record Figures(LocalDate from, LocalDate to, long volunteersEngaged, BigDecimal hours, BigDecimal arsverk,
                          long participantsWithVolunteer, BigDecimal medianMatchDays, Share stillGoingAfter3Months,
                          Share stillGoingAfter6Months, long participantsBecameVolunteers,
                          Map<Wish, Long> matchesByHelp) {
    }

    /** A started match as the figures need it. */
    record MatchRow(UUID participantId, UUID volunteerId, Wish help, LocalDate startedOn, LocalDate endedOn) {

        boolean underWay(LocalDate from, LocalDate to) {
            return startedOn != null && !startedOn.isAfter(to) && (endedOn == null || !endedOn.isBefore(from));
        }
    }

    record MeetingRow(UUID volunteerId, LocalDate metOn, BigDecimal hours) {
    }

    /** A volunteer profile made on a day, with the person's time as a participant (null if never one). */
    record NewVolunteer(UUID personId, LocalDate profileMadeOn, LocalDate participantFrom) {
    }

    private final JdbcClient db;
    private final PersonLookup persons;
    private final Clock clock;

    VolunteerFigures(JdbcClient db, PersonLookup persons, Clock clock) {
        this.db = db;
        this.persons = persons;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Figures forPeriod(LocalDate from, LocalDate to) {
        UUID org = Tenancy.requireOrganisationId();
        List<MatchRow> matches = db.sql("""
                        SELECT participant_id, volunteer_id, help_kind, started_on, ended_on FROM volunteer_match
                         WHERE organisation_id = :org AND started_on IS NOT NULL AND started_on <= :to
                           AND (ended_on IS NULL OR ended_on >= :from)""")
                .param("org", org).param("from", from).param("to", to)
                .query((rs, i) -> new MatchRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        Wish.valueOf(rs.getString(3)), rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class)))
                .list();
        List<MeetingRow> meetings = db.sql("""
                        SELECT m.volunteer_id, t.met_on, t.hours FROM volunteer_meeting t
                          JOIN volunteer_match m ON m.id = t.match_id
                         WHERE t.organisation_id = :org AND t.met_on BETWEEN :from AND :to""")
                .param("org", org).param("from", from).param("to", to)
                .query((rs, i) -> new MeetingRow(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
                        rs.getBigDecimal(3)))
                .list();
        Map<UUID, LocalDate> profiles = new HashMap<>();
        db.sql("""
                        SELECT person_id, (created_at AT TIME ZONE 'Europe/Oslo')::date FROM volunteer_profile
                         WHERE organisation_id = :org
                           AND (created_at AT TIME ZONE 'Europe/Oslo')::date BETWEEN :from AND :to""")
                .param("org", org).param("from", from).param("to", to)
                .query((rs, i) -> profiles.put(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class)))
                .list();
        Map<UUID, Participation> participation = persons.participation(profiles.keySet());
        List<NewVolunteer> newVolunteers = profiles.entrySet().stream()
                .map(p -> new NewVolunteer(p.getKey(), p.getValue(),
                        participation.containsKey(p.getKey()) ? participation.get(p.getKey()).from() : null))
                .toList();
        LocalDate today = LocalDate.now(clock);
        return compute(from, to, today.isBefore(to) ? today : to, matches, meetings, newVolunteers);
    }

    /** The figures from the rows; {@code asOf} is the day retention is judged on. */
    static Figures compute(LocalDate from, LocalDate to, LocalDate asOf, Collection<MatchRow> matches,
                           Collection<MeetingRow> meetings, Collection<NewVolunteer> newVolunteers) {
        List<MatchRow> underWay = matches.stream().filter(m -> m.underWay(from, to)).toList();
        List<MeetingRow> inPeriod = meetings.stream()
                .filter(m -> !m.metOn().isBefore(from) && !m.metOn().isAfter(to)).toList();

        Set<UUID> volunteers = new HashSet<>();
        underWay.forEach(m -> volunteers.add(m.volunteerId()));
        inPeriod.forEach(m -> volunteers.add(m.volunteerId()));
        BigDecimal hours = inPeriod.stream().map(MeetingRow::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
        long participants = underWay.stream().map(MatchRow::participantId).distinct().count();

        List<Long> durations = underWay.stream()
                .filter(m -> m.endedOn() != null && !m.endedOn().isAfter(to))
                .map(m -> ChronoUnit.DAYS.between(m.startedOn(), m.endedOn())).sorted().toList();
        BigDecimal median = null;
        if (!durations.isEmpty()) {
            int n = durations.size();
            median = n % 2 == 1 ? BigDecimal.valueOf(durations.get(n / 2))
                    : BigDecimal.valueOf(durations.get(n / 2 - 1) + durations.get(n / 2)).divide(BigDecimal.valueOf(2));
        }

        long became = newVolunteers.stream()
                .filter(v -> v.participantFrom() != null && !v.participantFrom().isAfter(v.profileMadeOn())).count();

        Map<Wish, Long> byHelp = new EnumMap<>(Wish.class);
        for (Wish wish : Wish.values()) {
            byHelp.put(wish, underWay.stream().filter(m -> m.help() == wish).count());
        }
        return new Figures(from, to, volunteers.size(), hours,
                hours.divide(HOURS_PER_ARSVERK, 2, RoundingMode.HALF_UP), participants, median,
                stillGoing(underWay, from, to, asOf, 3), stillGoing(underWay, from, to, asOf, 6), became, byHelp);
    }

    private static Share stillGoing(List<MatchRow> underWay, LocalDate from, LocalDate to, LocalDate asOf, int months) {
        List<MatchRow> cohort = underWay.stream()
                .filter(m -> !m.startedOn().isBefore(from) && !m.startedOn().isAfter(to))
                .filter(m -> !m.startedOn().plusMonths(months).isAfter(asOf)).toList();
        long going = cohort.stream()
                .filter(m -> m.endedOn() == null || !m.endedOn().isBefore(m.startedOn().plusMonths(months))).count();
        return new Share(going, cohort.size());
    }
}
