package no.tilfrisk.transition;

import static no.tilfrisk.platform.Text.blankToNull;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import no.tilfrisk.account.UserAccounts;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.platform.Municipalities;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import no.tilfrisk.platform.web.ResultPage;
import no.tilfrisk.transition.internal.TransitionAccess;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's transitions and their checklists. Staff reach them through the person register; a partner only through
 * a {@link TransitionGate} (consent), and may then change only the items a gate lets them; the participant's own
 * side is {@link MyTransition}. Every read and change of a person's transition is in the audit trail. Creating is
 * idempotent on the form's id, and every rule is checked before anything is written.
 */
@Service
@PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
public class Transitions {

    private final TransitionRecords records;
    private final TransitionSettings settings;
    private final TransitionAccess access;
    private final PersonLookup persons;
    private final UserAccounts accounts;
    private final List<ResponsiblePartners> partners;
    private final Municipalities municipalities;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Transitions(TransitionRecords records, TransitionSettings settings, TransitionAccess access, PersonLookup persons,
                UserAccounts accounts, List<ResponsiblePartners> partners, Municipalities municipalities,
                AuditTrail audit, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.records = records;
        this.settings = settings;
        this.access = access;
        this.persons = persons;
        this.accounts = accounts;
        this.partners = partners;
        this.municipalities = municipalities;
        this.audit = audit;
        this.clock = clock;
    }

    /** The person's transitions, latest date first: staff who see the person, or a caller a gate lets in. */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF', 'PARTNER')")
    @Transactional
    public List<Transition> ofPerson(UUID personId) {
        access.requireReads(personId);
        audit.record(personId, AuditAction.READ, "transition.list");
        return records.ofPerson(personId);
    }

    /** A transition with its checklist, date moves and open alerts; «not found» unless the caller may read it. */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF', 'PARTNER')")
    @Transactional
    public TransitionView get(UUID id) {
        Transition t = records.findAny(id).orElseThrow(() -> new NotFoundException("Transition"));
        access.requireReads(t.personId());
        audit.record(t.personId(), AuditAction.READ, "transition");
        return view(t);
    }

    /** One checklist item, with the same rule as its transition. */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF', 'PARTNER')")
    @Transactional
    public ChecklistItem item(UUID itemId) {
        ChecklistItem item = records.item(itemId).orElseThrow(() -> new NotFoundException("Item"));
        Transition t = records.findAny(item.transitionId()).orElseThrow(() -> new NotFoundException("Item"));
        access.requireReads(t.personId());
        audit.record(t.personId(), AuditAction.READ, "transition.item");
        return item;
    }

    /**
     * Creates a transition for the person under the form's id, with the seeds' nine checklist items and the
     * organisation's own, so a double submit creates one. Every rule is checked first; a broken one saves nothing.
     */
    @Transactional
    public UUID create(UUID id, UUID personId, TransitionForm form) {
        access.requireStaffSees(personId);
        if (records.exists(id)) {
            Transition existing = records.findAny(id).orElseThrow(() -> new NotFoundException("Transition"));
            if (!existing.personId().equals(personId)) {
                throw new NotFoundException("Transition");
            }
            return id;
        }
        LocalDate today = LocalDate.now(clock);
        InvalidInputException.throwIfAny(TransitionRules.check(form, true, today, settings.institutionIds(),
                staffIds(), municipalities));
        UUID coordinator = form.getCoordinatorId() != null ? form.getCoordinatorId() : TransitionAccess.me();
        if (!records.insert(id, personId, form, municipality(form), blankToNull(form.getOwnWords()), coordinator,
                TransitionAccess.me())) {
            throw new NotFoundException("Transition");
        }
        int position = 0;
        for (ChecklistCode code : ChecklistCode.defaults()) {
            records.insertItem(itemId(id, code.name()), id, code, null, null, position++);
        }
        for (ChecklistExtra extra : settings.activeExtras()) {
            records.insertItem(itemId(id, extra.id().toString()), id, ChecklistCode.EXTRA, extra.id(), extra.label(),
                    position++);
        }
        audit.record(personId, AuditAction.CREATE, "transition");
        return id;
    }

