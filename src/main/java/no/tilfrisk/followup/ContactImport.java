package no.tilfrisk.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.ResultPage;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contacts and tallies in bulk, for the spreadsheet import (module {@code importer}). Nothing here is a second way to
 * write: a contact is logged by {@link ContactLog}'s own method (its rules, its encrypted note, its staff), in the
 * audit trail as imported; a tally by {@link Tallies#record}. The dry run asks the same rules without writing, and
 * what stands already, so that the same rows twice make nothing twice. An undo voids what the import made, with a
 * reason, as the pages do: contacts and tallies are never deleted.
 */
@Service
@PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR')")
public class ContactImport {

    /** A contact that stands: its person, moment and type, which a row of a file must not make again. */
    public record Existing(UUID personId, Instant occurredAt, ContactType type) {
    }

    private final ContactLog log;
    private final ContactRules rules;
    private final ContactRecords records;
    private final Tallies tallies;
    private final AuditTrail audit;

    ContactImport(ContactLog log, ContactRules rules, ContactRecords records, Tallies tallies, AuditTrail audit) {
        this.log = log;
        this.rules = rules;
        this.records = records;
        this.tallies = tallies;
        this.audit = audit;
    }

    /** What {@link ContactLog#log} would refuse in the form (its person already found visible), without writing. */
    @Transactional(readOnly = true)
    public List<InvalidInputException> check(ContactForm form) {
        List<InvalidInputException> broken = new ArrayList<>();
        rules.checkContact(form, null, broken);
        return broken;
    }

    /** The contacts that stand of these persons in the period (Oslo dates, both included). */
    @Transactional(readOnly = true)
    public List<Existing> standing(Collection<UUID> persons, LocalDate from, LocalDate to) {
        return persons.isEmpty() ? List.of() : records.standing(persons.toArray(UUID[]::new), from, to);
    }

    /** Logs each contact under its id through {@link ContactLog}; {@code what} names the import in the audit trail. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void log(Map<UUID, ContactForm> contacts, String what) {
        contacts.forEach((id, form) -> log.log(id, form, what));
    }

    /** Takes an import's contacts back: each voided with the reason, as {@link ContactLog#voidContact} does. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void voidContacts(Collection<UUID> ids, String reason, String what) {
        for (UUID id : ids) {
            log.voidContact(id, reason);
            records.personOf(id).ifPresent(person -> audit.record(person, AuditAction.IMPORT_UNDONE, what));
        }
    }

    /** What {@link Tallies#record} would refuse in the form, without writing. */
    @Transactional(readOnly = true)
    public List<InvalidInputException> checkTally(TallyForm form) {
        return tallies.check(form);
    }

    /** The tallies that stand in the caller's departments overlapping the period. */
    @Transactional(readOnly = true)
    public List<Tally> standingTallies(LocalDate from, LocalDate to) {
        List<Tally> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            ResultPage<Tally> found = tallies.list(null, null, from, to, page, 1000);
            all.addAll(found.items());
            if (found.items().size() < 1000) {
                return all;
            }
        }
    }

    /** Records each tally under its id through {@link Tallies#record}; one row in the audit trail names the import. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Map<UUID, TallyForm> forms, String what) {
        forms.forEach(tallies::record);
        audit.record(null, AuditAction.IMPORT, what);
    }

    /** Takes an import's tallies back: each voided with the reason, as {@link Tallies#voidTally} does. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void voidTallies(Collection<UUID> ids, String reason, String what) {
        ids.forEach(id -> tallies.voidTally(id, reason));
        audit.record(null, AuditAction.IMPORT_UNDONE, what);
    }
}
