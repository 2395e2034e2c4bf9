package no.tilfrisk.outcome;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation's instruments: which it can take responses to now. An instrument that needs a licence counts
 * only once the organisation admin has confirmed the licence; anyone signed in may read the list, only the admin
 * change it.
 */
@Service
public class InstrumentSettings {

    private final JdbcClient db;
    private final Instruments instruments;

    InstrumentSettings(JdbcClient db, Instruments instruments) {
        this.db = db;
        this.instruments = instruments;
    }

    /** The instruments an organisation can take responses to now: those without a licence, and those it enabled. */
    @Transactional(readOnly = true)
    public List<Instrument> available() {
        Set<String> enabled = enabledIds();
        return instruments.all().stream().filter(i -> !i.licenceRequired() || enabled.contains(i.id())).toList();
    }

    /** The ids of the licensed instruments this organisation has enabled. */
    @Transactional(readOnly = true)
    public Set<String> enabledIds() {
        return Set.copyOf(db.sql("SELECT instrument_id FROM instrument_enabled WHERE organisation_id = ?")
                .param(Tenancy.requireOrganisationId()).query(String.class).list());
    }

    /** The organisation admin confirms the licence of an instrument that needs one, or withdraws it. */
    @Transactional
    public void setEnabled(String instrumentId, boolean enabled) {
        OutcomeAccess.requireAdmin();
        Instrument instrument = instruments.find(instrumentId)
                .orElseThrow(() -> new InvalidInputException("instrumentId", "outcome.instrument.unknown"));
        UUID org = Tenancy.requireOrganisationId();
        if (enabled) {
            db.sql("""
                            INSERT INTO instrument_enabled (organisation_id, instrument_id, enabled_by) VALUES (?, ?, ?)
                            ON CONFLICT DO NOTHING""")
                    .params(org, instrument.id(), OutcomeAccess.me()).update();
        } else {
            db.sql("DELETE FROM instrument_enabled WHERE organisation_id = ? AND instrument_id = ?")
                    .params(org, instrument.id()).update();
        }
    }
}
