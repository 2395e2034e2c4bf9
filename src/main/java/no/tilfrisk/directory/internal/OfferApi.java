package no.tilfrisk.directory.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.tilfrisk.directory.Hsds;
import no.tilfrisk.directory.Offer;
import no.tilfrisk.directory.OfferChange;
import no.tilfrisk.directory.OfferForm;
import no.tilfrisk.directory.OfferSummary;
import no.tilfrisk.directory.Offers;
import no.tilfrisk.platform.web.IdempotencyKey;
import no.tilfrisk.platform.web.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The directory's write API for those who keep offers: an organisation's admins and directory editors. */
@RestController
@RequestMapping("/api/v1/offers")
@Tag(name = "Service directory (keepers)", description = "Create, change, confirm and import offers; "
        + "admins and directory editors of the organisation (directory editors also the network's shared entries)")
class OfferApi {

    private final Offers offers;
    private final Hsds hsds;

    OfferApi(Offers offers, Hsds hsds) {
        this.offers = offers;
        this.hsds = hsds;
    }

    @PostMapping
    @Operation(summary = "Create an offer",
            description = "Tags by code (an unknown one is a 400 naming it); hours per weekday as HH:MM, with "
                    + "pastMidnight true for a closing after midnight (a closing before the opening without it is a 400).")
    ResponseEntity<Map<String, UUID>> create(@RequestHeader(name = IdempotencyKey.HEADER, required = false) UUID key,
                                             @RequestBody OfferForm form) {
        UUID id = offers.create(IdempotencyKey.idFor(key), form);
        return ResponseEntity.created(URI.create("/api/v1/public/offers/" + id)).body(Map.of("id", id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change an offer (every field)",
            description = "With If-Match: the version read (the public API's ETag carries it); a change made "
                    + "meanwhile is then a 400 instead of being overwritten.")
    ResponseEntity<Void> update(@PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                @RequestBody OfferForm form) {
        Offer current = offers.forEditing(id);
        int version = form.getVersion() != null ? form.getVersion() : current.version();
        if (ifMatch != null) {
            String tag = ifMatch.replace("\"", "");
            try {
                version = Integer.parseInt(tag.substring(tag.lastIndexOf('-') + 1));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("version", "directory.error.changedMeanwhile");
            }
        }
        offers.update(id, version, form);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/confirm")
    @Operation(summary = "Confirm that the offer is still as written (its «last confirmed» becomes today)")
    ResponseEntity<Void> confirm(@PathVariable UUID id) {
        offers.confirm(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Every change of an offer: when, by whom, what kind, which fields")
    List<OfferChange> history(@PathVariable UUID id) {
        return offers.history(id);
    }

    @GetMapping("/review")
    @Operation(summary = "The offers the caller keeps that nobody confirmed for 6 months")
    List<OfferSummary> review() {
        return offers.forReview();
    }

    @PostMapping("/import/hsds")
    @Operation(summary = "Import Open Referral HSDS 3.0 services as the organisation's offers",
            description = "A JSON array of HSDS service objects. All or nothing; a broken service is a 400 naming it.")
    Map<String, List<UUID>> importHsds(@RequestBody List<Map<String, Object>> services) {
        return Map.of("offers", offers.importHsds(hsds.read(services)));
    }
}
