package no.tilfrisk.plan;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The goals a participant chose to share outside the plan (with their volunteer), read by id: only that person's
 * goals that are still open, each as its id and the participant's own words, and nothing else of the plan. No rights
 * check and no audit here: the caller has checked that its reader may see them (the volunteer module: a volunteer
 * whose match runs and whom the participant's consent names) and records the read.
 */
@Component
public class SharedGoals {

    /** A shared goal: its id and its text in the participant's words. */
    public record SharedGoal(UUID id, String text) {
    }

    private final JdbcClient db;

    SharedGoals(JdbcClient db) {
        this.db = db;
    }

    /** The open goals of the person among these ids, main goals before sub-goals, oldest first. */
    @Transactional(readOnly = true)
    public List<SharedGoal> open(UUID personId, Collection<UUID> goalIds) {
        if (goalIds.isEmpty()) {
            return List.of();
        }
        return db.sql("""
                        SELECT id, text FROM plan_goal
                         WHERE organisation_id = ? AND person_id = ? AND id = ANY(?)
                           AND status NOT IN ('REACHED', 'CLOSED')
                         ORDER BY parent_id IS NOT NULL, created_at, id""")
                .params(Tenancy.requireOrganisationId(), personId, goalIds.toArray(UUID[]::new))
                .query((rs, i) -> new SharedGoal(rs.getObject(1, UUID.class), rs.getString(2))).list();
    }
}
