package no.tilfrisk.person;

import java.util.UUID;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules ask before they act on a purpose: send an SMS, involve a relative, share with a partner,
 * count in statistics. Reads the current state every time, so a withdrawal takes effect at once.
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
        if (purpose == ConsentPurpose.INVOLVE_RELATIVE || purpose == ConsentPurpose.SHARE_WITH_PARTNER) {
            throw new IllegalArgumentException(purpose + " is given for a named relative or partner: name them");
        }
        return db.sql("""
                        SELECT EXISTS (SELECT 1 FROM consent WHERE person_id = ? AND organisation_id = ? AND purpose = ?
                                          AND withdrawn_at IS NULL)""")
                .params(personId, Tenancy.requireOrganisationId(), purpose.name()).query(Boolean.class).single();
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
}
