package no.tilfrisk.collaboration.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.tilfrisk.collaboration.CollaborationForm;
import no.tilfrisk.collaboration.CollaborationKind;
import no.tilfrisk.collaboration.CollaborationRecord;
import no.tilfrisk.collaboration.CollaborationRegister;
import no.tilfrisk.collaboration.CollaborationSummary;
import no.tilfrisk.platform.web.IdempotencyKey;
import no.tilfrisk.platform.web.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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
@RequestMapping("/api/v1/collaboration")
@Tag(name = "Collaboration", description = "The collaboration and governance register: councils, user offices, meetings "
        + "with services, seminars, co-organised events, political meetings, board and annual meetings. No persons.")
class CollaborationApi {

    private final CollaborationRegister register;
    private final Clock clock;

    CollaborationApi(CollaborationRegister register, Clock clock) {
        this.clock = clock;
        this.register = register;
    }

    @GetMapping
    @Operation(summary = "Records that count in a period, oldest first",
            description = "year, or from and to (dates included); none is this year. A dated record counts on its day, a "
                    + "council or user office while its span overlaps the period. department: only that department's records.")
    List<CollaborationRecord> list(@RequestParam(required = false) Integer year,
                                   @RequestParam(required = false) LocalDate from,
                                   @RequestParam(required = false) LocalDate to,
                                   @RequestParam(required = false) CollaborationKind kind,
                                   @RequestParam(required = false) UUID department) {
        LocalDate[] period = period(year, from, to);
        List<CollaborationRecord> records = register.list(period[0], period[1], kind, department);
        return register.mayCountParticipants() ? records
                : records.stream().map(CollaborationRecord::withoutParticipants).toList();
    }

    @GetMapping("/summary")
    @Operation(summary = "Per kind: how many records and participants in a period, with the records",
            description = "What the annual report's sections on collaboration and governance are made from.")
    CollaborationSummary summary(@RequestParam(required = false) Integer year,
                                 @RequestParam(required = false) LocalDate from,
                                 @RequestParam(required = false) LocalDate to,
                                 @RequestParam(required = false) UUID department) {
        LocalDate[] period = period(year, from, to);
        CollaborationSummary summary = register.summary(department, period[0], period[1]);
        return register.mayCountParticipants() ? summary : summary.withoutParticipants();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One record")
    CollaborationRecord get(@PathVariable UUID id) {
        CollaborationRecord r = register.get(id);
        return register.mayCountParticipants() ? r : r.withoutParticipants();
    }

    @PostMapping
    @Operation(summary = "Add a record",
            description = "An Idempotency-Key header (a UUID), or else an id in the body, becomes the record's id, so a "
                    + "retried request adds one. Fields the kind does not use are dropped.")
    ResponseEntity<Map<String, UUID>> create(@RequestHeader(name = IdempotencyKey.HEADER, required = false) UUID key,
                                             @Valid @RequestBody CollaborationForm form) {
        UUID id = register.create(IdempotencyKey.idFor(key, form.getId()), form);
        return ResponseEntity.created(URI.create("/api/v1/collaboration/" + id)).body(Map.of("id", id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a record; its kind stays")
    ResponseEntity<Void> update(@PathVariable UUID id, @RequestBody CollaborationForm form) {
        // the kind may be left out of a change: it is the record's
        if (form.getKind() == null) {
            form.setKind(register.get(id).kind());
        }
        register.update(id, form);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a record")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        register.delete(id);
        return ResponseEntity.noContent().build();
    }

    private LocalDate[] period(Integer year, LocalDate from, LocalDate to) {
        if (year != null) {
            if (year < 2000 || year > 2100) {
                throw new InvalidInputException("year", "collaboration.filter.year.invalid");
            }
            return new LocalDate[] {LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)};
        }
        if (from == null && to == null) {
            int now = LocalDate.now(clock).getYear();
            return new LocalDate[] {LocalDate.of(now, 1, 1), LocalDate.of(now, 12, 31)};
        }
        return new LocalDate[] {from, to};
    }
}
