package no.tilfrisk.leisure.internal;

import no.tilfrisk.person.PersonErased;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When a person is erased, in the same transaction: the words about them go (their wishes, the notes and the names
 * of those present at their steps, the note on how their process ended). The process, its steps, dates, check-in
 * answers, decision hours and loans stay, as anonymous counts for the figures (the person is nameless).
 */
@Component
class LeisureErasure {

    private final JdbcClient db;

    LeisureErasure(JdbcClient db) {
        this.db = db;
    }

    @EventListener
    void on(PersonErased erased) {
        var org = Tenancy.requireOrganisationId();
        db.sql("""
                        UPDATE leisure_step SET note = CASE WHEN skipped THEN '–' ELSE NULL END, participants = NULL
                         WHERE organisation_id = ? AND process_id IN (SELECT id FROM leisure_process WHERE participant_id = ?)""")
                .params(org, erased.personId()).update();
        db.sql("""
                        UPDATE leisure_process SET wishes = NULL,
                               outcome_note = CASE WHEN outcome = 'STOPPED' THEN '–' ELSE NULL END, updated_at = now()
                         WHERE organisation_id = ? AND participant_id = ?""")
                .params(org, erased.personId()).update();
    }
}
