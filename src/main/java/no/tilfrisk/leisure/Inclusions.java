package no.tilfrisk.leisure;

import static no.tilfrisk.platform.Text.blankToNull;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.leisure.internal.LeisureAccess;
import no.tilfrisk.person.PersonDirectory;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.person.PersonRole;
import no.tilfrisk.person.PersonSummary;
import no.tilfrisk.plan.Mapping;
import no.tilfrisk.plan.Mappings;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff's side of the inclusion processes: begin one, take the six steps in order ({@link InclusionRules}), add to
 * the wishes, answer a check-in told to staff, end with an outcome. A process is reached through its participant
 * (the person register's rule); every read and write is one audit row on the participant. Each creation takes the
 * form's id, so a double submit creates nothing twice; a broken rule saves nothing.
 */
@Service
@PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
public class Inclusions {

    private final ProcessRecords records;
    private final JdbcClient db;
    private final LeisureAccess access;
    private final PersonLookup persons;
    private final PersonDirectory directory;
    private final Mappings mappings;
    private final AuditTrail audit;
    private final Clock clock;

    Inclusions(ProcessRecords records, JdbcClient db, LeisureAccess access, PersonLookup persons,
               PersonDirectory directory, Mappings mappings, AuditTrail audit, Clock clock) {
        this.records = records;
        this.db = db;
        this.access = access;
        this.persons = persons;
        this.directory = directory;
        this.mappings = mappings;
        this.audit = audit;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** A process whose participant the caller may see; any other is «not found». */
    Process require(UUID id) {
        Process p = records.find(id).orElseThrow(() -> new NotFoundException("Process"));
        access.requireStaffSees(p.participantId());
        return p;
    }

    /** Begins a process under the form's id; a participant with an open process is told so on the field. */
    @Transactional
    public UUID start(UUID id, ProcessForm form) {
        if (form.getParticipantId() == null) {
            throw new InvalidInputException("participantId", "leisure.process.participant.required");
        }
        access.requireStaffSees(form.getParticipantId());
        if (records.find(id).isPresent()) {
            return require(id).id();
        }
        List<InvalidInputException> broken = new ArrayList<>();
        LocalDate startedOn = form.getStartedOn() == null ? today() : form.getStartedOn();
        if (startedOn.isAfter(today())) {
            broken.add(new InvalidInputException("startedOn", "leisure.date.future"));
        }
        if (form.getWishes() != null && form.getWishes().strip().length() > 1000) {
            broken.add(new InvalidInputException("wishes", "leisure.tooLong", 1000));
        }
        if (records.openOf(form.getParticipantId()).isPresent()) {
            broken.add(new InvalidInputException("participantId", "leisure.process.open"));
        }
        InvalidInputException.throwIfAny(broken);
        records.insert(id, form.getParticipantId(), startedOn, blankToNull(form.getWishes()), LeisureAccess.me());
        audit.record(form.getParticipantId(), AuditAction.CREATE, "leisure.process:" + id);
        return id;
    }

    /** The process with all it holds (see {@link ProcessView}). */
    @Transactional
    public ProcessView view(UUID id) {
        Process p = require(id);
        List<StepTaken> steps = records.steps(id);
        Set<Step> reached = InclusionRules.reached(steps);
        Club club = p.clubId() == null ? null : Catalogue.find(db, p.clubId());
        String facilitatorName = null;
        String facilitatorPhone = null;
        if (p.facilitatorId() != null) {
            PersonLookup.PersonName n = persons.names(List.of(p.facilitatorId())).get(p.facilitatorId());
            facilitatorName = n == null ? null : n.displayName();
            facilitatorPhone = facilitators().stream().filter(f -> f.id().equals(p.facilitatorId())).findFirst()
                    .map(PersonSummary::phone).orElse(null);
        }
        List<Mapping> mapped = mappings.ofPerson(p.participantId());
        Mapping latest = mapped.isEmpty() ? null : mapped.get(0);
        String name = names(List.of(p.participantId())).get(p.participantId());
        audit.record(p.participantId(), AuditAction.READ, "leisure.process:" + id);
        return new ProcessView(p, name, club, facilitatorName, facilitatorPhone, steps, InclusionRules.furthest(reached),
                InclusionRules.next(reached), latest == null ? List.of() : latest.interests(),
                latest == null ? null : latest.dreams(), records.decisions(id),
                InclusionRules.checkIns(p.followUpFrom(), records.answers(id)),
                InclusionRules.sixMonthsPassed(p.followUpFrom(), today()), today());
    }

    /** The processes of the participants the caller may see, open first. */
    @Transactional
    public List<ProcessSummary> list() {
        Set<UUID> visible = persons.visiblePersonIds();
        List<Process> found = records.ofParticipants(visible.toArray(UUID[]::new));
        Map<UUID, String> names = names(found.stream().map(Process::participantId).toList());
        Map<UUID, String> clubs = new HashMap<>();
        db.sql("SELECT id, name FROM leisure_club WHERE organisation_id = ?")
                .param(no.tilfrisk.platform.tenancy.Tenancy.requireOrganisationId())
                .query((rs, i) -> clubs.put(rs.getObject("id", UUID.class), rs.getString("name"))).list();
        audit.recordEach(names.keySet(), AuditAction.READ, "leisure.process.list");
        return found.stream().map(p -> new ProcessSummary(p.id(), p.participantId(), names.get(p.participantId()),
                p.startedOn(), InclusionRules.furthest(InclusionRules.reached(records.steps(p.id()))),
                p.clubId() == null ? null : clubs.get(p.clubId()), p.outcome(), p.endedOn())).toList();
    }

    /** The participant's processes, newest first. */
    @Transactional
    public List<Process> ofParticipant(UUID personId) {
        access.requireStaffSees(personId);
        audit.record(personId, AuditAction.READ, "leisure.process.list");
        return records.ofParticipant(personId);
    }

    /**
     * Records a step under the form's id, in the method's order ({@link InclusionRules#checkStep}); choosing an
     * activity sets the process's club, finding a facilitator its facilitator, the first follow-up its first day.
     */
    @Transactional
    public UUID recordStep(UUID id, UUID processId, StepForm form) {
        Process p = require(processId);
        if (records.stepExists(id)) {
            return id;
        }
        List<InvalidInputException> broken = new ArrayList<>();
        if (!p.open()) {
            broken.add(new InvalidInputException("step", "leisure.end.ended"));
        }
        broken.addAll(InclusionRules.checkStep(form, InclusionRules.reached(records.steps(processId)), p.startedOn(),
                today()));
        if (form.getParticipants() != null && form.getParticipants().strip().length() > 300) {
            broken.add(new InvalidInputException("participants", "leisure.tooLong", 300));
        }
        if (form.getNote() != null && form.getNote().strip().length() > 1000) {
            broken.add(new InvalidInputException("note", "leisure.tooLong", 1000));
        }
        boolean taken = !form.isSkipped();
        if (taken && form.getStep() == Step.CHOICE && form.getClubId() != null && !clubIsOurs(form.getClubId())) {
            broken.add(new InvalidInputException("clubId", "leisure.step.club.unknown"));
        }
        if (taken && form.getStep() == Step.FACILITATOR && form.getFacilitatorId() != null
                && !isFacilitator(form.getFacilitatorId(), p.participantId())) {
            broken.add(new InvalidInputException("facilitatorId", "leisure.step.facilitator.unknown"));
        }
        InvalidInputException.throwIfAny(broken);
        records.insertStep(id, processId, form, blankToNull(form.getParticipants()), blankToNull(form.getNote()),
                LeisureAccess.me());
        if (taken && form.getStep() == Step.CHOICE) {
            records.setClub(processId, form.getClubId());
        } else if (taken && form.getStep() == Step.FACILITATOR) {
            records.setFacilitator(processId, form.getFacilitatorId());
        } else if (form.getStep() == Step.FOLLOW_UP) {
            records.startFollowUp(processId, form.getDoneOn());
        }
        audit.record(p.participantId(), AuditAction.UPDATE, "leisure.step:" + id);
        return id;
    }

    /** The wishes added to the mapping's. */
    @Transactional
    public void saveWishes(UUID processId, String wishes) {
        Process p = require(processId);
        if (wishes != null && wishes.strip().length() > 1000) {
            throw new InvalidInputException("wishes", "leisure.tooLong", 1000);
        }
        records.setWishes(processId, blankToNull(wishes));
        audit.record(p.participantId(), AuditAction.UPDATE, "leisure.process.wishes:" + processId);
    }

    /** A check-in's answers told to staff; one already answered stays as it was (a double submit). */
    @Transactional
    public void answerCheckIn(UUID processId, CheckInDue due, CheckInForm form) {
        Process p = require(processId);
        answer(records, p, due, form, today(), false);
        audit.record(p.participantId(), AuditAction.UPDATE, "leisure.checkIn:" + processId + ":" + due);
    }

    /** The rules of an answer, for staff and the participant alike. */
    static void answer(ProcessRecords records, Process p, CheckInDue due, CheckInForm form, LocalDate today,
                       boolean byParticipant) {
        List<InvalidInputException> broken = new ArrayList<>(InclusionRules.checkAnswer(form));
        if (due == null) {
            throw new NotFoundException("Check-in");
        }
        if (p.followUpFrom() == null) {
            broken.add(0, new InvalidInputException("rating", "leisure.checkIn.noFollowUp"));
        } else if (due.dueFrom(p.followUpFrom()).minusDays(7).isAfter(today)) {
            broken.add(0, new InvalidInputException("rating", "leisure.checkIn.notYet"));
        }
        LocalDate on = form.getAnsweredOn() == null ? today : form.getAnsweredOn();
        if (on.isAfter(today)) {
            broken.add(new InvalidInputException("answeredOn", "leisure.checkIn.answeredOn.future"));
        } else if (on.isBefore(p.startedOn())) {
            broken.add(new InvalidInputException("answeredOn", "leisure.checkIn.answeredOn.beforeStart"));
        }
        InvalidInputException.throwIfAny(broken);
        records.insertAnswer(p.id(), due, form, on, byParticipant, LeisureAccess.me());
    }

    /** Ends the process with its outcome ({@link InclusionRules#checkEnd}: the six-month rule). */
    @Transactional
    public void end(UUID processId, EndForm form) {
        Process p = require(processId);
        InvalidInputException.throwIfAny(InclusionRules.checkEnd(form, p, today()));
        if (form.getNote() != null && form.getNote().strip().length() > 500) {
            throw new InvalidInputException("note", "leisure.tooLong", 500);
        }
        if (!records.end(processId, form.getOutcome(), blankToNull(form.getNote()), form.getEndedOn())) {
            throw new InvalidInputException("outcome", "leisure.end.ended");
        }
        audit.record(p.participantId(), AuditAction.UPDATE, "leisure.process.end:" + processId);
    }

    /** A process the caller may end, for the question before it. */
    @Transactional
    public ProcessSummary toEnd(UUID processId) {
        Process p = require(processId);
        audit.record(p.participantId(), AuditAction.READ, "leisure.process:" + processId);
        return new ProcessSummary(p.id(), p.participantId(), names(List.of(p.participantId())).get(p.participantId()),
                p.startedOn(), null, null, p.outcome(), p.endedOn());
    }

    /** Unanswered check-ins of open processes, due on or before {@code until}, of participants the caller sees. */
    @Transactional
    public List<DueCheckIn> checkInsDue(LocalDate until) {
        Set<UUID> visible = persons.visiblePersonIds();
        List<Process> open = records.ofParticipants(visible.toArray(UUID[]::new)).stream()
                .filter(p -> p.open() && p.followUpFrom() != null).toList();
        List<DueCheckIn> due = new ArrayList<>();
        Map<UUID, String> names = names(open.stream().map(Process::participantId).toList());
        for (Process p : open) {
            for (InclusionRules.CheckInSlot s : InclusionRules.checkIns(p.followUpFrom(), records.answers(p.id()))) {
                if (!s.answered() && !s.on().isAfter(until)) {
                    due.add(new DueCheckIn(p.id(), p.participantId(), names.get(p.participantId()), s.due(), s.on()));
                }
            }
        }
        audit.recordEach(due.stream().map(DueCheckIn::participantId).distinct().toList(), AuditAction.READ,
                "leisure.checkIn.due");
        due.sort(Comparator.comparing(DueCheckIn::on));
        return due;
    }

    /** The persons with the role «tilrettelegger» the caller may see, with their phone. */
    @Transactional
    public List<PersonSummary> facilitators() {
        return directory.search("", null, PersonRole.FACILITATOR, 0, 200).items();
    }

    /** Display names of participants, for lists (only those the caller may see are asked for). */
    @Transactional(readOnly = true)
    public Map<UUID, String> names(List<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        persons.names(ids).forEach((id, n) -> names.put(id, n.displayName()));
        return names;
    }

    private boolean clubIsOurs(UUID clubId) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM leisure_club WHERE id = ? AND organisation_id = ?)")
                .params(clubId, no.tilfrisk.platform.tenancy.Tenancy.requireOrganisationId()).query(Boolean.class).single();
    }

    private boolean isFacilitator(UUID personId, UUID participantId) {
        return !personId.equals(participantId) && persons.isOurs(personId)
                && persons.hasCurrentRole(personId, PersonRole.FACILITATOR);
    }
}
