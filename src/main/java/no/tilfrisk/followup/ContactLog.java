package no.tilfrisk.followup;

import static no.tilfrisk.platform.Text.blankToNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import no.tilfrisk.account.UserAccounts;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.person.ConsentCheck;
import no.tilfrisk.person.ConsentPurpose;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.platform.crypto.FieldEncryption;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.tenancy.TenantPrincipal;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import no.tilfrisk.platform.web.ResultPage;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contact log: talks, calls, messages, visits and escorts with a participant, for admins, coordinators and
 * staff, about the persons they may see through the person register's rules (anyone else is «not found»). Every
 * read and write of a contact is one row in the audit trail, in the same transaction. Contacts are voided with a
 * reason, never deleted. The note is encrypted at rest, bound to its contact. A list records one row per person
 * shown. The SQL is in {@link ContactRecords}, the form's rules in {@link ContactRules}.
 */
@Service
@PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
public class ContactLog {

    /** A relative linked to the participant, and whether the participant consents to involving them now. */
    public record RelativeChoice(UUID id, String name, boolean consentGiven) {
    }

    private final ContactRecords records;
    private final ContactRules rules;
    private final FieldEncryption crypto;
    private final AuditTrail audit;
    private final PersonLookup persons;
    private final ConsentCheck consents;
    private final UserAccounts users;
    private final Clock clock;

    /** How long after «Utført» a follow-up can be taken back («Angre» on the start page). */
    public static final Duration UNDO_WINDOW = Duration.ofSeconds(60);

    ContactLog(ContactRecords records, ContactRules rules, FieldEncryption crypto, AuditTrail audit,
               PersonLookup persons, ConsentCheck consents, UserAccounts users, Clock clock) {
        this.clock = clock;
        this.records = records;
        this.rules = rules;
        this.crypto = crypto;
        this.audit = audit;
        this.persons = persons;
        this.consents = consents;
        this.users = users;
    }

    static String noteContext(UUID contactId) {
        return "followup.contact.note:" + contactId;
    }

    /**
     * Logged contacts that stand (not voided) per type in the period (Oslo dates, both included), of the persons who
     * were members of the department during it; null is the whole organisation (admins only). Counts only.
     */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR')")
    @Transactional(readOnly = true)
    public Map<ContactType, Long> countsByType(UUID departmentId, LocalDate from, LocalDate to) {
        var caller = Tenancy.currentPrincipal().orElseThrow();
        if (!caller.hasRole("ORG_ADMIN") && (departmentId == null || !caller.departmentIds().contains(departmentId))) {
            throw new AccessDeniedException("Not a department of the caller");
        }
        UUID[] members = departmentId == null ? null : persons.membersDuring(departmentId, from, to).toArray(UUID[]::new);
        return records.countsByType(members, from, to);
    }

    /** Contacts that stand (not voided), newest first, of the persons the caller may see. */
    @Transactional
    public ResultPage<ContactSummary> search(ContactFilter filter, int page, int size) {
        rules.requireFilter(filter);
        ResultPage<ContactRecords.Row> rows = records.search(filter, visible(), page, size);
        // one row per person shown, so that each sees in «who has seen my data» that they were in a list
        audit.recordEach(rows.items().stream().map(ContactRecords.Row::personId).distinct().toList(), AuditAction.LIST,
                "followup.contact.list");
        return new ResultPage<>(summaries(rows.items()), page, size, rows.total());
    }

    /** All the person's contacts, voided ones too, newest first: the person's contact page. */
    @Transactional
    public List<ContactSummary> ofPerson(UUID personId) {
        persons.requireVisible(personId);
        List<ContactRecords.Row> rows = records.summariesOf(personId);
        audit.record(personId, AuditAction.READ, "followup.contact.list");
        return summaries(rows);
    }