    /** Changes a transition's facts (not its expected date: {@link #moveDate}). */
    @Transactional
    public void update(UUID id, TransitionForm form) {
        Transition t = requireStaff(id);
        form.setExpectedOn(t.expectedOn());
        InvalidInputException.throwIfAny(TransitionRules.check(form, false, LocalDate.now(clock),
                settings.institutionIds(), staffIds(), municipalities));
        UUID coordinator = form.getCoordinatorId() != null ? form.getCoordinatorId() : t.coordinatorId();
        records.update(id, form, municipality(form), blankToNull(form.getOwnWords()), coordinator,
                TransitionAccess.me());
        audit.record(t.personId(), AuditAction.UPDATE, "transition");
    }

    /**
     * Moves the expected date, keeping the move with who, why and when. The open alerts of the old date close
     * («moved»), so the next daily run makes them for the new one. Moving to the date it already has changes nothing
     * (a double submit moves once).
     */
    @Transactional
    public void moveDate(UUID id, LocalDate to, String reason) {
        Transition t = requireStaff(id);
        if (to != null && to.equals(t.expectedOn())) {
            return;
        }
        InvalidInputException.throwIfAny(TransitionRules.checkMove(t, to, reason, LocalDate.now(clock)));
        records.moveDate(UUID.randomUUID(), t, to, blankToNull(reason), TransitionAccess.me());
        records.closeAlerts(t.id(), null, "MOVED");
        audit.record(t.personId(), AuditAction.UPDATE, "transition.date");
        events.publishEvent(new TransitionDateMoved(Tenancy.requireOrganisationId(), t.id(), t.personId(),
                Instant.now(clock)));
    }

    /** Staff's change to an item: status, who answers for it (staff, a consented partner, the person), due date, note. */
    @Transactional
    public ChecklistItem setItem(UUID itemId, ItemForm form) {
        ChecklistItem item = records.item(itemId).orElseThrow(() -> new NotFoundException("Item"));
        Transition t = requireStaff(item.transitionId());
        List<InvalidInputException> broken = checkItem(t, form);
        if (form.getStatus() == null) {
            broken.add(0, new InvalidInputException("status", "transition.item.status.required"));
        }
        InvalidInputException.throwIfAny(broken);
        records.setItem(itemId, form, blankToNull(form.getNote()), TransitionAccess.me());
        records.statusEvent(itemId, item.status(), form.getStatus(), TransitionAccess.me(), Actor.STAFF);
        afterItemChange(t);
        audit.record(t.personId(), AuditAction.UPDATE, "transition.item");
        return records.item(itemId).orElseThrow();
    }

    /**
     * Adds an item to this one transition only (not to the organisation's list for new ones), under the form's id so
     * a double submit adds one: its label, and as for any item status (not started if none), who answers for it, due
     * date and note. The responsibility group's decisions come in here too. «Not found» for a cancelled transition.
     */
    @Transactional
    public ChecklistItem addItem(UUID id, UUID transitionId, ItemForm form) {
        Transition t = requireStaff(transitionId);
        if (records.itemExists(id)) {
            return records.item(id).filter(i -> i.transitionId().equals(transitionId))
                    .orElseThrow(() -> new NotFoundException("Item"));
        }
        List<InvalidInputException> broken = new ArrayList<>();
        String label = blankToNull(form.getLabel());
        if (label == null) {
            broken.add(new InvalidInputException("label", "transition.item.label.required"));
        } else if (label.strip().length() > TransitionRules.LABEL_MAX) {
            broken.add(new InvalidInputException("label", "transition.item.label.tooLong", TransitionRules.LABEL_MAX));
        }
        broken.addAll(checkItem(t, form));
        InvalidInputException.throwIfAny(broken);
        if (form.getStatus() == null) {
            form.setStatus(ItemStatus.NOT_STARTED);
        }
        records.insertItem(id, transitionId, ChecklistCode.OWN, null, label.strip(), records.nextPosition(transitionId));
        records.setItem(id, form, blankToNull(form.getNote()), TransitionAccess.me());
        records.statusEvent(id, ItemStatus.NOT_STARTED, form.getStatus(), TransitionAccess.me(), Actor.STAFF);
        audit.record(t.personId(), AuditAction.CREATE, "transition.item");
        return records.item(id).orElseThrow();
    }

