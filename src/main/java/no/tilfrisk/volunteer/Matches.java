package no.tilfrisk.volunteer;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.person.ConsentCheck;
import no.tilfrisk.person.ConsentForm;
import no.tilfrisk.person.ConsentMethod;
import no.tilfrisk.person.Consents;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.plan.Plans;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import no.tilfrisk.volunteer.internal.VolunteerAccess;
import no.tilfrisk.volunteer.matching.Candidate;
import no.tilfrisk.volunteer.matching.MatchScore;
import no.tilfrisk.volunteer.matching.Reason;
import no.tilfrisk.volunteer.matching.Seeker;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The coordinator's side of matches: propose (one, or many at once from the assignment), record the participant's
 * yes (with their consent to share with the volunteer by name) or the volunteer's yes, pause, resume, end with a reason, and the check-ins. A proposal is checked again here against
 * every hard rule (screening, capacity, preferences, relatives, an open match of the pair), whatever the page
 * showed. Staff reach a match through its participant (the person register's rule).
 */
@Service
@PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
public class Matches {

    /** A match as staff see it, with the names, its history, meetings and check-ins done. */
    public record MatchView(Match match, String participantName, String volunteerName, List<MatchEvent> events,
                            List<Meeting> meetings, List<String> checkInsDone, boolean shared,
                            List<GoalChoice> goals) {
    }

    private final MatchRecords records;
    private final MatchLoader loader;
    private final MatchMoves moves;
    private final VolunteerAccess access;
    private final PersonLookup persons;
    private final Plans plans;
    private final Consents consents;
    private final ConsentCheck consent;
    private final AuditTrail audit;
    private final Clock clock;

    Matches(MatchRecords records, MatchLoader loader, MatchMoves moves, VolunteerAccess access, PersonLookup persons,
            Plans plans, Consents consents, ConsentCheck consent, AuditTrail audit, Clock clock) {
        this.plans = plans;
        this.records = records;
        this.loader = loader;
        this.moves = moves;
        this.access = access;
        this.persons = persons;
        this.consents = consents;
        this.consent = consent;
        this.audit = audit;
        this.clock = clock;
    }

    /** A match whose participant the caller may see; any other is «not found». */
    @Transactional
    public MatchView get(UUID id) {
        Match m = require(id);
        Map<UUID, String> names = names(List.of(m.participantId(), m.volunteerId()));
        audit.recordEach(List.of(m.participantId(), m.volunteerId()), AuditAction.READ, "volunteer.match");
        return new MatchView(m, names.get(m.participantId()), names.get(m.volunteerId()), records.events(id),
                records.meetings(id), records.checkInsDone(id),
                consent.sharesWithVolunteer(m.participantId(), m.volunteerId()),
                GoalChoice.of(plans.plan(m.participantId()), records.goalIds(id)));
    }

    /** The participant's matches, newest first. */
    @Transactional
    public List<Match> ofParticipant(UUID personId) {
        access.requireStaffSees(personId);
        audit.record(personId, AuditAction.READ, "volunteer.match.list");
        return records.ofParticipant(personId);
    }

    /** The volunteer's matches whose participants the caller may see, newest first. */
    @Transactional
    public List<Match> ofVolunteer(UUID personId) {
        access.requireStaffSees(personId);
        Set<UUID> visible = persons.visiblePersonIds();
        audit.record(personId, AuditAction.READ, "volunteer.match.list");
        return records.ofVolunteer(personId).stream().filter(m -> visible.contains(m.participantId())).toList();
    }

    /**
     * Proposes a volunteer under the form's id, so a double submit proposes once. A participant the caller may not
     * see is «not found»; a volunteer they may not see, one not screened, at capacity, or forbidden by a hard rule
     * is a message on the volunteer field.
     */
    @Transactional
    public UUID propose(UUID id, ProposalForm form) {
        if (form.getParticipantId() == null) {
            throw new InvalidInputException("participantId", "volunteer.match.participant.required");
        }
        access.requireStaffSees(form.getParticipantId());
        if (records.exists(id)) {
            return require(id).id();
        }
        List<InvalidInputException> broken = new ArrayList<>();
        check(form, "", loader.candidates(persons.visiblePersonIds()), new HashMap<>(), broken);
        InvalidInputException.throwIfAny(broken);
        insert(id, form);
        return id;
    }

    /**
     * Proposes every row at once (the assignment the coordinator edited): each checked against the hard rules with
     * the load the rows before it add; one broken row saves nothing. Each row's id comes from the form's id and the
     * participant, so a double submit proposes nothing twice.
     */
    @Transactional
    public List<UUID> proposeAll(UUID formId, List<ProposalForm> rows) {
        List<Candidate> candidates = loader.candidates(persons.visiblePersonIds());
        Map<UUID, Integer> added = new HashMap<>();
        List<InvalidInputException> broken = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ProposalForm row = rows.get(i);
            if (row == null || row.getVolunteerId() == null) {
                continue; // a dropped row
            }
            access.requireStaffSees(row.getParticipantId());
            UUID id = UUID.nameUUIDFromBytes((formId + "/" + row.getParticipantId()).getBytes());
            ids.add(id);
            if (records.exists(id)) {
                continue;
            }
            check(row, "rows[" + i + "].", candidates, added, broken);
        }
        InvalidInputException.throwIfAny(broken);
        for (int i = 0; i < rows.size(); i++) {
            ProposalForm row = rows.get(i);
            if (row != null && row.getVolunteerId() != null) {
                UUID id = UUID.nameUUIDFromBytes((formId + "/" + row.getParticipantId()).getBytes());
                if (!records.exists(id)) {
                    insert(id, row);
                }
            }
        }
        return ids;
    }

    /** Records a move on behalf of the participant or volunteer (their yes, told to staff), or staff's own. */
    @Transactional
    public MatchState act(UUID id, MatchAction action, EndReason reason) {
        return act(id, action, reason, null);
    }

    /** As {@link #act(UUID, MatchAction, EndReason)}, recorded on the day it happened (null: today). */
    @Transactional
    public MatchState act(UUID id, MatchAction action, EndReason reason, LocalDate on) {
        return moves.move(require(id), action, Actor.STAFF, reason, on);
    }

    /**
     * Records the participant's yes told to staff (on the day it happened; null: today) and, when {@code shareMethod}
     * is given, in the same transaction their consent to share with this match's volunteer, by name, given so.
     */
    @Transactional
    public MatchState acceptForParticipant(UUID id, ConsentMethod shareMethod, LocalDate on) {
        Match m = require(id);
        MatchState to = moves.move(m, MatchAction.ACCEPT_FOR_PARTICIPANT, Actor.STAFF, null, on);
        if (shareMethod != null) {
            consents.give(m.participantId(), ConsentForm.shareWithVolunteer(shareMethod, m.volunteerId()));
        }
        return to;
    }

    /**
     * Records a meeting the volunteer told staff about, under the form's id (a double submit records one), by the
     * same rules as the volunteer's own form.
     */
    @Transactional
    public UUID recordMeeting(UUID id, UUID matchId, MeetingForm form) {
        Match m = require(matchId);
        if (records.meetingExists(id)) {
            return id;
        }
        String note = MeetingRules.check(form, m.state(), m.startedOn(), LocalDate.now(clock));
        if (!records.insertMeeting(id, matchId, form, note, VolunteerAccess.me())) {
            throw new NotFoundException("Meeting");
        }
        audit.record(m.participantId(), AuditAction.CREATE, "volunteer.meeting");
        return id;
    }

    /** Marks a check-in done; doing it again changes nothing. */
    @Transactional
    public void checkIn(UUID id, CheckIn step) {
        Match m = require(id);
        if (m.startedOn() == null || step == null) {
            throw new InvalidInputException("step", "volunteer.checkIn.notStarted");
        }
        records.checkIn(id, step, VolunteerAccess.me());
        audit.record(m.participantId(), AuditAction.UPDATE, "volunteer.match.checkIn");
    }

    /** Every open match whose participant the caller may see (for the check-ins and the API). */
    @Transactional(readOnly = true)
    public List<Match> open() {
        Set<UUID> visible = persons.visiblePersonIds();
        return records.open().stream().filter(m -> visible.contains(m.participantId())).toList();
    }

    /** A check-in due: the match, its participant's name, the step and its day. */
    public record CheckInDue(UUID matchId, String participantName, CheckIn step, LocalDate due) {
    }

    /**
     * The check-ins not yet done of running matches whose participant the caller may see, due on or before
     * {@code until}: for each match only the earliest step not done. Each participant shown is audited.
     */
    @Transactional
    public List<CheckInDue> checkInsDue(LocalDate until) {
        Map<UUID, Set<String>> done = records.checkInsDone();
        List<Match> running = open().stream().filter(m -> m.state().running() && m.startedOn() != null).toList();
        List<CheckInDue> due = new ArrayList<>();
        Map<UUID, String> names = names(running.stream().map(Match::participantId).toList());
        for (Match m : running) {
            for (CheckIn step : CheckIn.values()) {
                if (!done.getOrDefault(m.id(), Set.of()).contains(step.name())) {
                    LocalDate day = step.dueFrom(m.startedOn());
                    if (!day.isAfter(until) && names.containsKey(m.participantId())) {
                        due.add(new CheckInDue(m.id(), names.get(m.participantId()), step, day));
                    }
                    break;
                }
            }
        }
        audit.recordEach(due.stream().map(d -> running.stream().filter(m -> m.id().equals(d.matchId())).findFirst()
                .orElseThrow().participantId()).toList(), AuditAction.LIST, "volunteer.checkIn.tasks");
        return due;
    }

    /** Every open match whose participant the caller may see, for the API's list (audited as a list). */
    @Transactional
    public List<Match> list() {
        List<Match> open = open();
        audit.recordEach(open.stream().map(Match::participantId).toList(), AuditAction.LIST, "volunteer.match.list");
        return open;
    }

    /** Display names of these persons. */
    @Transactional(readOnly = true)
    public Map<UUID, String> names(List<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        persons.names(ids).forEach((id, p) -> names.put(id, p.displayName()));
        return names;
    }

    private void check(ProposalForm form, String prefix, List<Candidate> candidates, Map<UUID, Integer> added,
                       List<InvalidInputException> broken) {
        if (form.getHelpKind() == null) {
            broken.add(new InvalidInputException(prefix + "helpKind", "volunteer.match.helpKind.required"));
        }
        if (!form.getGoalIds().isEmpty()) {
            try {
                GoalChoice.check(plans.plan(form.getParticipantId()), form.getGoalIds(), prefix + "goalIds");
            } catch (InvalidInputException e) {
                broken.add(e);
            }
        }
        LocalDate today = LocalDate.now(clock);
        if (form.getProposedOn() != null
                && (form.getProposedOn().isAfter(today) || form.getProposedOn().isBefore(today.minusYears(2)))) {
            broken.add(new InvalidInputException(prefix + "proposedOn", "volunteer.match.on.range"));
        }
        Candidate c = candidates.stream().filter(x -> x.volunteerId().equals(form.getVolunteerId())).findFirst()
                .orElse(null);
        if (c == null) {
            broken.add(new InvalidInputException(prefix + "volunteerId", "volunteer.match.volunteer.unknown"));
            return;
        }
        int extra = added.getOrDefault(c.volunteerId(), 0);
        Candidate loaded = extra == 0 ? c : c.withMoreMatches(extra);
        Seeker seeker = seeker(form.getParticipantId());
        if (!loaded.screeningComplete()) {
            broken.add(new InvalidInputException(prefix + "volunteerId", "volunteer.match.screening"));
        } else if (loaded.activeMatches() >= loaded.capacity()) {
            broken.add(new InvalidInputException(prefix + "volunteerId", "volunteer.match.capacity"));
        } else {
            List<Reason> blockers = MatchScore.blockers(seeker, loaded);
            if (!blockers.isEmpty()) {
                Reason r = blockers.get(0);
                broken.add(new InvalidInputException(prefix + "volunteerId", r.messageKey(), r.args().toArray()));
            }
        }
        added.merge(c.volunteerId(), 1, Integer::sum);
    }

    /** The participant as the matcher sees them, from their wish (or none yet). */
    Seeker seeker(UUID personId) {
        VolunteerWish wish = records.wish(personId).orElse(new VolunteerWish(personId, Set.of(), null, List.of(),
                null, List.of(), true, false));
        return loader.seekers(List.of(wish)).stream().findFirst().orElseThrow(() -> new NotFoundException("Person"));
    }

    private void insert(UUID id, ProposalForm form) {
        if (!records.insert(id, form, form.getProposedOn() == null ? LocalDate.now(clock) : form.getProposedOn(),
                VolunteerAccess.me())) {
            throw new NotFoundException("Match"); // the id is another organisation's
        }
        if (!form.getGoalIds().isEmpty()) {
            records.replaceGoals(id, Set.copyOf(form.getGoalIds()), VolunteerAccess.me());
        }
        records.event(id, null, MatchState.PROPOSED, null, Actor.STAFF, VolunteerAccess.me());
        audit.recordEach(List.of(form.getParticipantId(), form.getVolunteerId()), AuditAction.CREATE,
                "volunteer.match.proposed");
    }

    private Match require(UUID id) {
        Match m = records.find(id).orElseThrow(() -> new NotFoundException("Match"));
        access.requireStaffSees(m.participantId());
        return m;
    }
}