    /** One contact with its note. */
    @Transactional
    public Contact get(UUID id) {
        ContactRecords.Row r = records.row(id);
        persons.requireVisible(r.personId());
        Contact contact = withEverything(List.of(r)).get(0);
        audit.record(r.personId(), AuditAction.READ, contact.note() == null ? "followup.contact" : "followup.contact+note");
        return contact;
    }

    /** All the person's contacts with everything on them, notes too, voided ones too, oldest first: their export. */
    @Transactional
    public List<Contact> allOf(UUID personId) {
        persons.requireVisible(personId);
        List<Contact> all = withEverything(records.allOf(personId));
        audit.record(personId, AuditAction.READ, "followup.contact.all+note");
        return all;
    }

    /**
     * Logs a contact under the id the form carried, so a double submit or a retried request logs one. An id that
     * is already a contact of this organisation returns it unchanged; one that another organisation holds is
     * «not found» and reveals nothing.
     */
    @Transactional
    public UUID log(UUID id, ContactForm form) {
        return log(id, form, null);
    }

    /**
     * {@link #log(UUID, ContactForm)}, the one way a contact is written; {@code imported} (the import's name, see
     * {@link ContactImport}) records it in the audit trail as imported instead of created.
     */
    UUID log(UUID id, ContactForm form, String imported) {
        var existing = records.personOf(id);
        if (existing.isPresent()) {
            persons.requireVisible(existing.get());
            return id;
        }
        UUID person = form.getPersonId();
        UUID me = me();
        List<InvalidInputException> broken = new ArrayList<>();
        boolean personKnown = rules.checkPerson(person, broken);
        rules.checkContact(form, null, broken);
        List<UUID> staff = rules.staffChecked(form.getStaffIds(), Set.of(), me, broken);
        if (personKnown) {
            rules.checkRelatives(person, form.getRelativeIds(), Set.of(), broken);
        }
        InvalidInputException.throwIfAny(broken);

        String note = blankToNull(form.getNote());
        if (!records.insert(id, person, form, crypto.encryptText(note, noteContext(id)), me)) {
            // the same form submitted twice at once: the other request logged it
            if (records.exists(id)) {
                return id;
            }
            throw new NotFoundException("Contact");
        }
        records.insertStaff(id, staff.isEmpty() ? List.of(me) : staff);
        records.insertRelatives(id, form.getRelativeIds());
        if (imported != null) {
            audit.record(person, AuditAction.IMPORT, imported);
        } else {
            audit.record(person, AuditAction.CREATE, note == null ? "followup.contact" : "followup.contact+note");
        }
        return id;
    }

    /**
     * Changes a contact; the participant stays. A note left out (null, as from an API client that does not send it)
     * stays as it is; an empty one is cleared. No staff named keeps those who are on it. A relative who is already
     * on the contact stays even if the consent has since been withdrawn (they were present then); one added now
     * needs the consent now. A changed follow-up date is open again.
     */
    @Transactional
    public void update(UUID id, ContactForm form) {
        ContactRecords.Row r = records.row(id);
        persons.requireVisible(r.personId());
        if (r.voidedAt() != null) {
            throw new InvalidInputException("id", "contact.voided");
        }
        Set<UUID> currentStaff = new HashSet<>(records.staffOf(List.of(id)).getOrDefault(id, List.of()));
        Set<UUID> currentRelatives = new HashSet<>(records.relativesOf(List.of(id)).getOrDefault(id, List.of()));
        List<InvalidInputException> broken = new ArrayList<>();
        rules.checkContact(form, r, broken);
        List<UUID> staff = rules.staffChecked(form.getStaffIds(), currentStaff, me(), broken);
        rules.checkRelatives(r.personId(), form.getRelativeIds(), currentRelatives, broken);
        InvalidInputException.throwIfAny(broken);

        records.update(id, form, me());
        if (form.getNote() != null) {
            records.updateNote(id, crypto.encryptText(blankToNull(form.getNote()), noteContext(id)));
        }
        if (!staff.isEmpty()) {
            records.replaceStaff(id, staff);
        }
        records.replaceRelatives(id, form.getRelativeIds());
        audit.record(r.personId(), AuditAction.UPDATE, form.getNote() == null ? "followup.contact" : "followup.contact+note");
    }

