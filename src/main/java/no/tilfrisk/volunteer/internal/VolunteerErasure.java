package no.tilfrisk.volunteer.internal;

import no.tilfrisk.person.PersonErased;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When a person is erased, in the same transaction: their volunteer profile, screening and wish go, and the notes of
 * the meetings of their matches. The matches and the hours stay, as anonymous counts (the persons are nameless).
 */
@Component
class VolunteerErasure {

    private final JdbcClient db;

    VolunteerErasure(JdbcClient db) {
        this.db = db;
    }

    @EventListener
    void on(PersonErased erased) {
        for (String table : new String[] {"volunteer_profile", "volunteer_screening", "volunteer_wish"}) {
            db.sql("DELETE FROM " + table + " WHERE person_id = ?").param(erased.personId()).update();
        }
        db.sql("""
                        UPDATE volunteer_meeting SET note_encrypted = NULL
                         WHERE organisation_id = ? AND match_id IN (SELECT id FROM volunteer_match
                                                                      WHERE participant_id = ? OR volunteer_id = ?)""")
                .params(Tenancy.requireOrganisationId(), erased.personId(), erased.personId()).update();
    }
}
