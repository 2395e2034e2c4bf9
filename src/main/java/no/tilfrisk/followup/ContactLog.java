package no.tilfrisk.followup;

import static no.tilfrisk.platform.Text.blankToNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.account.UserAccounts;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.person.ConsentCheck;
import no.tilfrisk.person.ConsentPurpose;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.platform.crypto.FieldEncryption;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.tenancy.TenantPrincipal;
import no.tilfrisk.platform.web.Dates;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import no.tilfrisk.platform.web.ResultPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contact log: talks, calls, messages, visits and escorts with a participant, for admins, coordinators and
 * staff, about the persons they may see through the person register's rules (anyone else is «not found»). Every
 * read and write of a contact is one row in the audit trail, in the same transaction. Contacts are voided with a
 * reason, never deleted. The note is encrypted at rest, bound to its contact. A list records one row per person
 * shown.
 */
@Service
@PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
public class ContactLog {

    /** The earliest date a contact can have: anything before is a typing error. */
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    /** How far ahead a contact may be dated: one planned for later today, or logged across midnight. */
    static final Duration AHEAD = Duration.ofDays(1);

    /** A relative linked to the participant, and whether the participant consents to involving them now. */
    public record RelativeChoice(UUID id, String name, boolean consentGiven) {
    }

    private final JdbcClient db;
    private final FieldEncryption crypto;
    private final AuditTrail audit;
    private final PersonLookup persons;
    private final ConsentCheck consents;
    private final UserAccounts users;
    private final Clock clock;

    ContactLog(JdbcClient db, FieldEncryption crypto, AuditTrail audit, PersonLookup persons, ConsentCheck consents,
               UserAccounts users, Clock clock) {
        this.clock = clock;
        this.db = db;
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
        var caller = no.tilfrisk.platform.tenancy.Tenancy.currentPrincipal().orElseThrow();
        if (!caller.hasRole("ORG_ADMIN") && (departmentId == null || !caller.departmentIds().contains(departmentId))) {
            throw new org.springframework.security.access.AccessDeniedException("Not a department of the caller");
        }
        UUID[] members = departmentId == null ? null : persons.membersDuring(departmentId, from, to).toArray(UUID[]::new);
        Map<ContactType, Long> out = new java.util.EnumMap<>(ContactType.class);
        for (ContactType t : ContactType.values()) {
            out.put(t, 0L);
        }
        db.sql("""
                        SELECT type, count(*) FROM contact
                         WHERE organisation_id = :org AND voided_at IS NULL
                           AND occurred_at >= :from AND occurred_at < :until
                           AND (CAST(:members AS uuid[]) IS NULL OR person_id = ANY(:members))
                         GROUP BY type""")
                .param("org", Tenancy.requireOrganisationId()).param("members", members)
                .param("from", from.atStartOfDay(no.tilfrisk.platform.web.Dates.OSLO).toOffsetDateTime())
                .param("until", to.plusDays(1).atStartOfDay(no.tilfrisk.platform.web.Dates.OSLO).toOffsetDateTime())
                .query((rs, i) -> out.put(ContactType.valueOf(rs.getString(1)), rs.getLong(2))).list();
        return out;
    }

    /** Contacts that stand (not voided), newest first, of the persons the caller may see. */
    @Transactional
    public ResultPage<ContactSummary> search(ContactFilter filter, int page, int size) {
        List<InvalidInputException> broken = new ArrayList<>();
        if (filter.personId() != null && !isVisible(filter.personId())) {
            broken.add(new InvalidInputException("person", "contact.filter.person.unknown"));
        }
        if (filter.staffId() != null && users.names(Set.of(filter.staffId())).isEmpty()) {
            broken.add(new InvalidInputException("staff", "contact.filter.staff.unknown"));
        }
        if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
            broken.add(new InvalidInputException("to", "contact.period.order"));
        }
        InvalidInputException.throwIfAny(broken);

