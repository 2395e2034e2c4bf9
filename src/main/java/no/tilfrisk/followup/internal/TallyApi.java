package no.tilfrisk.followup.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import no.tilfrisk.followup.ContactType;
import no.tilfrisk.followup.Tallies;
import no.tilfrisk.followup.Tally;
import no.tilfrisk.followup.TallyForm;
import no.tilfrisk.platform.web.IdempotencyKey;
import no.tilfrisk.platform.web.ResultPage;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tallies")
@Tag(name = "Tallies", description = "Contacts counted by volume only, per department, type and period, with no person")
class TallyApi {

    private final Tallies tallies;

    TallyApi(Tallies tallies) {
        this.tallies = tallies;
    }

    @GetMapping
    @Operation(summary = "Tallies that stand in the caller's departments (or one of them), newest period first; "
            + "from and to keep those whose period overlaps")
    ResultPage<Tally> list(@RequestParam(required = false) UUID department,
                           @RequestParam(required = false) ContactType type,
                           @RequestParam(required = false) LocalDate from,
                           @RequestParam(required = false) LocalDate to,
                           @RequestParam(defaultValue = "0") int page,
                           @RequestParam(defaultValue = "25") int size) {
        return tallies.list(department, type, from, to, Math.max(0, page), Math.min(Math.max(1, size), 100));
    }

    @PostMapping
    @Operation(summary = "Record a tally",
            description = "An Idempotency-Key header (a UUID), or else an id in the body, becomes the tally's id, so a "
                    + "retried request records one.")
    ResponseEntity<Map<String, UUID>> create(@RequestHeader(name = IdempotencyKey.HEADER, required = false) UUID key,
                                             @Valid @RequestBody TallyForm form) {
        UUID id = tallies.record(IdempotencyKey.idFor(key, form.getId()), form);
        return ResponseEntity.created(URI.create("/api/v1/tallies/" + id)).body(Map.of("id", id));
    }

    @PostMapping("/{id}/void")
    @Operation(summary = "Void a tally, with a reason")
    ResponseEntity<Void> voidTally(@PathVariable UUID id, @RequestBody(required = false) Map<String, String> body) {
        tallies.voidTally(id, body == null ? null : body.get("reason"));
        return ResponseEntity.noContent().build();
    }
}
