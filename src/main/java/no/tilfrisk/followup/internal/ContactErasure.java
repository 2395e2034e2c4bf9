package no.tilfrisk.followup.internal;

import no.tilfrisk.person.PersonErased;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When a person is erased, in the same transaction: the notes of their contacts go, and so does every record of
 * them as a relative present. The contacts themselves stay, nameless, so that past counts stay true.
 */
@Component
class ContactErasure {

    private final JdbcClient db;

    ContactErasure(JdbcClient db) {
        this.db = db;
    }

    @EventListener
    void on(PersonErased erased) {
        db.sql("UPDATE contact SET note_encrypted = NULL, updated_at = now() WHERE person_id = ?")
                .param(erased.personId()).update();
        db.sql("DELETE FROM contact_relative WHERE relative_id = ?").param(erased.personId()).update();
    }
}