    /**
     * Cancels a transition, with a reason (required); who and when are kept. Its open alerts close («cancelled»), so
     * its checklist leaves «Mine oppgaver»; it makes no more alerts and counts in no figure. Cancelling one already
     * cancelled changes nothing (a double submit cancels once).
     */
    @Transactional
    public void cancel(UUID id, String reason) {
        Transition t = records.findAny(id).orElseThrow(() -> new NotFoundException("Transition"));
        access.requireStaffSees(t.personId());
        if (t.cancelled()) {
            return;
        }
        String r = blankToNull(reason);
        if (r == null) {
            throw new InvalidInputException("reason", "transition.cancel.reason.required");
        }
        if (r.strip().length() > TransitionRules.REASON_MAX) {
            throw new InvalidInputException("reason", "transition.cancel.reason.tooLong", TransitionRules.REASON_MAX);
        }
        if (records.cancel(id, r.strip(), TransitionAccess.me())) {
            records.closeAlerts(id, null, "CANCELLED");
            audit.record(t.personId(), AuditAction.UPDATE, "transition.cancel");
        }
    }

    /**
     * The person's open transition: not cancelled and not yet happened (no actual date), the soonest expected; null
     * if none. A decision of the responsibility group can become an item of it.
     */
    @Transactional(readOnly = true)
    public Transition openOf(UUID personId) {
        access.requireStaffSees(personId);
        return records.ofPerson(personId).stream().filter(t -> !t.cancelled() && t.actualOn() == null)
                .min((a, b) -> a.expectedOn().compareTo(b.expectedOn())).orElse(null);
    }

    private List<InvalidInputException> checkItem(Transition t, ItemForm form) {
        List<InvalidInputException> broken = new ArrayList<>();
        if (form.getResponsibleKind() == ResponsibleKind.STAFF
                && (form.getResponsibleAccountId() == null || !staffIds().contains(form.getResponsibleAccountId()))) {
            broken.add(new InvalidInputException("responsibleAccountId", "transition.item.staff.unknown"));
        }
        if (form.getResponsibleKind() == ResponsibleKind.PARTNER && (form.getResponsiblePartnerOrg() == null
                || partnerChoices(t.personId()).stream().noneMatch(p -> p.id().equals(form.getResponsiblePartnerOrg())))) {
            broken.add(new InvalidInputException("responsiblePartnerOrg", "transition.item.partner.noConsent"));
        }
        String note = blankToNull(form.getNote());
        if (note != null && note.length() > TransitionRules.NOTE_MAX) {
            broken.add(new InvalidInputException("note", "transition.item.note.tooLong", TransitionRules.NOTE_MAX));
        }
        return broken;
    }

    /**
     * Changes an item's status and note as {@code as}: staff who see the person; a partner whom a gate lets change
     * this item; the person only for their own items ({@link ResponsibleKind#PERSON}). Anything else is «not found».
     */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF', 'PARTNER', 'PARTICIPANT')")
    @Transactional
    public ChecklistItem updateItem(UUID itemId, ItemUpdate update, Actor as) {
        ChecklistItem item = records.item(itemId).orElseThrow(() -> new NotFoundException("Item"));
        Transition t = records.find(item.transitionId()).orElseThrow(() -> new NotFoundException("Item"));
        switch (Objects.requireNonNull(as)) {
            case STAFF -> access.requireStaffSees(t.personId());
            case PARTNER -> {
                access.requireReads(t.personId());
                if (TransitionAccess.isStaff() || !access.gateLetsUpdate(item)) {
                    throw new NotFoundException("Item");
                }
            }
            case PERSON -> {
                if (!TransitionAccess.caller().hasRole("PARTICIPANT") || !access.myPerson().equals(t.personId())
                        || item.responsibleKind() != ResponsibleKind.PERSON) {
                    throw new NotFoundException("Item");
                }
            }
        }
        if (update == null || update.status() == null) {
            throw new InvalidInputException("status", "transition.item.status.required");
        }
        String note = update.note() == null ? item.note() : blankToNull(update.note());
        TransitionRules.checkNote(note);
        records.updateItem(itemId, update.status(), note, TransitionAccess.me(), as);
        records.statusEvent(itemId, item.status(), update.status(), TransitionAccess.me(), as);
        afterItemChange(t);
        audit.record(t.personId(), AuditAction.UPDATE, "transition.item");
        return records.item(itemId).orElseThrow();
    }

