package no.tilfrisk.volunteer;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.person.ConsentForm;
import no.tilfrisk.person.ConsentMethod;
import no.tilfrisk.person.Consents;
import no.tilfrisk.plan.Plans;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import no.tilfrisk.volunteer.internal.VolunteerAccess;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a participant shares with the volunteer of a match, recorded by staff: their consent, which names that
 * volunteer, and the open goals of their plan they chose to share. Staff reach a match through its participant, as
 * in {@link Matches}. The participant does the same on «Min side» through {@link ParticipantMatches}.
 */
@Service
@PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
public class MatchSharing {

    private final MatchRecords records;
    private final VolunteerAccess access;
    private final Plans plans;
    private final Consents consents;
    private final AuditTrail audit;

    MatchSharing(MatchRecords records, VolunteerAccess access, Plans plans, Consents consents, AuditTrail audit) {
        this.records = records;
        this.access = access;
        this.plans = plans;
        this.consents = consents;
        this.audit = audit;
    }

    /**
     * Records the participant's consent to share with the volunteer of this open match, by name (a yes in force
     * already changes nothing). Withdrawing it is done on the participant's page, with their other consents.
     */
    @Transactional
    public void recordConsent(UUID matchId, ConsentMethod method) {
        Match m = open(matchId);
        if (method == null) {
            throw new InvalidInputException("method", "consent.method.required");
        }
        consents.give(m.participantId(), ConsentForm.shareWithVolunteer(method, m.volunteerId()));
    }

    /** The participant's open plan goals, to choose those shared with a volunteer (the plan's read is audited). */
    @Transactional
    public List<GoalChoice> openGoals(UUID personId) {
        access.requireStaffSees(personId);
        return GoalChoice.of(plans.plan(personId), Set.of());
    }

    /**
     * The goals the participant shares with the match's volunteer become exactly these, each an open goal of their
     * plan (any other is a message on {@code goalIds}); the volunteer sees them in the participant's words.
     */
    @Transactional
    public void shareGoals(UUID matchId, List<UUID> goalIds) {
        Match m = open(matchId);
        records.replaceGoals(matchId, GoalChoice.check(plans.plan(m.participantId()), goalIds, "goalIds"),
                VolunteerAccess.me());
        audit.record(m.participantId(), AuditAction.UPDATE, "volunteer.match.goals");
    }

    private Match open(UUID matchId) {
        Match m = records.find(matchId).orElseThrow(() -> new NotFoundException("Match"));
        access.requireStaffSees(m.participantId());
        if (!m.state().open()) {
            throw new InvalidInputException("state", "volunteer.match.transition.refused");
        }
        return m;
    }
}
