package no.tilfrisk.plan;

import java.time.LocalDate;
import java.util.Collection;
import java.util.UUID;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The plan's figures for the reports, counts only, never a person (the funder report's goals). */
@Service
@PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'REPORT_VIEWER')")
public class PlanFigures {

    /**
     * Main goals (hovedmål, not sub-goals) among a set of persons, for reports: how many goals were set by the end
     * of the period and how many of them stand as reached, and how many of the persons had a goal and how many
     * reached at least one. Counts only, no one is shown; persons of another organisation count nowhere.
     */
    public record GoalTally(long goals, long reached, long persons, long personsReached) {
    }

    private final JdbcClient db;

    PlanFigures(JdbcClient db) {
        this.db = db;
    }

    /** See {@link GoalTally}: goals created on or before {@code to} among these persons. */
    @Transactional(readOnly = true)
    public GoalTally goalTally(Collection<UUID> personIds, LocalDate to) {
        if (personIds.isEmpty()) {
            return new GoalTally(0, 0, 0, 0);
        }
        return db.sql("""
                        WITH g AS (
                            SELECT person_id, status = 'REACHED' AS reached
                              FROM plan_goal
                             WHERE organisation_id = :org AND parent_id IS NULL AND person_id = ANY(:persons)
                               AND created_at < CAST(:to AS date) + 1
                        )
                        SELECT count(*) AS goals, count(*) FILTER (WHERE reached) AS reached,
                               count(DISTINCT person_id) AS persons,
                               count(DISTINCT person_id) FILTER (WHERE reached) AS persons_reached
                          FROM g""")
                .param("org", Tenancy.requireOrganisationId()).param("persons", personIds.toArray(UUID[]::new))
                .param("to", to)
                .query((rs, i) -> new GoalTally(rs.getLong("goals"), rs.getLong("reached"), rs.getLong("persons"),
                        rs.getLong("persons_reached")))
                .single();
    }
}
