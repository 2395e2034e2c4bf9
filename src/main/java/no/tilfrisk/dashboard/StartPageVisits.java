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
     */
    @Transactional
    Instant visit(UUID userId) {
        Instant now = Instant.now(clock);
        record Visit(Timestamp lastVisitAt, Timestamp previousVisitAt) {
        }
        Visit before = db.sql("SELECT last_visit_at, previous_visit_at FROM start_page_visit WHERE user_id = ? FOR UPDATE")
                .param(userId).query(Visit.class).optional().orElse(null);
        if (before == null) {
            db.sql("""
                            INSERT INTO start_page_visit (user_id, organisation_id, last_visit_at) VALUES (?, ?, ?)
                            ON CONFLICT (user_id) DO NOTHING""")
                    .params(userId, Tenancy.requireOrganisationId(), now.atOffset(ZoneOffset.UTC)).update();
            return null;
        }
        Instant last = before.lastVisitAt().toInstant();
        Instant previous = before.previousVisitAt() == null ? null : before.previousVisitAt().toInstant();
        boolean sameSitting = !now.isAfter(last.plus(SITTING));
        Instant seen = sameSitting ? previous : last;
        if (now.isAfter(last)) {
            db.sql("UPDATE start_page_visit SET last_visit_at = ?, previous_visit_at = ? WHERE user_id = ?")
                    .params(now.atOffset(ZoneOffset.UTC), seen == null ? null : seen.atOffset(ZoneOffset.UTC), userId)
                    .update();
        }
        return seen;
    }
}
