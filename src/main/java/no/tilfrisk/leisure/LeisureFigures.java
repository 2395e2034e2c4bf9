package no.tilfrisk.leisure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.outcome.Wilson;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The leisure figures of issue 18 (item 7) for the reports and the dashboard, counts only, never a person. For a
 * period (both days included) and the whole organisation:
 * <ul>
 *   <li><b>participants in an inclusion process</b>: the distinct participants of a process under way at some time
 *       in the period (begun by its last day, not ended before its first);</li>
 *   <li><b>per step</b>: those processes by the furthest step taken (or passed over) by the period's last day,
 *       and those not begun;</li>
 *   <li><b>still active after 6 (12) months</b>: of the processes whose six (twelve) months of follow-up were
 *       reached in the period and whose check-in of that month was answered, those still taking part; with n and
 *       the 95 % Wilson interval;</li>
 *   <li><b>with a valued role</b>: of the same six-month cohort, those who answered that they have a role in the
 *       club;</li>
 *   <li><b>moved on to work or studies</b>: processes that ended so in the period;</li>
 *   <li><b>equipment loans</b> begun in the period (loans, not persons).</li>
 * </ul>
 * The report applies its small-number protection.
 */
@Service
@PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'REPORT_VIEWER')")
public class LeisureFigures {

    /** Some of a cohort, with its 95 % Wilson interval (null where the cohort is empty). */
    public record Share(long count, long of, double[] interval) {
        static Share of(long count, long of) {
            return new Share(count, of, of == 0 ? null : Wilson.interval95(count, of));
        }
    }

    /** The figures; {@code perStep} in the method's order, with null for those not begun. */
    public record Figures(LocalDate from, LocalDate to, long inProcess, Map<Step, Long> perStep, long notBegun,
                          Share activeAfter6Months, Share activeAfter12Months, Share valuedRole, long workOrStudies,
                          long loans) {
        public boolean empty() {
            return inProcess == 0 && loans == 0 && workOrStudies == 0 && activeAfter6Months.of() == 0
                    && activeAfter12Months.of() == 0;
        }
    }

    private final ProcessRecords records;
    private final JdbcClient db;

    LeisureFigures(ProcessRecords records, JdbcClient db) {
        this.records = records;
        this.db = db;
    }

    @Transactional(readOnly = true)
    public Figures forPeriod(LocalDate from, LocalDate to) {
        return compute(from, to, null);
    }

    /**
     * The same figures for some participants only (a project's linked participants in the funder report): their
     * processes, and the loans to them.
     */
    @Transactional(readOnly = true)
    public Figures forParticipants(Collection<UUID> participants, LocalDate from, LocalDate to) {
        return compute(from, to, Set.copyOf(participants));
    }

    private Figures compute(LocalDate from, LocalDate to, Set<UUID> only) {
        List<Process> all = records.all().stream().filter(p -> only == null || only.contains(p.participantId())).toList();
        Map<UUID, List<Object[]>> stepsByProcess = new HashMap<>();
        db.sql("SELECT process_id, step, done_on FROM leisure_step WHERE organisation_id = ?")
                .param(Tenancy.requireOrganisationId())
                .query((rs, i) -> new Object[] {rs.getObject("process_id", UUID.class), Step.valueOf(rs.getString("step")),
                        rs.getObject("done_on", LocalDate.class)})
                .list().forEach(r -> stepsByProcess.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add(r));
        Map<UUID, Map<CheckInDue, CheckInAnswer>> answers = new HashMap<>();
        for (Object[] r : records.allAnswers()) {
            CheckInAnswer a = (CheckInAnswer) r[1];
            answers.computeIfAbsent((UUID) r[0], k -> new EnumMap<>(CheckInDue.class)).put(a.due(), a);
        }
        Set<UUID> inProcess = new HashSet<>();
        Map<Step, Long> perStep = new LinkedHashMap<>();
        for (Step s : Step.values()) {
            perStep.put(s, 0L);
        }
        long notBegun = 0;
        long active6 = 0;
        long cohort6 = 0;
        long role6 = 0;
        long active12 = 0;
        long cohort12 = 0;
        long workOrStudies = 0;
        for (Process p : all) {
            boolean underWay = !p.startedOn().isAfter(to) && (p.endedOn() == null || !p.endedOn().isBefore(from));
            if (underWay) {
                inProcess.add(p.participantId());
                Step furthest = null;
                for (Object[] r : stepsByProcess.getOrDefault(p.id(), List.of())) {
                    Step s = (Step) r[1];
                    if (!((LocalDate) r[2]).isAfter(to) && (furthest == null || s.ordinal() > furthest.ordinal())) {
                        furthest = s;
                    }
                }
                if (furthest == null) {
                    notBegun++;
                } else {
                    perStep.merge(furthest, 1L, Long::sum);
                }
            }
            if (p.followUpFrom() != null) {
                Map<CheckInDue, CheckInAnswer> mine = answers.getOrDefault(p.id(), Map.of());
                if (within(p.followUpFrom().plusMonths(6), from, to) && mine.containsKey(CheckInDue.MONTH_6)) {
                    cohort6++;
                    active6 += mine.get(CheckInDue.MONTH_6).stillTakingPart() ? 1 : 0;
                    role6 += mine.get(CheckInDue.MONTH_6).valuedRole() ? 1 : 0;
                }
                if (within(p.followUpFrom().plusMonths(12), from, to) && mine.containsKey(CheckInDue.MONTH_12)) {
                    cohort12++;
                    active12 += mine.get(CheckInDue.MONTH_12).stillTakingPart() ? 1 : 0;
                }
            }
            if (p.outcome() == Outcome.WORK_OR_STUDIES && within(p.endedOn(), from, to)) {
                workOrStudies++;
            }
        }
        long loans = only == null
                ? db.sql("SELECT count(*) FROM leisure_loan WHERE organisation_id = ? AND lent_on BETWEEN ? AND ?")
                        .params(Tenancy.requireOrganisationId(), from, to).query(Long.class).single()
                : db.sql("SELECT count(*) FROM leisure_loan WHERE organisation_id = ? AND lent_on BETWEEN ? AND ?"
                                + " AND participant_id = ANY (CAST(? AS uuid[]))")
                        .params(Tenancy.requireOrganisationId(), from, to, only.toArray(UUID[]::new))
                        .query(Long.class).single();
        return new Figures(from, to, inProcess.size(), perStep, notBegun, Share.of(active6, cohort6),
                Share.of(active12, cohort12), Share.of(role6, cohort6), workOrStudies, loans);
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
