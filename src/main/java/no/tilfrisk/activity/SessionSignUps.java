package no.tilfrisk.activity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.account.UserAccounts;
import no.tilfrisk.activity.internal.ActivityAccess;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A participant's sign-ups on «Min side»: the coming sessions of the activities they take part in, and «I am
 * coming». Only for the participant's own person; the person is never taken from a request, but from the account.
 * A sign-up is not attendance: the roll call shows who signed up, and records who came.
 */
@Service
public class SessionSignUps {

    /** How far back attendance makes an activity «one of mine», and how far ahead sessions are offered. */
    static final int TAKES_PART_DAYS = 365;
    public static final int AHEAD_DAYS = 28;

    public record ComingSession(UUID sessionId, String activityName, LocalDate date, LocalTime startTime,
                                LocalTime endTime, boolean cancelled, boolean signedUp) {
    }

    private final JdbcClient db;
    private final UserAccounts users;
    private final AuditTrail audit;
    private final Clock clock;

    SessionSignUps(JdbcClient db, UserAccounts users, AuditTrail audit, Clock clock) {
        this.clock = clock;
        this.db = db;
        this.users = users;
        this.audit = audit;
    }

    /**
     * The next four weeks' sessions of the activities the signed-in participant came to in the last year, or
     * signed up for, soonest first, with whether they are signed up.
     */
    @PreAuthorize("hasRole('PARTICIPANT')")
    @Transactional
    public List<ComingSession> coming() {
        UUID me = myPerson();
        List<ComingSession> sessions = comingFor(me);
        audit.record(me, AuditAction.READ, "activity.signup");
        return sessions;
    }

    private List<ComingSession> comingFor(UUID me) {
        LocalDate today = LocalDate.now(clock);
        return db.sql("""
                        WITH mine AS (
                            SELECT s.activity_id FROM attendance t JOIN activity_session s ON s.id = t.session_id
                             WHERE t.person_id = :person AND s.date >= :since
                            UNION
                            SELECT s.activity_id FROM session_signup u JOIN activity_session s ON s.id = u.session_id
                             WHERE u.person_id = :person)
                        SELECT s.id AS session_id, a.name AS activity_name, s.date, s.start_time, s.end_time,
                               s.cancelled_at IS NOT NULL AS cancelled,
                               EXISTS (SELECT 1 FROM session_signup u
                                        WHERE u.session_id = s.id AND u.person_id = :person) AS signed_up
                          FROM activity_session s JOIN activity a ON a.id = s.activity_id
                         WHERE s.activity_id IN (SELECT activity_id FROM mine) AND a.archived_at IS NULL
                           AND s.organisation_id = :org AND s.date BETWEEN :today AND :until
                         ORDER BY s.date, s.start_time, a.name""")
                .param("person", me).param("org", Tenancy.requireOrganisationId())
                .param("since", today.minusDays(TAKES_PART_DAYS)).param("today", today)
                .param("until", today.plusDays(AHEAD_DAYS))
                .query(ComingSession.class).list();
    }

    /**
     * Signs the participant up for, or off, one of their coming sessions. Idempotent; a session that is not among
     * theirs (another activity, past, cancelled, unknown) is not found.
     */
    @PreAuthorize("hasRole('PARTICIPANT')")
    @Transactional
    public void signUp(UUID sessionId, boolean coming) {
        UUID me = myPerson();
        ComingSession session = comingFor(me).stream().filter(s -> s.sessionId().equals(sessionId)).findFirst()
                .orElseThrow(() -> new NotFoundException("session"));
        if (coming && session.cancelled()) {
            throw new NotFoundException("session");
        }
        int changed = coming
                ? db.sql("""
                        INSERT INTO session_signup (session_id, person_id, organisation_id) VALUES (?, ?, ?)
                        ON CONFLICT DO NOTHING""")
                .params(sessionId, me, Tenancy.requireOrganisationId()).update()
                : db.sql("DELETE FROM session_signup WHERE session_id = ? AND person_id = ?")
                .params(sessionId, me).update();
        if (changed > 0) {
            audit.record(me, coming ? AuditAction.CREATE : AuditAction.UPDATE,
                    "activity.signup:" + sessionId + (coming ? "" : ":removed"));
        }
    }

    private UUID myPerson() {
        return users.personOf(ActivityAccess.caller().userId())
                .orElseThrow(() -> new AccessDeniedException("No person linked to this account"));
    }
}
