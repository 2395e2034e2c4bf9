package no.tilfrisk.organisation;

import java.util.Optional;
import java.util.UUID;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The tenants. An organisation's data is invisible to every other. */
@Service
public class Organisations {

    private final JdbcClient db;
    private final TransactionTemplate tx;

    Organisations(JdbcClient db, TransactionTemplate tx) {
        this.db = db;
        this.tx = tx;
    }

    /** The caller's own organisation. */
    @Transactional(readOnly = true)
    public Organisation current() {
        return find(Tenancy.requireOrganisationId()).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<Organisation> find(UUID id) {
        return db.sql("SELECT id, name FROM organisation WHERE id = ?").param(id).query(Organisation.class).optional();
    }

    @Transactional(readOnly = true)
    public OrganisationSettings settings() {
        return db.sql("SELECT national_id_enabled, retention_months, require_second_factor FROM organisation WHERE id = ?")
                .param(Tenancy.requireOrganisationId())
                .query((rs, i) -> new OrganisationSettings(rs.getBoolean(1), rs.getInt(2), rs.getBoolean(3))).single();
    }

    /** The settings as the admin changes them, on the settings page and through the API. */
    @PreAuthorize("hasRole('ORG_ADMIN')")
    @Transactional(readOnly = true)
    public OrganisationSettings settingsToChange() {
        return settings();
    }

    @PreAuthorize("hasRole('ORG_ADMIN')")
    @Transactional
    public void changeSettings(OrganisationSettings settings) {
        db.sql("UPDATE organisation SET national_id_enabled = ?, retention_months = ?, require_second_factor = ? WHERE id = ?")
                .params(settings.nationalIdEnabled(), settings.retentionMonths(), settings.isRequireSecondFactor(),
                        Tenancy.requireOrganisationId())
                .update();
    }

    /**
     * Whether everyone in the organisation who can see personal data must sign in with a second factor. On
     * for every new organisation; turned off only by the operator (and for the demo organisations).
     */
    public void requireSecondFactor(UUID id, boolean required) {
        Tenancy.runAs(id, () -> tx.executeWithoutResult(status ->
                db.sql("UPDATE organisation SET require_second_factor = ? WHERE id = ?").params(required, id).update()));
    }

    /**
     * Registers a new organisation. There is no page for this yet: organisations are set up by the operator
     * (and by demo data). Runs in the new organisation's own tenancy, as row-level security requires.
     */
    public Organisation create(UUID id, String name) {
        return Tenancy.runAs(id, () -> tx.execute(status -> {
            db.sql("INSERT INTO organisation (id, name) VALUES (?, ?)").params(id, name).update();
            return new Organisation(id, name);
        }));
    }
}
