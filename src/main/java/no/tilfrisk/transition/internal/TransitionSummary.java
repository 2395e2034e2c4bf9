package no.tilfrisk.transition.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.person.PersonSummarySource;
import no.tilfrisk.person.QuickAction;
import no.tilfrisk.person.SummaryItem;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The transition at the top of the person's page: the next one not yet happened (its expected date and how many
 * items are not in place, a warning when some are and it is within 4 weeks), linked to it; and the quick action to
 * start one. One query over the person's own rows; the person page has checked the reader may see the person.
 */
@Component
class TransitionSummary implements PersonSummarySource {

    static final int ORDER = 50;

    private final JdbcClient db;
    private final Clock clock;

    TransitionSummary(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    record Row(UUID id, LocalDate expectedOn, long open) {
    }

    @Override
    public List<SummaryItem> summaryFor(UUID personId) {
        if (!TransitionAccess.isStaff()) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        return db.sql("""
                        SELECT t.id, t.expected_on,
                               (SELECT count(*) FROM transition_checklist_item i
                                 WHERE i.transition_id = t.id AND i.status NOT IN ('IN_PLACE', 'NOT_NEEDED')) AS open
                          FROM transition t
                         WHERE t.person_id = ? AND t.organisation_id = ? AND t.cancelled_at IS NULL
                           AND t.actual_on IS NULL AND t.expected_on >= ?
                         ORDER BY t.expected_on, t.id LIMIT 1""")
                .params(personId, Tenancy.requireOrganisationId(), today.minusDays(7)).query(Row.class).optional()
                .map(r -> List.of(new SummaryItem(ORDER, "summary.transition", "summary.transition.text",
                        List.of(r.expectedOn(), r.open()), "/persons/" + personId + "/transitions/" + r.id(),
                        r.open() > 0 && !r.expectedOn().isAfter(today.plusDays(28)))))
                .orElse(List.of());
    }

    @Override
    public List<QuickAction> actionsFor(UUID personId) {
        return TransitionAccess.isStaff()
                ? List.of(new QuickAction(ORDER, "transition.action.new", List.of(), "/persons/" + personId + "/transitions/new"))
                : List.of();
    }
}
