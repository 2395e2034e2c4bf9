package no.tilfrisk.outcome.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.outcome.InstrumentSettings;
import no.tilfrisk.person.PersonSummarySource;
import no.tilfrisk.person.QuickAction;
import no.tilfrisk.person.SummaryItem;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The latest measurement at the top of the person's page (which instrument, when, its score; never the answers),
 * and «Ny måling» where the organisation has an instrument to use. One query over the person's responses
 * ({@code outcome_response_person_idx}). Everyone who may open a person's page may read and enter their
 * measurements ({@code OutcomeAccess.requirePerson}).
 */
@Component
class OutcomeSummary implements PersonSummarySource {

    private final JdbcClient db;
    private final InstrumentSettings settings;

    OutcomeSummary(JdbcClient db, InstrumentSettings settings) {
        this.db = db;
        this.settings = settings;
    }

    record Latest(String instrumentId, LocalDate answeredOn, Integer score) {
    }

    @Override
    public List<SummaryItem> summaryFor(UUID personId) {
        String outcomes = "/persons/" + personId + "/outcomes";
        return List.of(db.sql("""
                        SELECT instrument_id, answered_on, score FROM outcome_response
                         WHERE person_id = ? AND organisation_id = ?
                         ORDER BY answered_on DESC, created_at DESC LIMIT 1""")
                .params(personId, Tenancy.requireOrganisationId()).query(Latest.class).optional()
                .map(l -> {
                    var instrument = new DefaultMessageSourceResolvable(
                            new String[] {"timeline.detail.outcome." + l.instrumentId()}, l.instrumentId());
                    return l.score() == null
                            ? new SummaryItem(30, "summary.outcome", "summary.outcome.noScore",
                                    List.of(instrument, l.answeredOn()), outcomes + "#responses", false)
                            : new SummaryItem(30, "summary.outcome", "summary.outcome.score",
                                    List.of(instrument, l.answeredOn(), l.score()), outcomes + "#responses", false);
                })
                .orElseGet(() -> new SummaryItem(30, "summary.outcome", "summary.outcome.none", List.of(), outcomes,
                        false)));
    }

    @Override
    public List<QuickAction> actionsFor(UUID personId) {
        return settings.available().isEmpty() ? List.of()
                : List.of(new QuickAction(30, "summary.action.outcome", List.of(), "/persons/" + personId + "/outcomes#due"));
    }
}
