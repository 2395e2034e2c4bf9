package no.tilfrisk.leisure.internal;

import java.sql.Array;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.leisure.CheckInDue;
import no.tilfrisk.leisure.InclusionRules;
import no.tilfrisk.leisure.Step;
import no.tilfrisk.person.PersonSummarySource;
import no.tilfrisk.person.SummaryItem;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The leisure inclusion at the top of the person's page, for staff who may see the person (the person page has
 * checked that, and records the reading): the open process's furthest step and the club chosen, linked to the
 * process; and its next check-in not answered, marked when overdue. Nothing for a person without an open process,
 * nor for readers who are not staff. One query over the person's own rows ({@code leisure_process_open_uq}).
 */
@Component
class LeisureSummary implements PersonSummarySource {

    static final int ORDER = 60;

    private final JdbcClient db;
    private final Clock clock;

    LeisureSummary(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    record Row(UUID id, String club, LocalDate followUpFrom, Set<Step> steps, Set<CheckInDue> answered) {
    }

    @Override
    public List<SummaryItem> summaryFor(UUID personId) {
        if (!LeisureAccess.isStaff()) {
            return List.of();
        }
        Row r = db.sql("""
                        SELECT p.id, c.name AS club, p.follow_up_from,
                               ARRAY(SELECT s.step FROM leisure_step s WHERE s.process_id = p.id) AS steps,
                               ARRAY(SELECT a.due FROM leisure_check_in a WHERE a.process_id = p.id) AS answered
                          FROM leisure_process p
                          LEFT JOIN leisure_club c ON c.id = p.club_id
                         WHERE p.participant_id = ? AND p.organisation_id = ? AND p.ended_on IS NULL""")
                .params(personId, Tenancy.requireOrganisationId())
                .query((rs, i) -> new Row(rs.getObject("id", UUID.class), rs.getString("club"),
                        rs.getObject("follow_up_from", LocalDate.class), names(rs.getArray("steps"), Step.class),
                        names(rs.getArray("answered"), CheckInDue.class)))
                .optional().orElse(null);
        if (r == null) {
            return List.of();
        }
        String href = "/leisure/processes/" + r.id();
        List<SummaryItem> items = new ArrayList<>();
        Step furthest = InclusionRules.furthest(r.steps());
        if (furthest == null) {
            items.add(new SummaryItem(ORDER, "summary.leisure", "summary.leisure.notBegun", List.of(), href, false));
        } else {
            Object step = new DefaultMessageSourceResolvable("leisure.step." + furthest.name());
            items.add(r.club() == null
                    ? new SummaryItem(ORDER, "summary.leisure", "summary.leisure.step", List.of(furthest.number(), step),
                            href, false)
                    : new SummaryItem(ORDER, "summary.leisure", "summary.leisure.stepClub",
                            List.of(furthest.number(), step, r.club()), href, false));
        }
        if (r.followUpFrom() != null) {
            LocalDate today = LocalDate.now(clock);
            for (CheckInDue due : CheckInDue.values()) {
                if (!r.answered().contains(due)) {
                    LocalDate on = due.dueFrom(r.followUpFrom());
                    boolean overdue = on.isBefore(today);
                    items.add(new SummaryItem(ORDER + 1, "summary.leisureCheckIn", overdue
                            ? "summary.leisureCheckIn.overdue" : "summary.leisureCheckIn.on", List.of(on),
                            href + "#check-ins", overdue));
                    break;
                }
            }
        }
        return items;
    }

    private static <E extends Enum<E>> Set<E> names(Array array, Class<E> type) throws java.sql.SQLException {
        Set<E> set = EnumSet.noneOf(type);
        for (Object name : (Object[]) array.getArray()) {
            set.add(Enum.valueOf(type, (String) name));
        }
        return set;
    }
}
