package no.tilfrisk.plan.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.person.PersonSummarySource;
import no.tilfrisk.person.SummaryItem;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The plan at the top of the person's page: no plan yet, its open main goals out of all, or every goal reached or
 * closed; with the next evaluation. One query over the person's goals ({@code plan_goal_person_idx}). Everyone who
 * may open a person's page may read their plan ({@code PlanAccess.requireStaff}).
 */
@Component
class PlanSummaryItem implements PersonSummarySource {

    private final JdbcClient db;

    PlanSummaryItem(JdbcClient db) {
        this.db = db;
    }

    record Counts(int open, int total, LocalDate nextEvaluation) {
    }

    @Override
    public List<SummaryItem> summaryFor(UUID personId) {
        Counts c = db.sql("""
                        SELECT count(*) FILTER (WHERE status NOT IN ('REACHED', 'CLOSED')) AS open, count(*) AS total,
                               min(next_evaluation_on) FILTER (WHERE status NOT IN ('REACHED', 'CLOSED')) AS next_evaluation
                          FROM plan_goal WHERE person_id = ? AND organisation_id = ? AND parent_id IS NULL""")
                .params(personId, Tenancy.requireOrganisationId()).query(Counts.class).single();
        String plan = "/persons/" + personId + "/plan";
        if (c.total() == 0) {
            return List.of(new SummaryItem(20, "summary.plan", "summary.plan.none", List.of(), plan, false));
        }
        if (c.open() == 0) {
            return List.of(new SummaryItem(20, "summary.plan", "summary.plan.done", List.of(c.total()), plan, false));
        }
        return List.of(c.nextEvaluation() == null
                ? new SummaryItem(20, "summary.plan", "summary.plan.open", List.of(c.open(), c.total()), plan, false)
                : new SummaryItem(20, "summary.plan", "summary.plan.openEvaluation",
                        List.of(c.open(), c.total(), c.nextEvaluation()), plan, false));
    }
}
