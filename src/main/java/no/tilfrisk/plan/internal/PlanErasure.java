package no.tilfrisk.plan.internal;

import no.tilfrisk.person.PersonErased;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When a person is erased, in the same transaction: the participant's words in mappings, goals, actions,
 * evaluations, proposals and the plan's history go. Ratings, life areas, statuses and dates stay, nameless, so
 * that counts stay true.
 */
@Component
class PlanErasure {

    private static final String GONE = "–";

    private final JdbcClient db;

    PlanErasure(JdbcClient db) {
        this.db = db;
    }

    @EventListener
    void on(PersonErased erased) {
        var person = erased.personId();
        db.sql("""
                        UPDATE plan_mapping SET dreams_encrypted = NULL, strengths_encrypted = NULL,
                                                challenges_encrypted = NULL
                         WHERE person_id = ?""")
                .param(person).update();
        // the ratings stay for the figures; an area with words and no rating has nothing left
        db.sql("""
                        DELETE FROM plan_mapping_area
                         WHERE rating IS NULL AND mapping_id IN (SELECT id FROM plan_mapping WHERE person_id = ?)""")
                .param(person).update();
        db.sql("""
                        UPDATE plan_mapping_area SET own_words_encrypted = NULL
                         WHERE mapping_id IN (SELECT id FROM plan_mapping WHERE person_id = ?)""")
                .param(person).update();
        db.sql("UPDATE plan_goal SET text = ? WHERE person_id = ?").params(GONE, person).update();
        db.sql("UPDATE plan_action SET text = ?, responsible_name = NULL WHERE person_id = ?").params(GONE, person).update();
        db.sql("UPDATE plan_evaluation SET what_happened = ?, next_step = NULL WHERE person_id = ?").params(GONE, person).update();
        db.sql("UPDATE plan_proposal SET text = ?, decision_comment = NULL WHERE person_id = ?").params(GONE, person).update();
        db.sql("UPDATE plan_change SET before = NULL, after = NULL WHERE person_id = ?").param(person).update();
    }
}