        var params = new HashMap<String, Object>();
        params.put("org", Tenancy.requireOrganisationId());
        params.put("visible", persons.visiblePersonIds().toArray(UUID[]::new));
        // only the conditions that apply, as in the person search
        StringBuilder sql = new StringBuilder("""
                SELECT c.id, c.person_id, c.occurred_at, c.type, c.escort_kind, c.duration_minutes, c.follow_up_on,
                       c.follow_up_done_at, c.voided_at, count(*) OVER () AS total
                  FROM contact c
                 WHERE c.organisation_id = :org AND c.voided_at IS NULL AND c.person_id = ANY(:visible)""");
        if (filter.personId() != null) {
            sql.append(" AND c.person_id = :person");
            params.put("person", filter.personId());
        }
        if (filter.staffId() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM contact_staff s WHERE s.contact_id = c.id AND s.user_id = :staff)");
            params.put("staff", filter.staffId());
        }
        if (filter.type() != null) {
            sql.append(" AND c.type = :type");
            params.put("type", filter.type().name());
        }
        if (filter.from() != null) {
            sql.append(" AND c.occurred_at >= :from");
            params.put("from", utc(startOf(filter.from())));
        }
        if (filter.to() != null) {
            sql.append(" AND c.occurred_at < :to");
            params.put("to", utc(startOf(filter.to().plusDays(1))));
        }
        sql.append(" ORDER BY c.occurred_at DESC, c.id LIMIT :limit OFFSET :offset");
        params.put("limit", size);
        params.put("offset", (long) Math.min(page, 100_000) * size);
        long[] total = {0};
        List<Row> rows = db.sql(sql.toString()).params(params).query((rs, i) -> {
            total[0] = rs.getLong("total");
            return Row.summaryOf(rs);
        }).list();
        if (rows.isEmpty() && page > 0) {
            total[0] = db.sql("SELECT count(*) FROM (" + sql.substring(0, sql.indexOf(" ORDER BY")) + ") c")
                    .params(params).query(Long.class).single();
        }
        // one row per person shown, so that each sees in «who has seen my data» that they were in a list
        audit.recordEach(rows.stream().map(Row::personId).distinct().toList(), AuditAction.LIST, "followup.contact.list");
        return new ResultPage<>(summaries(rows), page, size, total[0]);
    }

    /** All the person's contacts, voided ones too, newest first: the person's contact page. */
    @Transactional
    public List<ContactSummary> ofPerson(UUID personId) {
        persons.requireVisible(personId);
        List<Row> rows = db.sql("""
                        SELECT c.id, c.person_id, c.occurred_at, c.type, c.escort_kind, c.duration_minutes,
                               c.follow_up_on, c.follow_up_done_at, c.voided_at
                          FROM contact c WHERE c.person_id = ? AND c.organisation_id = ?
                         ORDER BY c.occurred_at DESC, c.id LIMIT 1000""")
                .params(personId, Tenancy.requireOrganisationId())
                .query((rs, i) -> Row.summaryOf(rs)).list();
        audit.record(personId, AuditAction.READ, "followup.contact.list");
        return summaries(rows);
    }

    /** One contact with its note. */
    @Transactional
    public Contact get(UUID id) {
        Row r = row(id);
        persons.requireVisible(r.personId());
        Contact contact = withEverything(List.of(r)).get(0);
        audit.record(r.personId(), AuditAction.READ, contact.note() == null ? "followup.contact" : "followup.contact+note");
        return contact;
    }

    /** All the person's contacts with everything on them, notes too, voided ones too, oldest first: their export. */
    @Transactional
    public List<Contact> allOf(UUID personId) {
        persons.requireVisible(personId);
        List<Contact> all = withEverything(db.sql(ROW + " WHERE person_id = ? AND organisation_id = ? ORDER BY occurred_at, id")
                .params(personId, Tenancy.requireOrganisationId()).query(Row.class).list());
        audit.record(personId, AuditAction.READ, "followup.contact.all+note");
        return all;
    }

    /** The contacts with their staff, relatives and names, notes decrypted: a few queries for all of them. */
    private List<Contact> withEverything(List<Row> rows) {
        List<UUID> ids = rows.stream().map(Row::id).toList();
        Map<UUID, Map<UUID, String>> staff = staffOf(ids);
        Map<UUID, List<UUID>> relatives = relativesOf(ids);
        Set<UUID> userIds = new HashSet<>();
        Set<UUID> personIds = new HashSet<>();
        for (Row r : rows) {
            userIds.addAll(staff.getOrDefault(r.id(), Map.of()).keySet());
            java.util.stream.Stream.of(r.createdBy(), r.voidedBy()).filter(Objects::nonNull).forEach(userIds::add);
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

    /**
     * Logs a contact under the id the form carried, so a double submit or a retried request logs one. An id that
     * is already a contact of this organisation returns it unchanged; one that another organisation holds is
     * «not found» and reveals nothing.
     */
    @Transactional
    public UUID log(UUID id, ContactForm form) {
        UUID org = Tenancy.requireOrganisationId();
        var existing = db.sql("SELECT person_id FROM contact WHERE id = ? AND organisation_id = ?")
                .params(id, org).query(UUID.class).optional();
        if (existing.isPresent()) {
            persons.requireVisible(existing.get());
            return id;
        }
        UUID person = form.getPersonId();
        List<InvalidInputException> broken = new ArrayList<>();
        boolean personKnown = person != null && isVisible(person);
        if (person == null) {
            broken.add(new InvalidInputException("personId", "contact.person.required"));
        } else if (!personKnown) {
            broken.add(new InvalidInputException("personId", "contact.person.unknown"));
        }
        checkContact(form, null, broken);
        List<UUID> staff = staffChecked(form.getStaffIds(), Set.of(), broken);
        if (personKnown) {
            checkRelatives(person, form.getRelativeIds(), Set.of(), broken);
        }
        InvalidInputException.throwIfAny(broken);

        UUID me = me();
        String note = blankToNull(form.getNote());
        int inserted = db.sql("""
                        INSERT INTO contact (id, organisation_id, person_id, occurred_at, type, escort_kind, duration_minutes,
                                             note_encrypted, follow_up_on, created_by, updated_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")
                .params(id, org, person, utc(occurredAt(form)), form.getType().name(),
                        escortKind(form), form.getDurationMinutes(), crypto.encryptText(note, noteContext(id)),
                        form.getFollowUpOn(), me, me)
                .update();
        if (inserted == 0) {
            // the same form submitted twice at once: the other request logged it
            if (db.sql("SELECT EXISTS (SELECT 1 FROM contact WHERE id = ? AND organisation_id = ?)").params(id, org)
                    .query(Boolean.class).single()) {
                return id;
            }
            throw new NotFoundException("Contact");
        }
        writeStaff(id, staff.isEmpty() ? List.of(me) : staff);
        writeRelatives(id, form.getRelativeIds());
        audit.record(person, AuditAction.CREATE, note == null ? "followup.contact" : "followup.contact+note");
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
        Row r = row(id);
        persons.requireVisible(r.personId());
        if (r.voidedAt() != null) {
            throw new InvalidInputException("id", "contact.voided");
        }
        Set<UUID> currentStaff = staffOf(List.of(id)).getOrDefault(id, Map.of()).keySet();
        List<UUID> currentRelatives = relativesOf(id);
        List<InvalidInputException> broken = new ArrayList<>();
        checkContact(form, r, broken);
        List<UUID> staff = staffChecked(form.getStaffIds(), currentStaff, broken);
        checkRelatives(r.personId(), form.getRelativeIds(), new HashSet<>(currentRelatives), broken);
        InvalidInputException.throwIfAny(broken);

        db.sql("""
                        UPDATE contact SET occurred_at = ?, type = ?, escort_kind = ?, duration_minutes = ?,
                               follow_up_done_at = CASE WHEN follow_up_on IS NOT DISTINCT FROM CAST(? AS date) THEN follow_up_done_at END,
                               follow_up_done_by = CASE WHEN follow_up_on IS NOT DISTINCT FROM CAST(? AS date) THEN follow_up_done_by END,
                               follow_up_on = ?, updated_at = now(), updated_by = ?
                         WHERE id = ? AND organisation_id = ?""")
                .params(utc(occurredAt(form)), form.getType().name(), escortKind(form),
                        form.getDurationMinutes(), form.getFollowUpOn(), form.getFollowUpOn(), form.getFollowUpOn(),
                        me(), id, Tenancy.requireOrganisationId())
                .update();
        if (form.getNote() != null) {
            db.sql("UPDATE contact SET note_encrypted = ? WHERE id = ?")
                    .params(crypto.encryptText(blankToNull(form.getNote()), noteContext(id)), id).update();
        }
        if (!staff.isEmpty()) {
            db.sql("DELETE FROM contact_staff WHERE contact_id = ?").param(id).update();
            writeStaff(id, staff);
        }
        db.sql("DELETE FROM contact_relative WHERE contact_id = ?").param(id).update();
        writeRelatives(id, form.getRelativeIds());
        audit.record(r.personId(), AuditAction.UPDATE, form.getNote() == null ? "followup.contact" : "followup.contact+note");
    }

    /** Voids a contact with a reason: it stays, marked, and counts no more. Voiding it again changes nothing. */
    @Transactional
    public void voidContact(UUID id, String reason) {
        Row r = row(id);
        persons.requireVisible(r.personId());
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "contact.void.reason.required");
        }
        if (reason.length() > 500) {
            throw new InvalidInputException("reason", "contact.void.reason.size");
        }
        int voided = db.sql("""
                        UPDATE contact SET voided_at = now(), voided_by = ?, void_reason = ?, updated_at = now(), updated_by = ?
                         WHERE id = ? AND organisation_id = ? AND voided_at IS NULL""")
                .params(me(), reason.strip(), me(), id, Tenancy.requireOrganisationId()).update();
        if (voided > 0) {
            audit.record(r.personId(), AuditAction.UPDATE, "followup.contact.void");
        }
    }

    /** Marks the contact's follow-up as done: it leaves the task lists. Marking it again changes nothing. */
    @Transactional
    public void followUpDone(UUID id) {
        Row r = row(id);
        persons.requireVisible(r.personId());
        if (r.followUpOn() == null || r.voidedAt() != null) {
            throw new InvalidInputException("followUpOn", "contact.followUp.none");
        }
        int done = db.sql("""
                        UPDATE contact SET follow_up_done_at = now(), follow_up_done_by = ?
                         WHERE id = ? AND organisation_id = ? AND follow_up_done_at IS NULL""")
                .params(me(), id, Tenancy.requireOrganisationId()).update();
        if (done > 0) {
            audit.record(r.personId(), AuditAction.UPDATE, "followup.contact.follow-up");
        }
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
        record Due(UUID contactId, UUID personId, ContactType type, LocalDate followUpOn) {
        }
        List<Due> due = db.sql("""
                        SELECT c.id AS contact_id, c.person_id, c.type, c.follow_up_on
                          FROM contact c JOIN contact_staff s ON s.contact_id = c.id AND s.user_id = :me
                         WHERE c.organisation_id = :org AND c.follow_up_on IS NOT NULL AND c.follow_up_done_at IS NULL
                           AND c.voided_at IS NULL AND c.person_id = ANY(:visible)
                         ORDER BY c.follow_up_on, c.occurred_at, c.id LIMIT :limit""")
                .param("me", me).param("org", Tenancy.requireOrganisationId())
                .param("visible", persons.visiblePersonIds().toArray(UUID[]::new)).param("limit", limit)
                .query(Due.class).list();
        var names = persons.names(due.stream().map(Due::personId).collect(java.util.stream.Collectors.toSet()));
        audit.recordEach(due.stream().map(Due::personId).distinct().toList(), AuditAction.LIST, "followup.tasks");
        return due.stream().map(d -> new FollowUp(d.contactId(), d.personId(), nameOf(names, d.personId()), d.type(),
                d.followUpOn())).toList();
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
        List<UUID> ids = db.sql("""
                        SELECT DISTINCT c.person_id FROM contact c
                         WHERE c.organisation_id = ? AND c.voided_at IS NULL AND c.person_id = ANY(?) LIMIT 2000""")
                .params(Tenancy.requireOrganisationId(), persons.visiblePersonIds().toArray(UUID[]::new))
                .query(UUID.class).list();
        return persons.names(ids).values().stream()
                .sorted(java.util.Comparator.comparing((PersonLookup.PersonName p) -> p.displayName().toLowerCase())
                        .thenComparing(PersonLookup.PersonName::id))
                .map(p -> new Named(p.id(), p.displayName())).toList();
    }

    /** The date and time rules, the escort's destination and the follow-up date; {@code before} on a change. */
    private void checkContact(ContactForm form, Row before, List<InvalidInputException> broken) {
        if (form.getType() == null) {
            broken.add(new InvalidInputException("type", "contact.type.required"));
        }
        if (form.getDate() == null) {
            broken.add(new InvalidInputException("date", "contact.date.required"));
        } else if (form.getDate().isBefore(EARLIEST)) {
            broken.add(new InvalidInputException("date", "contact.date.range"));
        } else if (form.getTime() == null) {
            broken.add(new InvalidInputException("time", "contact.time.required"));
        } else if (occurredAt(form).isAfter(clock.instant().plus(AHEAD))) {
            broken.add(new InvalidInputException("date", "contact.date.future"));
        }
        if (form.getType() == ContactType.ESCORT && form.getEscortKind() == null) {
            broken.add(new InvalidInputException("escortKind", "contact.escortKind.required"));
        }
        if (form.getDurationMinutes() != null && (form.getDurationMinutes() < 1 || form.getDurationMinutes() > 720)) {
            broken.add(new InvalidInputException("durationMinutes", "contact.duration.range"));
        }
        if (form.getNote() != null && form.getNote().length() > 2000) {
            broken.add(new InvalidInputException("note", "contact.note.size"));
        }
        LocalDate followUp = form.getFollowUpOn();
        // a date kept from before may lie in the past by now; only a new or changed one must not
        boolean changed = before == null || !Objects.equals(before.followUpOn(), followUp);
        LocalDate today = LocalDate.now(clock);
        if (followUp != null && changed && followUp.isBefore(today)) {
            broken.add(new InvalidInputException("followUpOn", "contact.followUp.past"));
        } else if (followUp != null && changed && followUp.isAfter(today.plusYears(2))) {
            broken.add(new InvalidInputException("followUpOn", "contact.followUp.range"));
        }
    }

    /**
     * The staff named, each an active admin, coordinator or staff member of the organisation (or already on the
     * contact); none named means the signed-in user, so someone without an account (Tilfrisk itself) must name one.
     */
    private List<UUID> staffChecked(List<UUID> named, Set<UUID> alreadyOn, List<InvalidInputException> broken) {
        List<UUID> staff = named.stream().filter(Objects::nonNull).distinct().toList();
        if (staff.isEmpty() && me() == null && alreadyOn.isEmpty()) {
            broken.add(new InvalidInputException("staffIds", "contact.staff.required"));
        }
        if (!staff.isEmpty()) {
            Set<UUID> allowed = new HashSet<>(alreadyOn);
            users.staff().forEach(s -> allowed.add(s.id()));
            if (!allowed.containsAll(staff)) {
                broken.add(new InvalidInputException("staffIds", "contact.staff.unknown"));
            }
        }
        return staff;
    }

    /** Relatives present: linked to this participant, and each new one with the participant's consent now. */
    private void checkRelatives(UUID person, List<UUID> relativeIds, Set<UUID> alreadyOn,
                                List<InvalidInputException> broken) {
        List<UUID> added = relativeIds.stream().filter(Objects::nonNull).distinct()
                .filter(r -> !alreadyOn.contains(r)).toList();
        if (added.isEmpty()) {
            return;
        }
        Set<UUID> linked = new HashSet<>();
        persons.relativesOf(person).forEach(r -> linked.add(r.id()));
        Set<String> codes = new LinkedHashSet<>();
        for (UUID relative : added) {
            if (!linked.contains(relative)) {
                codes.add("contact.relative.notLinked");
            } else if (!consents.isGiven(person, ConsentPurpose.INVOLVE_RELATIVE, relative, null)) {
                codes.add("contact.relative.noConsent");
            }
        }
        codes.forEach(code -> broken.add(new InvalidInputException("relativeIds", code)));
    }

    private boolean isVisible(UUID personId) {
        try {
            persons.requireVisible(personId);
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private void writeStaff(UUID contactId, Collection<UUID> staff) {
        UUID org = Tenancy.requireOrganisationId();
        for (UUID user : staff) {
            db.sql("INSERT INTO contact_staff (contact_id, user_id, organisation_id) VALUES (?, ?, ?)")
                    .params(contactId, user, org).update();
        }
    }

    private void writeRelatives(UUID contactId, List<UUID> relatives) {
        UUID org = Tenancy.requireOrganisationId();
        for (UUID relative : relatives.stream().filter(Objects::nonNull).distinct().toList()) {
            db.sql("INSERT INTO contact_relative (contact_id, relative_id, organisation_id) VALUES (?, ?, ?)")
                    .params(contactId, relative, org).update();
        }
    }

    private static final String ROW = """
            SELECT id, person_id, occurred_at, type, escort_kind, duration_minutes, note_encrypted,
                   follow_up_on, follow_up_done_at, created_at, created_by, voided_at, voided_by, void_reason
              FROM contact""";

    private Row row(UUID id) {
        return db.sql(ROW + " WHERE id = ? AND organisation_id = ?")
                .params(id, Tenancy.requireOrganisationId())
                .query(Row.class).optional().orElseThrow(() -> new NotFoundException("Contact"));
    }

    /** Staff of each contact, by name, in name order. */
    private Map<UUID, Map<UUID, String>> staffOf(Collection<UUID> contactIds) {
        if (contactIds.isEmpty()) {
            return Map.of();
        }
        record Link(UUID contactId, UUID userId) {
        }
        List<Link> links = db.sql("SELECT contact_id, user_id FROM contact_staff WHERE contact_id = ANY(?)")
                .param(contactIds.toArray(UUID[]::new)).query(Link.class).list();
        Map<UUID, String> names = users.names(links.stream().map(Link::userId).collect(java.util.stream.Collectors.toSet()));
        Map<UUID, Map<UUID, String>> byContact = new HashMap<>();
        links.stream()
                .sorted(java.util.Comparator.comparing((Link l) -> names.getOrDefault(l.userId(), "").toLowerCase()))
                .forEach(l -> byContact.computeIfAbsent(l.contactId(), k -> new LinkedHashMap<>())
                        .put(l.userId(), names.getOrDefault(l.userId(), "–")));
        return byContact;
    }

    private List<UUID> relativesOf(UUID contactId) {
        return relativesOf(List.of(contactId)).getOrDefault(contactId, List.of());
    }

    /** The relatives present at each contact, in id order. */
    private Map<UUID, List<UUID>> relativesOf(Collection<UUID> contactIds) {
        Map<UUID, List<UUID>> byContact = new HashMap<>();
        db.sql("SELECT contact_id, relative_id FROM contact_relative WHERE contact_id = ANY(?) ORDER BY relative_id")
                .param(contactIds.toArray(UUID[]::new))
                .query((rs, i) -> Map.entry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list()
                .forEach(e -> byContact.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return byContact;
    }

    private List<ContactSummary> summaries(List<Row> rows) {
        Map<UUID, Map<UUID, String>> staff = staffOf(rows.stream().map(Row::id).toList());
        var names = persons.names(rows.stream().map(Row::personId).collect(java.util.stream.Collectors.toSet()));
        return rows.stream().map(r -> new ContactSummary(r.id(), r.personId(), nameOf(names, r.personId()),
                r.occurredAt(), r.type(), r.escortKind(), r.durationMinutes(),
                List.copyOf(staff.getOrDefault(r.id(), Map.of()).values()), r.followUpOn(), r.followUpDoneAt() != null,
                r.voidedAt() != null)).toList();
    }

    private static String nameOf(Map<UUID, PersonLookup.PersonName> names, UUID personId) {
        var name = names.get(personId);
        return name == null ? null : name.displayName();
    }

    static Instant occurredAt(ContactForm form) {
        return form.getDate().atTime(form.getTime()).atZone(Dates.OSLO).toInstant();
    }

    /** Instants go to PostgreSQL with their offset, so no time zone of the JVM or the session can shift them. */
    static java.time.OffsetDateTime utc(Instant instant) {
        return instant.atOffset(java.time.ZoneOffset.UTC);
    }

    static Instant startOf(LocalDate date) {
        return date.atStartOfDay(Dates.OSLO).toInstant();
    }

    private static String escortKind(ContactForm form) {
        return form.getType() == ContactType.ESCORT && form.getEscortKind() != null ? form.getEscortKind().name() : null;
    }

    private static UUID me() {
        return Tenancy.currentPrincipal().map(TenantPrincipal::userId).orElse(null);
    }


    record Row(UUID id, UUID personId, Instant occurredAt, ContactType type, EscortKind escortKind,
               Integer durationMinutes, byte[] noteEncrypted, LocalDate followUpOn, Instant followUpDoneAt,
               Instant createdAt, UUID createdBy, Instant voidedAt, UUID voidedBy, String voidReason) {

        static Row summaryOf(java.sql.ResultSet rs) throws java.sql.SQLException {
            String kind = rs.getString("escort_kind");
            var done = rs.getObject("follow_up_done_at", java.time.OffsetDateTime.class);
            var voided = rs.getObject("voided_at", java.time.OffsetDateTime.class);
            return new Row(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                    rs.getObject("occurred_at", java.time.OffsetDateTime.class).toInstant(),
                    ContactType.valueOf(rs.getString("type")), kind == null ? null : EscortKind.valueOf(kind),
                    (Integer) rs.getObject("duration_minutes"), null, rs.getObject("follow_up_on", LocalDate.class),
                    done == null ? null : done.toInstant(), null, null, voided == null ? null : voided.toInstant(),
                    null, null);
        }
    }
}
