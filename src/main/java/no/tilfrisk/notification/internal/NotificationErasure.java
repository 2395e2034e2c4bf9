package no.tilfrisk.notification.internal;

import no.tilfrisk.person.PersonErased;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When a person is erased, in the same transaction, the addresses their notices went to go; the log keeps that a
 * notice of a kind went out, for the counts.
 */
@Component
class NotificationErasure {

    private final JdbcClient db;

    NotificationErasure(JdbcClient db) {
        this.db = db;
    }

    @EventListener
    void on(PersonErased erased) {
        db.sql("UPDATE notification_log SET recipient = NULL WHERE person_id = ?").param(erased.personId()).update();
    }
}
