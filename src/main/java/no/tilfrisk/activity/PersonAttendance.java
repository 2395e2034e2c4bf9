package no.tilfrisk.activity;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sessions one person was marked present at, oldest first, for a portable record of the person (the FHIR
 * export): what, when and where, never who else came.
 */
@Service
@PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
public class PersonAttendance {

    /** One session the person came to. */
    public record Attended(UUID sessionId, UUID activityId, String activity, LocalDate date, LocalTime startTime,
                           LocalTime endTime, String place) {
    }

    private final JdbcClient db;
    private final PersonLookup persons;
    private final AuditTrail audit;

    PersonAttendance(JdbcClient db, PersonLookup persons, AuditTrail audit) {
        this.db = db;
        this.persons = persons;
        this.audit = audit;
    }

    @Transactional
    public List<Attended> of(UUID personId) {
        persons.requireVisible(personId);
        List<Attended> attended = db.sql("""
                        SELECT s.id AS session_id, a.id AS activity_id, a.name AS activity, s.date, s.start_time,
                               s.end_time, s.place
                          FROM attendance t JOIN activity_session s ON s.id = t.session_id
                          JOIN activity a ON a.id = s.activity_id
                         WHERE t.person_id = ? AND t.organisation_id = ? ORDER BY s.date, s.start_time, a.name""")
                .params(personId, Tenancy.requireOrganisationId()).query(Attended.class).list();
        audit.record(personId, AuditAction.READ, "activity.attendance.person");
        return attended;
    }
}
