package no.tilfrisk.transition.internal;

import no.tilfrisk.person.PersonErased;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When a person is erased, in the same transaction: the words of their transitions go (their own words, the items'
 * notes, the reasons of date moves). The transitions, their dates, kinds and statuses stay as anonymous counts for
 * the figures (the person is nameless).
 */
@Component
class TransitionErasure {

    private final JdbcClient db;

    TransitionErasure(JdbcClient db) {
        this.db = db;
    }

    @EventListener
    void on(PersonErased erased) {
        db.sql("""
                        UPDATE transition SET own_words = NULL, municipality = NULL,
                               cancelled_reason = CASE WHEN cancelled_at IS NULL THEN NULL ELSE '-' END
                         WHERE person_id = ? AND organisation_id = ?""")
                .params(erased.personId(), Tenancy.requireOrganisationId()).update();
        db.sql("""
                        UPDATE transition_checklist_item SET note = NULL,
                               label = CASE WHEN code = 'OWN' THEN '-' ELSE label END
                         WHERE organisation_id = ? AND transition_id IN (SELECT id FROM transition WHERE person_id = ?)""")
                .params(Tenancy.requireOrganisationId(), erased.personId()).update();
        db.sql("""
                        UPDATE transition_date_move SET reason = '-'
                         WHERE organisation_id = ? AND transition_id IN (SELECT id FROM transition WHERE person_id = ?)""")
                .params(Tenancy.requireOrganisationId(), erased.personId()).update();
    }
}
