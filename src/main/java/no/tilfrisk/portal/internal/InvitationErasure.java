package no.tilfrisk.portal.internal;

import no.tilfrisk.person.PersonErased;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** When a person is erased, in the same transaction, their invitations (and the e-mail addresses in them) go. */
@Component
class InvitationErasure {

    private final JdbcClient db;

    InvitationErasure(JdbcClient db) {
        this.db = db;
    }

    @EventListener
    void on(PersonErased erased) {
        db.sql("DELETE FROM portal_invitation WHERE person_id = ?").param(erased.personId()).update();
    }
}
