package no.tilfrisk.activity.internal;

import no.tilfrisk.person.PersonErased;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When a person is erased, in the same transaction, their sign-ups go: a sign-up counts nothing. Their attendance
 * stays, nameless, so that past counts stay true.
 */
@Component
class SignUpErasure {

    private final JdbcClient db;

    SignUpErasure(JdbcClient db) {
        this.db = db;
    }

    @EventListener
    void on(PersonErased erased) {
        db.sql("DELETE FROM session_signup WHERE person_id = ?").param(erased.personId()).update();
    }
}