    /** Voids a contact with a reason: it stays, marked, and counts no more. Voiding it again changes nothing. */
    @Transactional
    public void voidContact(UUID id, String reason) {
        ContactRecords.Row r = records.row(id);
        persons.requireVisible(r.personId());
        ContactRules.requireVoidReason(reason);
        if (records.markVoided(id, reason.strip(), me())) {
            audit.record(r.personId(), AuditAction.UPDATE, "followup.contact.void");
        }
    }

    /** Marks the contact's follow-up as done: it leaves the task lists. Marking it again changes nothing. */
    @Transactional
    public void followUpDone(UUID id) {
        ContactRecords.Row r = records.row(id);
        persons.requireVisible(r.personId());
        if (r.followUpOn() == null || r.voidedAt() != null) {
            throw new InvalidInputException("followUpOn", "contact.followUp.none");
        }
        if (records.markFollowUpDone(id, me(), Instant.now(clock))) {
            audit.record(r.personId(), AuditAction.UPDATE, "followup.contact.follow-up");
        }
    }

    /**
     * Takes back «Utført» on a follow-up: only the one who marked it, and only within {@link #UNDO_WINDOW} of marking
     * it (by the application's clock). Later, or by someone else, it is refused and nothing changes.
     */
    @Transactional
    public void undoFollowUpDone(UUID id) {
        ContactRecords.Row r = records.row(id);
        persons.requireVisible(r.personId());
        if (!records.unmarkFollowUpDone(id, me(), Instant.now(clock).minus(UNDO_WINDOW))) {
            throw new InvalidInputException("followUpOn", "start.tasks.undoTooLate");
        }
        audit.record(r.personId(), AuditAction.UPDATE, "followup.contact.follow-up:undone");
    }

    /**
     * The signed-in staff member's open follow-ups, soonest first: contacts they took part in with a follow-up
     * date, not done, not voided, about persons they may still see.
     */
    @Transactional
    public List<FollowUp> followUpsDue(int limit) {
        UUID me = me();
        if (me == null) {
            return List.of();
        }
        List<ContactRecords.Due> due = records.followUpsDue(me, visible(), limit);
        var names = persons.names(due.stream().map(ContactRecords.Due::personId).collect(Collectors.toSet()));
        audit.recordEach(due.stream().map(ContactRecords.Due::personId).distinct().toList(), AuditAction.LIST,
                "followup.tasks");
        return due.stream().map(d -> new FollowUp(d.contactId(), d.personId(), nameOf(names, d.personId()), d.type(),
                d.followUpOn(), d.createdAt())).toList();
    }

    /**
     * The relatives linked to the participant, each with whether the participant consents to involving them now:
     * the choices on the contact form. Shown on the person's contact page, whose reading is in the trail.
     */
    @Transactional(readOnly = true)
    public List<RelativeChoice> relativesToChoose(UUID personId) {
        persons.requireVisible(personId);
        return persons.relativesOf(personId).stream()
                .map(r -> new RelativeChoice(r.id(), r.displayName(),
                        consents.isGiven(personId, ConsentPurpose.INVOLVE_RELATIVE, r.id(), null)))
                .toList();
    }

    /** The persons the caller may see who have contacts, by name: the choices of the list's person filter. */
    @Transactional(readOnly = true)
    public List<Named> personsWithContacts() {
        List<UUID> ids = records.personsWithContacts(visible());
        return persons.names(ids).values().stream()
                .sorted(Comparator.comparing((PersonLookup.PersonName p) -> p.displayName().toLowerCase())
                        .thenComparing(PersonLookup.PersonName::id))
                .map(p -> new Named(p.id(), p.displayName())).toList();
    }

