package no.tilfrisk.volunteer;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.platform.web.NotFoundException;
import no.tilfrisk.volunteer.internal.VolunteerAccess;
import no.tilfrisk.volunteer.matching.Wish;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The participant's side on «Min side»: their open matches with the volunteer's name and presentation, their yes
 * to a proposal, and ending a match at any time without giving a reason.
 */
@Service
@PreAuthorize("hasRole('PARTICIPANT')")
public class ParticipantMatches {

    /** A match as the participant sees it. */
    public record MyMatch(UUID matchId, String volunteerName, String presentation, Wish helpKind, MatchState state) {
    }

    private final MatchRecords records;
    private final VolunteerRecords volunteers;
    private final MatchMoves moves;
    private final VolunteerAccess access;
    private final PersonLookup persons;
    private final AuditTrail audit;

    ParticipantMatches(MatchRecords records, VolunteerRecords volunteers, MatchMoves moves, VolunteerAccess access,
                       PersonLookup persons, AuditTrail audit) {
        this.records = records;
        this.volunteers = volunteers;
        this.moves = moves;
        this.access = access;
        this.persons = persons;
        this.audit = audit;
    }

    @Transactional
    public List<MyMatch> mine() {
        UUID me = access.myPerson();
        List<Match> open = records.ofParticipant(me).stream().filter(m -> m.state().open()).toList();
        Map<UUID, PersonLookup.PersonName> names = persons.names(open.stream().map(Match::volunteerId).toList());
        audit.record(me, AuditAction.READ, "volunteer.match.self");
        return open.stream().map(m -> new MyMatch(m.id(),
                names.containsKey(m.volunteerId()) ? names.get(m.volunteerId()).displayName() : "",
                volunteers.profile(m.volunteerId()).map(VolunteerProfile::presentation).orElse(null),
                m.helpKind(), m.state())).toList();
    }

    @Transactional
    public MatchState accept(UUID matchId) {
        return moves.move(mine(matchId), MatchAction.ACCEPT_FOR_PARTICIPANT, Actor.PARTICIPANT, null);
    }

    /** Ends the match; no reason is asked. */
    @Transactional
    public MatchState end(UUID matchId) {
        return moves.move(mine(matchId), MatchAction.END, Actor.PARTICIPANT, null);
    }

    private Match mine(UUID matchId) {
        UUID me = access.myPerson();
        return records.find(matchId).filter(m -> m.participantId().equals(me))
                .orElseThrow(() -> new NotFoundException("Match"));
    }
}
