package no.tilfrisk.volunteer;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.volunteer.internal.VolunteerAccess;
import org.springframework.stereotype.Component;

/**
 * One move of a match through {@link MatchLifecycle}, written with who did it and when, and audited for both
 * persons. The callers have checked that the caller may act on the match and on whose behalf.
 */
@Component
class MatchMoves {

    private final MatchRecords records;
    private final AuditTrail audit;
    private final Clock clock;

    MatchMoves(MatchRecords records, AuditTrail audit, Clock clock) {
        this.records = records;
        this.audit = audit;
        this.clock = clock;
    }

    MatchState move(Match m, MatchAction action, Actor actor, EndReason reason) {
        return move(m, action, actor, reason, null);
    }

    /**
     * A move staff record after the fact, on the day it happened ({@code on}; null: today): not after today, not
     * before the proposal, and an end not before the start.
     */
    MatchState move(Match m, MatchAction action, Actor actor, EndReason reason, LocalDate on) {
        MatchLifecycle.Outcome to = MatchLifecycle.next(m.state(), action, actor, reason);
        LocalDate today = LocalDate.now(clock);
        LocalDate day = on == null ? today : on;
        if (day.isAfter(today) || day.isBefore(m.proposedOn())
                || m.startedOn() != null && day.isBefore(m.startedOn())) {
            throw new InvalidInputException("on", "volunteer.match.on.range");
        }
        if (!records.move(m, action, to, day)) {
            // someone else moved it first: the state the caller saw is gone
            throw new InvalidInputException("state", "volunteer.match.transition.refused");
        }
        records.event(m.id(), m.state(), to.state(), to.reason(), actor, VolunteerAccess.me());
        audit.recordEach(List.of(m.participantId(), m.volunteerId()), AuditAction.UPDATE,
                "volunteer.match." + action.name().toLowerCase());
        return to.state();
    }
}
