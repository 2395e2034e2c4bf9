package no.tilfrisk.person.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.tilfrisk.person.Consent;
import no.tilfrisk.person.ConsentForm;
import no.tilfrisk.person.ConsentMethod;
import no.tilfrisk.person.Consents;
import no.tilfrisk.person.DataSubjectRights;
import no.tilfrisk.person.PersonExport;
import no.tilfrisk.person.PersonDetails;
import no.tilfrisk.person.PersonDirectory;
import no.tilfrisk.person.PersonForm;
import no.tilfrisk.person.PersonRole;
import no.tilfrisk.person.PersonSummary;
import no.tilfrisk.platform.web.IdempotencyKey;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.ResultPage;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
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
@RequestMapping("/api/v1/persons")
@Tag(name = "Persons", description = "Persons of the caller's organisation, within the caller's rights; every call is audited")
class PersonApi {

    private final PersonDirectory persons;
    private final Consents consents;
    private final DataSubjectRights rights;

    PersonApi(PersonDirectory persons, Consents consents, DataSubjectRights rights) {
        this.persons = persons;
        this.consents = consents;
        this.rights = rights;
    }

    @GetMapping
    @Operation(summary = "Search persons by name, phone or e-mail; filter by department and role")
    ResultPage<PersonSummary> list(@RequestParam(defaultValue = "") String q,
                                             @RequestParam(required = false) UUID department,
                                             @RequestParam(required = false) PersonRole role,
                                             @RequestParam(defaultValue = "0") int page,
                                             @RequestParam(defaultValue = "25") int size) {
        return persons.search(q, department, role, Math.max(0, page), Math.min(Math.max(1, size), 100));
    }

    @PostMapping
    @Operation(summary = "Register a person",
            description = "Answers 409 when someone with the same name and birth year exists; send "
                    + "confirmDuplicate: true to register anyway. An Idempotency-Key (a UUID) becomes the id, so a "
                    + "retried request registers one person.")
    ResponseEntity<?> create(@RequestHeader(name = IdempotencyKey.HEADER, required = false) UUID key,
                             @Valid @RequestBody PersonForm form) {
        var outcome = persons.register(IdempotencyKey.idFor(key), form);
        if (outcome instanceof PersonDirectory.Registered registered) {
            // the new person is not read back here: one call, one row in the audit trail
            return ResponseEntity.created(URI.create("/api/v1/persons/" + registered.id()))
                    .body(Map.of("id", registered.id()));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "A person with the same name and birth year is already registered. Send confirmDuplicate: true to register anyway.");
        problem.setTitle("Possible duplicate");
        problem.setProperty("matches", ((PersonDirectory.PossibleDuplicate) outcome).matches());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One person (the national id number masked)")
    PersonDetails get(@PathVariable UUID id) {
        return persons.get(id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a person's data", description = "A note left out of the body stays as it is.")
    ResponseEntity<Void> update(@PathVariable UUID id, @Valid @RequestBody PersonForm form) {
        persons.update(id, form);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/deactivate")
    @Operation(summary = "Deactivate a person, with a reason")
    ResponseEntity<Void> deactivate(@PathVariable UUID id, @RequestBody Map<String, String> body) {
        persons.deactivate(id, body.get("reason"));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/reactivate")
    @Operation(summary = "Reactivate a deactivated person; reactivating an active one changes nothing")
    ResponseEntity<Void> reactivate(@PathVariable UUID id) {
        persons.reactivate(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/export")
    @Operation(summary = "Everything held about the person, for the person's right of access")
    PersonExport export(@PathVariable UUID id) {
        return rights.export(id);
    }

    @GetMapping("/{id}/consents")
    @Operation(summary = "The person's consents, given and withdrawn")
    List<Consent> consents(@PathVariable UUID id) {
        return consents.of(id);
    }

    @PostMapping("/{id}/consents")
    @Operation(summary = "Record a consent")
    ResponseEntity<Consent> give(@PathVariable UUID id, @Valid @RequestBody ConsentForm form) {
        return ResponseEntity.status(HttpStatus.CREATED).body(consents.give(id, form));
    }

    @PostMapping("/{id}/consents/{consentId}/withdraw")
    @Operation(summary = "Withdraw a consent; takes effect at once")
    ResponseEntity<Void> withdraw(@PathVariable UUID id, @PathVariable UUID consentId,
                           @RequestBody(required = false) Map<String, String> body) {
        String method = body == null || body.get("method") == null ? "VERBAL" : body.get("method");
        if (Arrays.stream(ConsentMethod.values()).noneMatch(m -> m.name().equals(method))) {
            throw new InvalidInputException("method", "consent.method.required");
        }
        consents.withdraw(id, consentId, ConsentMethod.valueOf(method));
        return ResponseEntity.noContent().build();
    }
}
