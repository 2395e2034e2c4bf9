package no.tilfrisk.outcome.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.person.TimelineEntry;
import no.tilfrisk.person.TimelineSource;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.Dates;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Responses on the person's timeline: which instrument and when, never the answers nor the score. */
@Component
class OutcomeTimeline implements TimelineSource {

    private final JdbcClient db;

    OutcomeTimeline(JdbcClient db) {
        this.db = db;
    }

    @Override
    public List<TimelineEntry> entriesFor(UUID personId) {
        return db.sql("""
                        SELECT answered_on, instrument_id FROM outcome_response
                         WHERE person_id = ? AND organisation_id = ?
                         ORDER BY answered_on DESC, created_at DESC LIMIT 500""")
                .params(personId, Tenancy.requireOrganisationId())
                .query((rs, i) -> new TimelineEntry(rs.getObject(1, LocalDate.class).atStartOfDay(Dates.OSLO).toInstant(),
                        "timeline.outcome", "outcome." + rs.getString(2)))
                .list();
    }
}
