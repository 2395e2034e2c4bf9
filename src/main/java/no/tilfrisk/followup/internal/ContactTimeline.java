package no.tilfrisk.followup.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.followup.ContactType;
import no.tilfrisk.person.TimelineEntry;
import no.tilfrisk.person.TimelineSource;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Contacts on the person's timeline: when and what kind, never the note nor who took part. The person module asks
 * within the reader's access to the person and records that reading.
 */
@Component
class ContactTimeline implements TimelineSource {

    private final JdbcClient db;

    ContactTimeline(JdbcClient db) {
        this.db = db;
    }

    @Override
    public List<TimelineEntry> entriesFor(UUID personId) {
        return db.sql("""
                        SELECT occurred_at, type, escort_kind FROM contact
                         WHERE person_id = ? AND organisation_id = ? AND voided_at IS NULL
                         ORDER BY occurred_at DESC LIMIT 500""")
                .params(personId, Tenancy.requireOrganisationId())
                .query((rs, i) -> new TimelineEntry(rs.getObject(1, OffsetDateTime.class).toInstant(), "timeline.contact",
                        detail(ContactType.valueOf(rs.getString(2)), rs.getString(3))))
                .list();
    }

    /** Names a message {@code timeline.detail.contact.…}, so the page shows the kind in the reader's language. */
    private static String detail(ContactType type, String escortKind) {
        return "contact." + type.name() + (escortKind == null ? "" : "." + escortKind);
    }
}
