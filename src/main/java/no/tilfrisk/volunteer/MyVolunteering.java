package no.tilfrisk.volunteer;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.person.ConsentCheck;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.person.PersonLookup.PersonCard;
import no.tilfrisk.plan.SharedGoals;
import no.tilfrisk.platform.web.NotFoundException;
import no.tilfrisk.volunteer.internal.VolunteerAccess;
import no.tilfrisk.volunteer.matching.Wish;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The volunteer's own side, and nothing more: the participants of their running (active or paused) matches who
 * consent to share with them by name, with only display name, phone and the goals they chose to share; the
 * proposals waiting for their yes (the kind of help only); their meetings; their screening. The consent must name
 * this volunteer (one naming another volunteer does not count); it is read on every call, so a withdrawal hides the
 * participant at once, as does the end of the match.
 */
@Service
@PreAuthorize("hasRole('VOLUNTEER')")
public class MyVolunteering {

    /** What a participant shares with their volunteer. */
    public record SharedParticipant(UUID matchId, String displayName, String phone, List<String> goals,
                                    Wish helpKind, MatchState state, LocalDate startedOn) {
    }

    /** A proposal waiting for the volunteer's yes: no name until both have said yes. */
    public record Proposed(UUID matchId, Wish helpKind, LocalDate proposedOn, MatchState state) {
    }

    private final MatchRecords records;
    private final VolunteerRecords volunteers;
    private final MatchMoves moves;
    private final VolunteerAccess access;
    private final PersonLookup persons;
    private final ConsentCheck consent;
    private final SharedGoals goals;
    private final AuditTrail audit;
    private final Clock clock;

    MyVolunteering(MatchRecords records, VolunteerRecords volunteers, MatchMoves moves, VolunteerAccess access,
                   PersonLookup persons, ConsentCheck consent, SharedGoals goals, AuditTrail audit, Clock clock) {
        this.goals = goals;
        this.records = records;
        this.volunteers = volunteers;
        this.moves = moves;
        this.access = access;
        this.persons = persons;
        this.consent = consent;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public List<SharedParticipant> participants() {
        List<Match> shown = records.ofVolunteer(access.myPerson()).stream().filter(this::shared).toList();
        Map<UUID, PersonCard> cards = persons.cards(shown.stream().map(Match::participantId).toList());
        List<SharedParticipant> list = shown.stream().filter(m -> cards.containsKey(m.participantId()))
                .map(m -> shared(m, cards.get(m.participantId()))).toList();
        audit.recordEach(shown.stream().map(Match::participantId).toList(), AuditAction.READ, "volunteer.shared");
        return list;
    }

    /** One of the volunteer's participants, or «not found». */
    @Transactional
    public SharedParticipant participant(UUID matchId) {
        Match m = mine(matchId);
        if (!shared(m)) {
            throw new NotFoundException("Match");
        }
        PersonCard card = persons.cards(List.of(m.participantId())).get(m.participantId());
        if (card == null) {
            throw new NotFoundException("Match");
        }
        audit.record(m.participantId(), AuditAction.READ, "volunteer.shared");
        return shared(m, card);
    }

    @Transactional(readOnly = true)
    public List<Proposed> proposals() {
        return records.ofVolunteer(access.myPerson()).stream()
                .filter(m -> m.state() == MatchState.PROPOSED || m.state() == MatchState.ACCEPTED_BY_PARTICIPANT)
                .map(m -> new Proposed(m.id(), m.helpKind(), m.proposedOn(), m.state())).toList();
    }

    /** The volunteer's yes to a proposal; a second yes is a message, not a change. */
    @Transactional
    public MatchState accept(UUID matchId) {
        return moves.move(mine(matchId), MatchAction.ACCEPT_FOR_VOLUNTEER, Actor.VOLUNTEER, null);
    }

    /** The volunteer stops: the match ends with «volunteer stopped», and the participant is gone from their list. */
    @Transactional
    public MatchState end(UUID matchId) {
        return moves.move(mine(matchId), MatchAction.END, Actor.VOLUNTEER, null);
    }

    /** The volunteer's meetings with this participant, newest first (the participant's reading is audited). */
    @Transactional
    public List<Meeting> meetings(UUID matchId) {
        participant(matchId);
        return records.meetings(matchId);
    }

    /**
     * Logs a meeting under the form's id (a double submit logs one). Hours from above 0 to 24, a date neither in the
     * future nor before the match started, and only while the match is active; each broken rule is a message on its
     * field and nothing is saved.
     */
    @Transactional
    public UUID logMeeting(UUID id, UUID matchId, MeetingForm form) {
        SharedParticipant p = participant(matchId);
        if (records.meetingExists(id)) {
            return id;
        }
        String note = MeetingRules.check(form, p.state(), p.startedOn(), LocalDate.now(clock));
        if (!records.insertMeeting(id, matchId, form, note, VolunteerAccess.me())) {
            throw new NotFoundException("Meeting"); // the id is taken in another organisation
        }
        audit.record(mine(matchId).participantId(), AuditAction.CREATE, "volunteer.meeting");
        return id;
    }

    /** The volunteer's own screening as it stands today. */
    @Transactional(readOnly = true)
    public Screening.Status screening() {
        UUID me = access.myPerson();
        return volunteers.screening(me).status(LocalDate.now(clock), volunteers.policeCertificateYears());
    }

    private Match mine(UUID matchId) {
        UUID me = access.myPerson();
        return records.find(matchId).filter(m -> m.volunteerId().equals(me))
                .orElseThrow(() -> new NotFoundException("Match"));
    }

    /** Running, and the participant consents now to share with this volunteer, by name. */
    private boolean shared(Match m) {
        return m.state().running() && consent.sharesWithVolunteer(m.participantId(), m.volunteerId());
    }

    /** Only the goals the participant chose for this match, still open, in their words: nothing else of the plan. */
    private SharedParticipant shared(Match m, PersonCard card) {
        List<String> texts = goals.open(m.participantId(), records.goalIds(m.id())).stream()
                .map(SharedGoals.SharedGoal::text).toList();
        return new SharedParticipant(m.id(), card.displayName(), card.phone(), texts, m.helpKind(), m.state(),
                m.startedOn());
    }
}
