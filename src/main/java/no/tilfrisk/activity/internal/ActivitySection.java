package no.tilfrisk.activity.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.activity.DistributionKind;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.person.PersonDataSection;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The person's part in the activities, in their export: every session they came to (the timeline shows the latest
 * 500), the sessions they signed up for on «Min side», and what was handed to them. Read in the export's
 * transaction, with the export's check that the caller may see the person.
 */
@Configuration(proxyBeanMethods = false)
class ActivitySection {

    /** A session the person came to or signed up for; {@code signedUpAt} is null for attendance. */
    record SessionEntry(LocalDate date, String activity, Instant signedUpAt) {
    }

    /** Something handed to the person. */
    record Received(LocalDate date, DistributionKind kind, int count) {
    }

    record ActivityData(List<SessionEntry> attended, List<SessionEntry> signedUp, List<Received> received) {
    }

    private final JdbcClient db;
    private final PersonLookup persons;
    private final AuditTrail audit;

    ActivitySection(JdbcClient db, PersonLookup persons, AuditTrail audit) {
        this.db = db;
        this.persons = persons;
        this.audit = audit;
    }

    @Bean
    @Order(40)
    PersonDataSection activitiesInTheExport() {
        return new PersonDataSection("activities", this::read, "activity/export :: activities");
    }

    private ActivityData read(UUID personId) {
        persons.requireVisible(personId);
        UUID org = Tenancy.requireOrganisationId();
        List<SessionEntry> attended = db.sql("""
                        SELECT s.date, a.name AS activity, NULL::timestamptz AS signed_up_at
                          FROM attendance t JOIN activity_session s ON s.id = t.session_id JOIN activity a ON a.id = s.activity_id
                         WHERE t.person_id = ? AND t.organisation_id = ? ORDER BY s.date, s.start_time, a.name""")
                .params(personId, org).query(SessionEntry.class).list();
        List<SessionEntry> signedUp = db.sql("""
                        SELECT s.date, a.name AS activity, u.signed_up_at
                          FROM session_signup u JOIN activity_session s ON s.id = u.session_id JOIN activity a ON a.id = s.activity_id
                         WHERE u.person_id = ? AND u.organisation_id = ? ORDER BY s.date, s.start_time, a.name""")
                .params(personId, org).query(SessionEntry.class).list();
        List<Received> received = db.sql("""
                        SELECT date, kind, count FROM distribution WHERE recipient_id = ? AND organisation_id = ?
                         ORDER BY date, kind""")
                .params(personId, org).query(Received.class).list();
        audit.record(personId, AuditAction.READ, "activity.all");
        return new ActivityData(attended, signedUp, received);
    }
}
