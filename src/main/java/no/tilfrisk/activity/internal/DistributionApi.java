package no.tilfrisk.activity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.activity.Distribution;
import no.tilfrisk.activity.DistributionForm;
import no.tilfrisk.activity.Distributions;
import no.tilfrisk.platform.web.IdempotencyKey;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/distributions")
@Tag(name = "Distributions", description = "Gift cards, food boxes, presents and the like handed out")
class DistributionApi {

    record Created(UUID id) {
    }

    private final Distributions distributions;
    private final Clock clock;

    DistributionApi(Distributions distributions, Clock clock) {
        this.clock = clock;
        this.distributions = distributions;
    }

    @GetMapping
    @Operation(summary = "Distributions in a period (default this year)")
    List<Distribution> list(@RequestParam(required = false) UUID department, @RequestParam(required = false) LocalDate from,
                            @RequestParam(required = false) LocalDate to) {
        Period period = Period.chosenOrThisYear(from, to, LocalDate.now(clock));
        LocalDate start = period.from();
        LocalDate end = period.to();
        return distributions.list(department, start, end);
    }

    @PostMapping
    @Operation(summary = "Record a distribution", description = "Send an Idempotency-Key (a UUID) to make a retried "
            + "request record nothing twice; it becomes the distribution's id. Value in NOK (two decimals at most).")
    ResponseEntity<Created> create(@RequestHeader(name = IdempotencyKey.HEADER, required = false) UUID key,
                                   @Valid @RequestBody DistributionForm form) {
        UUID id = distributions.register(IdempotencyKey.idFor(key), form);
        return ResponseEntity.created(URI.create("/api/v1/distributions/" + id)).body(new Created(id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> remove(@PathVariable UUID id) {
        distributions.remove(id);
        return ResponseEntity.noContent().build();
    }
}
