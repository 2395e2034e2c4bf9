package no.tilfrisk.dashboard;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When each user last came to the start page (V15.1), so «Mine oppgaver» can mark what is new since. Visits less
 * than {@link #SITTING} apart are one sitting: the marks stay while the user goes to a task and comes back, and are
 * gone at the next sitting.
 */
@Service
class StartPageVisits {

    static final Duration SITTING = Duration.ofMinutes(30);

    private final JdbcClient db;
    private final Clock clock;

    StartPageVisits(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Records this visit and returns the moment before which tasks are not new to the user: the start of their
     * previous sitting's last visit, or null on their first visit ever (nothing is marked then).
     * <p>
     * Its own transaction of one statement, so the user's row is locked only for that statement and its commit: in
     * the transaction of the tasks, the lock was held while the audit rows waited for the organisation's chain, and
     * the same user's start pages (tabs, or a load test's 32 sessions on two nodes) queued behind each other. The
     * commit does not wait for the disk: a visit time lost in a crash only marks a task «Ny» once more.
     */
    @Transactional
    Instant visit(UUID userId) {
        db.sql("SET LOCAL synchronous_commit TO OFF").update();
        // in the same sitting the mark stays as it was; in a new one it moves to the last visit of the one before
        Timestamp seen = db.sql("""
                        INSERT INTO start_page_visit AS v (user_id, organisation_id, last_visit_at)
                        VALUES (:user, :organisation, :now)
                        ON CONFLICT (user_id) DO UPDATE SET
                            previous_visit_at = CASE WHEN :now > v.last_visit_at + make_interval(secs => :sitting)
                                                     THEN v.last_visit_at ELSE v.previous_visit_at END,
                            last_visit_at = GREATEST(v.last_visit_at, :now)
                        RETURNING previous_visit_at""")
                .param("user", userId).param("organisation", Tenancy.requireOrganisationId())
                .param("now", Instant.now(clock).atOffset(ZoneOffset.UTC)).param("sitting", SITTING.toSeconds())
                .query(Timestamp.class).optional().orElse(null);
        return seen == null ? null : seen.toInstant();
    }
}
