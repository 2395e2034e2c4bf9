package no.tilfrisk.plan.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.person.TimelineEntry;
import no.tilfrisk.person.TimelineSource;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.Dates;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Mappings and plan changes on the person's timeline: when and what kind, never the words. The person module asks
 * within the reader's access to the person and records that reading.
 */
@Component
class PlanTimeline implements TimelineSource {

    private final JdbcClient db;

    PlanTimeline(JdbcClient db) {
        this.db = db;
    }

    @Override
    public List<TimelineEntry> entriesFor(UUID personId) {
        UUID org = Tenancy.requireOrganisationId();
        List<TimelineEntry> entries = new ArrayList<>(db.sql("""
                        SELECT mapped_on FROM plan_mapping WHERE person_id = ? AND organisation_id = ?
                         ORDER BY mapped_on DESC LIMIT 100""")
                .params(personId, org)
                .query((rs, i) -> new TimelineEntry(rs.getObject(1, LocalDate.class).atStartOfDay(Dates.OSLO).toInstant(),
                        "plan.timeline.mapping", null))
                .list());
        entries.addAll(db.sql("""
                        SELECT at, entity, field_group FROM plan_change WHERE person_id = ? AND organisation_id = ?
                         ORDER BY at DESC LIMIT 500""")
                .params(personId, org)
                .query((rs, i) -> new TimelineEntry(rs.getObject(1, OffsetDateTime.class).toInstant(),
                        "plan.timeline." + rs.getString(2) + "." + rs.getString(3), null))
                .list());
        return entries;
    }
}
