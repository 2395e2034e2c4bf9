package no.tilfrisk.activity.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.person.PersonSummarySource;
import no.tilfrisk.person.QuickAction;
import no.tilfrisk.person.SummaryItem;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * «Registrer oppmøte» at the top of a person's page: the roll call of today's sessions of the activities the person
 * has come to before or signed up for today, opened with the person searched for. Only sessions of departments whose
 * roll call the reader may take ({@link ActivityAccess#mayManage}), so the link never answers 403; none when there is
 * no such session today. One query: today's sessions of the organisation ({@code activity_session_date_idx}), each
 * checked against the person's attendance ({@code attendance_person_idx}).
 */
@Component
class AttendanceAction implements PersonSummarySource {

    private static final int AT_MOST = 2;

    private final JdbcClient db;
    private final PersonLookup persons;
    private final Clock clock;

    AttendanceAction(JdbcClient db, PersonLookup persons, Clock clock) {
        this.db = db;
        this.persons = persons;
        this.clock = clock;
    }

    record Today(UUID sessionId, String activityName) {
    }

    @Override
    public List<SummaryItem> summaryFor(UUID personId) {
        return List.of();
    }

    @Override
    public List<QuickAction> actionsFor(UUID personId) {
        UUID[] departments = ActivityAccess.visibleDepartments();
        if (!ActivityAccess.mayCountPersons() || (departments != null && departments.length == 0)) {
            return List.of();
        }
        List<Today> today = db.sql("""
                        SELECT s.id AS session_id, a.name AS activity_name
                          FROM activity_session s JOIN activity a ON a.id = s.activity_id
                         WHERE s.organisation_id = :org AND s.date = :today AND s.cancelled_at IS NULL
                           AND a.archived_at IS NULL
                           AND (CAST(:departments AS uuid[]) IS NULL OR a.department_id = ANY (CAST(:departments AS uuid[])))
                           AND (EXISTS (SELECT 1 FROM attendance t JOIN activity_session p ON p.id = t.session_id
                                         WHERE t.person_id = :person AND p.activity_id = a.id)
                                OR EXISTS (SELECT 1 FROM session_signup u WHERE u.session_id = s.id AND u.person_id = :person))
                         ORDER BY s.start_time NULLS FIRST, a.name LIMIT :limit""")
                .param("org", Tenancy.requireOrganisationId()).param("today", LocalDate.now(clock))
                .param("departments", departments).param("person", personId).param("limit", AT_MOST)
                .query(Today.class).list();
        if (today.isEmpty()) {
            return List.of();
        }
        var name = persons.names(List.of(personId)).get(personId);
        return today.stream().map(t -> new QuickAction(20, "summary.action.attendance", List.of(t.activityName()),
                UriComponentsBuilder.fromPath("/sessions/{id}/find").queryParam("q", name == null ? "" : name.displayName())
                        .buildAndExpand(t.sessionId()).encode().toUriString())).toList();
    }
}