    /** The contacts with their staff, relatives and names, notes decrypted: a few queries for all of them. */
    private List<Contact> withEverything(List<ContactRecords.Row> rows) {
        List<UUID> ids = rows.stream().map(ContactRecords.Row::id).toList();
        Map<UUID, Map<UUID, String>> staff = staffOf(ids);
        Map<UUID, List<UUID>> relatives = records.relativesOf(ids);
        Set<UUID> userIds = new HashSet<>();
        Set<UUID> personIds = new HashSet<>();
        for (ContactRecords.Row r : rows) {
            userIds.addAll(staff.getOrDefault(r.id(), Map.of()).keySet());
            Stream.of(r.createdBy(), r.voidedBy()).filter(Objects::nonNull).forEach(userIds::add);
            personIds.add(r.personId());
            personIds.addAll(relatives.getOrDefault(r.id(), List.of()));
        }
        Map<UUID, String> userNames = users.names(userIds);
        var names = persons.names(personIds);
        return rows.stream().map(r -> new Contact(r.id(), r.personId(), nameOf(names, r.personId()), r.occurredAt(),
                r.type(), r.escortKind(), r.durationMinutes(),
                staff.getOrDefault(r.id(), Map.of()).entrySet().stream().map(e -> new Named(e.getKey(), e.getValue())).toList(),
                relatives.getOrDefault(r.id(), List.of()).stream().filter(names::containsKey)
                        .map(p -> new Named(p, names.get(p).displayName())).toList(),
                crypto.decryptText(r.noteEncrypted(), noteContext(r.id())), r.followUpOn(), r.followUpDoneAt(),
                r.createdAt(), r.createdBy() == null ? null : userNames.get(r.createdBy()), r.voidedAt(),
                r.voidedBy() == null ? null : userNames.get(r.voidedBy()), r.voidReason())).toList();
    }

    /** Staff of each contact, by name, in name order. */
    private Map<UUID, Map<UUID, String>> staffOf(Collection<UUID> contactIds) {
        Map<UUID, List<UUID>> links = records.staffOf(contactIds);
        if (links.isEmpty()) {
            return Map.of();
        }
        Map<UUID, String> names = users.names(links.values().stream().flatMap(List::stream).collect(Collectors.toSet()));
        Map<UUID, Map<UUID, String>> byContact = new LinkedHashMap<>();
        links.forEach((contact, userIds) -> {
            Map<UUID, String> byName = new LinkedHashMap<>();
            userIds.stream().sorted(Comparator.comparing((UUID u) -> names.getOrDefault(u, "").toLowerCase()))
                    .forEach(u -> byName.put(u, names.getOrDefault(u, "–")));
            byContact.put(contact, byName);
        });
        return byContact;
    }

    private List<ContactSummary> summaries(List<ContactRecords.Row> rows) {
        Map<UUID, Map<UUID, String>> staff = staffOf(rows.stream().map(ContactRecords.Row::id).toList());
        var names = persons.names(rows.stream().map(ContactRecords.Row::personId).collect(Collectors.toSet()));
        return rows.stream().map(r -> new ContactSummary(r.id(), r.personId(), nameOf(names, r.personId()),
                r.occurredAt(), r.type(), r.escortKind(), r.durationMinutes(),
                List.copyOf(staff.getOrDefault(r.id(), Map.of()).values()), r.followUpOn(), r.followUpDoneAt() != null,
                r.voidedAt() != null)).toList();
    }

    private UUID[] visible() {
        return persons.visiblePersonIds().toArray(UUID[]::new);
    }

    private static String nameOf(Map<UUID, PersonLookup.PersonName> names, UUID personId) {
        var name = names.get(personId);
        return name == null ? null : name.displayName();
    }

    private static UUID me() {
        return Tenancy.currentPrincipal().map(TenantPrincipal::userId).orElse(null);
    }
}
