package no.tilfrisk.person;

import java.util.List;
import java.util.UUID;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules ask before they act on a purpose: send an SMS, involve a relative, share with a partner or
 * a named volunteer, count in statistics. Reads the current state every time, so a withdrawal takes effect at once.
 */
@Service
public class ConsentCheck {

    private final JdbcClient db;

    ConsentCheck(JdbcClient db) {
        this.db = db;
    }

    /** For purposes about the person alone; those about a named relative or partner must name them. */
    @Transactional(readOnly = true)
    public boolean isGiven(UUID personId, ConsentPurpose purpose) {
        if (purpose.namesSomeone()) {
            throw new IllegalArgumentException(purpose + " is given for a named relative, partner or volunteer: name them");
        }
        return db.sql("""
                        SELECT EXISTS (SELECT 1 FROM consent WHERE person_id = ? AND organisation_id = ? AND purpose = ?
                                          AND withdrawn_at IS NULL)""")
                .params(personId, Tenancy.requireOrganisationId(), purpose.name()).query(Boolean.class).single();
    }

    /**
     * Whether the participant shares (name, phone, chosen goals) with this volunteer now: a consent naming that
     * volunteer is in force. One naming another volunteer does not count.
     */
    @Transactional(readOnly = true)
    public boolean sharesWithVolunteer(UUID personId, UUID volunteerId) {
        return db.sql("""
                        SELECT EXISTS (SELECT 1 FROM consent WHERE person_id = ? AND organisation_id = ?
                                          AND purpose = 'SHARE_WITH_VOLUNTEER' AND volunteer_id = ? AND withdrawn_at IS NULL)""")
                .params(personId, Tenancy.requireOrganisationId(), volunteerId).query(Boolean.class).single();
    }

    /** For purposes about someone: involving this relative, sharing with this partner. */
    @Transactional(readOnly = true)
    public boolean isGiven(UUID personId, ConsentPurpose purpose, UUID relativeId, String partner) {
        return db.sql("""
                        SELECT EXISTS (SELECT 1 FROM consent WHERE person_id = ? AND organisation_id = ? AND purpose = ?
                                          AND withdrawn_at IS NULL
                                          AND relative_id IS NOT DISTINCT FROM ? AND lower(partner) IS NOT DISTINCT FROM lower(?))""")
                .params(personId, Tenancy.requireOrganisationId(), purpose.name(), relativeId, partner)
                .query(Boolean.class).single();
    }

    /** The partner organisations (as the consents name them) this person shares with now. */
    @Transactional(readOnly = true)
    public List<String> partnersOf(UUID personId) {
        return db.sql("""
                        SELECT partner FROM consent WHERE person_id = ? AND organisation_id = ?
                           AND purpose = 'SHARE_WITH_PARTNER' AND withdrawn_at IS NULL ORDER BY lower(partner)""")
                .params(personId, Tenancy.requireOrganisationId()).query(String.class).list();
    }

    /** The persons who share with this partner organisation (by name, any case) now. */
    @Transactional(readOnly = true)
    public List<UUID> sharingWith(String partner) {
        return db.sql("""
                        SELECT DISTINCT person_id FROM consent WHERE organisation_id = ? AND purpose = 'SHARE_WITH_PARTNER'
                           AND withdrawn_at IS NULL AND lower(partner) = lower(?)""")
                .params(Tenancy.requireOrganisationId(), partner).query(UUID.class).list();
    }
}