    /**
     * The coming transitions of persons the caller may see: not yet happened, expected from a week ago on, soonest
     * first, with how many items are not in place.
     */
    @Transactional
    public ResultPage<Upcoming> upcoming(int page, int size) {
        Set<UUID> visible = persons.visiblePersonIds();
        LocalDate today = LocalDate.now(clock);
        List<Transition> all = records.between(today.minusDays(7), today.plusYears(5)).stream()
                .filter(t -> t.actualOn() == null && visible.contains(t.personId())).toList();
        int from = Math.min(Math.max(page, 0) * size, all.size());
        List<Transition> shown = all.subList(from, Math.min(from + size, all.size()));
        Map<UUID, List<ChecklistItem>> items = shown.isEmpty() ? Map.of()
                : records.itemsOf(shown.stream().map(Transition::id).toList()).stream()
                        .collect(Collectors.groupingBy(ChecklistItem::transitionId));
        Map<UUID, PersonLookup.PersonName> names = persons.names(shown.stream().map(Transition::personId).toList());
        audit.recordEach(shown.stream().map(Transition::personId).distinct().toList(), AuditAction.READ,
                "transition.list");
        List<Upcoming> rows = shown.stream().map(t -> {
            List<ChecklistItem> its = items.getOrDefault(t.id(), List.of());
            PersonLookup.PersonName n = names.get(t.personId());
            return new Upcoming(t.id(), t.personId(), n == null ? "" : n.displayName(), t.kind(), t.institutionName(),
                    t.expectedOn(), its.stream().filter(i -> !i.status().ready()).count(), its.size());
        }).toList();
        return new ResultPage<>(rows, Math.max(page, 0), size, all.size());
    }

    /** The person's transitions with their checklists and date moves, for their export (GDPR art. 15 and 20). */
    @Transactional
    public List<TransitionView> export(UUID personId) {
        access.requireStaffSees(personId);
        audit.record(personId, AuditAction.READ, "transition.export");
        return records.ofPerson(personId).stream().map(this::view).toList();
    }

    /** The partner organisations the person has consented to share with (none without the partner module). */
    @Transactional(readOnly = true)
    public List<PartnerChoice> partnerChoices(UUID personId) {
        List<PartnerChoice> out = new ArrayList<>();
        partners.forEach(p -> out.addAll(p.choicesFor(personId)));
        return out;
    }

    /** The staff members an item or a transition can be given to. */
    @Transactional(readOnly = true)
    public List<UserAccounts.StaffMember> staffChoices() {
        return accounts.staff();
    }

    TransitionView view(Transition t) {
        List<ChecklistItem> items = records.items(t.id());
        List<Alert> alerts = records.openAlerts(t.id());
        Set<UUID> staff = new HashSet<>();
        if (t.coordinatorId() != null) {
            staff.add(t.coordinatorId());
        }
        if (t.cancelledBy() != null) {
            staff.add(t.cancelledBy());
        }
        items.stream().map(ChecklistItem::responsibleAccountId).filter(Objects::nonNull).forEach(staff::add);
        alerts.forEach(a -> staff.add(a.recipientId()));
        Set<UUID> orgs = items.stream().map(ChecklistItem::responsiblePartnerOrg).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<UUID, String> partnerNames = new HashMap<>();
        if (!orgs.isEmpty()) {
            partners.forEach(p -> partnerNames.putAll(p.names(orgs)));
        }
        PersonLookup.PersonName name = persons.names(List.of(t.personId())).get(t.personId());
        return new TransitionView(t, name == null ? "" : name.displayName(), items, records.moves(t.id()), alerts,
                accounts.names(staff), partnerNames);
    }

    private Transition requireStaff(UUID id) {
        Transition t = records.find(id).orElseThrow(() -> new NotFoundException("Transition"));
        access.requireStaffSees(t.personId());
        return t;
    }

    /** An alert whose items are all in place now closes. */
    private void afterItemChange(Transition t) {
        records.closeReadyAlerts(t.id());
    }

    private Set<UUID> staffIds() {
        return accounts.staff().stream().map(UserAccounts.StaffMember::id).collect(Collectors.toSet());
    }

    private String municipality(TransitionForm form) {
        return municipalities.official(blankToNull(form.getMunicipality())).orElse(null);
    }

    static UUID itemId(UUID transitionId, String key) {
        return UUID.nameUUIDFromBytes((transitionId + "/" + key).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
