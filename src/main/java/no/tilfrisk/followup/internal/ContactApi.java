package no.tilfrisk.followup.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import no.tilfrisk.followup.Contact;
import no.tilfrisk.followup.ContactFilter;
import no.tilfrisk.followup.ContactForm;
import no.tilfrisk.followup.ContactLog;
import no.tilfrisk.followup.ContactSummary;
import no.tilfrisk.followup.ContactType;
import no.tilfrisk.platform.web.IdempotencyKey;
import no.tilfrisk.platform.web.ResultPage;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/contacts")
@Tag(name = "Contacts", description = "The contact log: talks, calls, messages, visits and escorts with a participant. "
        + "For admins, coordinators and staff, about persons they may see; every call is audited")
class ContactApi {

    private final ContactLog contacts;

    ContactApi(ContactLog contacts) {
        this.contacts = contacts;
    }

    @GetMapping
    @Operation(summary = "Contacts that stand (not voided), newest first; filter by person, staff member, type and "
            + "period (dates included, Oslo time). Never the notes.")
    ResultPage<ContactSummary> list(@RequestParam(required = false) UUID person,
                                    @RequestParam(required = false) UUID staff,
                                    @RequestParam(required = false) ContactType type,
                                    @RequestParam(required = false) LocalDate from,
                                    @RequestParam(required = false) LocalDate to,
                                    @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "25") int size) {
        return contacts.search(new ContactFilter(person, staff, type, from, to), Math.max(0, page),
                Math.min(Math.max(1, size), 100));
    }

    @PostMapping
    @Operation(summary = "Log a contact",
            description = "date and time are Oslo time. No staffIds means the caller. An Idempotency-Key header (a "
                    + "UUID), or else an id in the body, becomes the contact's id, so a retried request logs one.")
    ResponseEntity<Map<String, UUID>> create(@RequestHeader(name = IdempotencyKey.HEADER, required = false) UUID key,
                                             @Valid @RequestBody ContactForm form) {
        UUID id = contacts.log(IdempotencyKey.idFor(key, form.getId()), form);
        // not read back here: one call, one row in the audit trail
        return ResponseEntity.created(URI.create("/api/v1/contacts/" + id)).body(Map.of("id", id));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One contact, with its note")
    Contact get(@PathVariable UUID id) {
        return contacts.get(id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a contact",
            description = "The participant stays. A note left out of the body stays as it is; no staffIds keeps the "
                    + "staff. A relative added now needs the participant's consent to involve them now.")
    ResponseEntity<Void> update(@PathVariable UUID id, @Valid @RequestBody ContactForm form) {
        contacts.update(id, form);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/void")
    @Operation(summary = "Void a contact, with a reason: it stays, marked, and counts no more")
    ResponseEntity<Void> voidContact(@PathVariable UUID id, @RequestBody(required = false) Map<String, String> body) {
        contacts.voidContact(id, body == null ? null : body.get("reason"));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/follow-up-done")
    @Operation(summary = "Mark the contact's follow-up as done")
    ResponseEntity<Void> followUpDone(@PathVariable UUID id) {
        contacts.followUpDone(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/follow-up-undo")
    @Operation(summary = "Take back «done» on the contact's follow-up: it is open again («Angre»)",
            description = "Only by the one who marked it and within one minute of marking it; later, by someone "
                    + "else, or on a follow-up not done, the answer is 400 and nothing changes.")
    ResponseEntity<Void> undoFollowUpDone(@PathVariable UUID id) {
        contacts.undoFollowUpDone(id);
        return ResponseEntity.noContent().build();
    }
}
