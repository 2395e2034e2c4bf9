package no.tilfrisk.activity.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.person.TimelineEntry;
import no.tilfrisk.person.TimelineSource;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A person's attendance at sessions, and what was handed to them, on their timeline. */
@Component
class AttendanceTimeline implements TimelineSource {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    private final JdbcClient db;

    AttendanceTimeline(JdbcClient db) {
        this.db = db;
    }

    @Override
    public List<TimelineEntry> entriesFor(UUID personId) {
        return db.sql("""
                        SELECT s.date, s.start_time, a.name, 'timeline.attended' AS key
                          FROM attendance t JOIN activity_session s ON s.id = t.session_id JOIN activity a ON a.id = s.activity_id
                         WHERE t.person_id = :person AND t.organisation_id = :org AND s.cancelled_at IS NULL
                        UNION ALL
                        SELECT d.date, NULL, d.kind, 'timeline.received' FROM distribution d
                         WHERE d.recipient_id = :person AND d.organisation_id = :org
                         ORDER BY 1 DESC, 2 DESC NULLS LAST LIMIT 500""")
                .param("person", personId).param("org", Tenancy.requireOrganisationId())
                .query((rs, i) -> {
                    LocalTime time = rs.getObject("start_time", LocalTime.class);
                    return new TimelineEntry(rs.getObject("date", LocalDate.class)
                            .atTime(time == null ? LocalTime.NOON : time).atZone(OSLO).toInstant(),
                            rs.getString("key"), rs.getString("name"));
                }).list();
    }
}
