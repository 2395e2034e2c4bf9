package no.tilfrisk.volunteer;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.person.ConsentCheck;
import no.tilfrisk.person.Consents;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.plan.MyPlan;
import no.tilfrisk.plan.Plan;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import no.tilfrisk.volunteer.internal.VolunteerAccess;
import no.tilfrisk.volunteer.matching.Wish;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The participant's side on «Min side»: their open matches with the volunteer's name and presentation, their yes
 * to a proposal (with their consent to share with that volunteer, by name), giving or withdrawing that consent
 * later, and ending a match at any time without giving a reason.
 */
@Service
@PreAuthorize("hasRole('PARTICIPANT')")
public class ParticipantMatches {

    /** A match as the participant sees it. */
    public record MyMatch(UUID matchId, String volunteerName, String presentation, Wish helpKind, MatchState state,
                          boolean shared, List<GoalChoice> goals) {
    }

    private final MatchRecords records;
    private final VolunteerRecords volunteers;
    private final MatchMoves moves;
    private final VolunteerAccess access;
    private final PersonLookup persons;
    private final MyPlan plan;
    private final Consents consents;
    private final ConsentCheck consent;
    private final AuditTrail audit;

    ParticipantMatches(MatchRecords records, VolunteerRecords volunteers, MatchMoves moves, VolunteerAccess access,
                       PersonLookup persons, MyPlan plan, Consents consents, ConsentCheck consent, AuditTrail audit) {
        this.plan = plan;
        this.records = records;
        this.volunteers = volunteers;
        this.moves = moves;
        this.access = access;
        this.persons = persons;
        this.consents = consents;
        this.consent = consent;
        this.audit = audit;
    }

    @Transactional
    public List<MyMatch> mine() {
        UUID me = access.myPerson();
        List<Match> open = records.ofParticipant(me).stream().filter(m -> m.state().open()).toList();
        Map<UUID, PersonLookup.PersonName> names = persons.names(open.stream().map(Match::volunteerId).toList());
        audit.record(me, AuditAction.READ, "volunteer.match.self");
        Optional<Plan> myPlan = open.isEmpty() ? Optional.empty() : plan.plan();
        return open.stream().map(m -> new MyMatch(m.id(),
                names.containsKey(m.volunteerId()) ? names.get(m.volunteerId()).displayName() : "",
                volunteers.profile(m.volunteerId()).map(VolunteerProfile::presentation).orElse(null),
                m.helpKind(), m.state(), consent.sharesWithVolunteer(me, m.volunteerId()),
                myPlan.map(p -> GoalChoice.of(p, records.goalIds(m.id()))).orElse(List.of()))).toList();
    }

    /**
     * The participant's yes; with {@code share}, in the same transaction, their consent to share name, phone and the
     * goals they choose with this volunteer, by name.
     */
    @Transactional
    public MatchState accept(UUID matchId, boolean share) {
        Match m = mine(matchId);
        MatchState to = moves.move(m, MatchAction.ACCEPT_FOR_PARTICIPANT, Actor.PARTICIPANT, null);
        if (share) {
            consents.shareWithVolunteerAsSelf(m.participantId(), m.volunteerId());
        }
        return to;
    }

    /** Consents to share with the volunteer of this open match (a yes in force already changes nothing). */
    @Transactional
    public void share(UUID matchId) {
        Match m = open(matchId);
        consents.shareWithVolunteerAsSelf(m.participantId(), m.volunteerId());
    }

    /**
     * The goals of their plan the participant shares with this open match's volunteer become exactly these, each one
     * of their open goals (any other is a message on {@code goalIds}).
     */
    @Transactional
    public void shareGoals(UUID matchId, List<UUID> goalIds) {
        Match m = open(matchId);
        Plan mine = plan.plan().orElseThrow(() -> new NotFoundException("Plan"));
        records.replaceGoals(matchId, GoalChoice.check(mine, goalIds, "goalIds"), VolunteerAccess.me());
        audit.record(m.participantId(), AuditAction.UPDATE, "volunteer.match.goals");
    }

    /** Withdraws the consent to share with this match's volunteer: they no longer see the participant, at once. */
    @Transactional
    public void stopSharing(UUID matchId) {
        Match m = mine(matchId);
        consents.stopSharingWithVolunteerAsSelf(m.participantId(), m.volunteerId());
    }

    /** Ends the match; no reason is asked. */
    @Transactional
    public MatchState end(UUID matchId) {
        return moves.move(mine(matchId), MatchAction.END, Actor.PARTICIPANT, null);
    }

    private Match open(UUID matchId) {
        Match m = mine(matchId);
        if (!m.state().open()) {
            throw new InvalidInputException("state", "volunteer.match.transition.refused");
        }
        return m;
    }

    private Match mine(UUID matchId) {
        UUID me = access.myPerson();
        return records.find(matchId).filter(m -> m.participantId().equals(me))
                .orElseThrow(() -> new NotFoundException("Match"));
    }
}
