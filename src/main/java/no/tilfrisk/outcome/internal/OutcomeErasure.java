package no.tilfrisk.outcome.internal;

import no.tilfrisk.person.PersonErased;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When a person is erased, their unfinished answers go. Their responses stay: they hold no free text, only item
 * values and scores tied to a person who is now nameless, so that past figures stay true.
 */
@Component
class OutcomeErasure {

    private final JdbcClient db;

    OutcomeErasure(JdbcClient db) {
        this.db = db;
    }

    @EventListener
    void on(PersonErased erased) {
        db.sql("DELETE FROM outcome_draft WHERE person_id = ?").param(erased.personId()).update();
    }
}
