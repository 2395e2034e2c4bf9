package no.tilfrisk.directory.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.directory.Hsds;
import no.tilfrisk.directory.Offer;
import no.tilfrisk.directory.OfferCsv;
import no.tilfrisk.directory.OfferQuery;
import no.tilfrisk.directory.OfferSummary;
import no.tilfrisk.directory.Offers;
import no.tilfrisk.platform.web.ResultPage;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The directory's public read API: no sign-in, rate-limited per client address ({@link PublicApiRateLimit}),
 * the same filters as the page, and the exports (CSV, and Open Referral's HSDS 3.0 services).
 */
@RestController
@RequestMapping("/api/v1/public/offers")
@Tag(name = "Service directory (public)", description = "Aftercare offers, open to anyone without a token; "
        + "rate-limited per client address (429 with Retry-After when exceeded)")
class PublicOfferApi {

    private final Offers offers;
    private final Hsds hsds;

    PublicOfferApi(Offers offers, Hsds hsds) {
        this.offers = offers;
        this.hsds = hsds;
    }

    @GetMapping
    @Operation(summary = "Search the published offers",
            description = "Filters as on /tilbud: q (at most 200 characters), need and group (tags, repeatable; "
                    + "an unknown tag is a 400), lowThreshold, free, area, language (ISO 639-1), open "
                    + "(now, tonight, weekend: in Oslo, with Norwegian public holidays), page, size (at most 100).")
    ResponseEntity<ResultPage<OfferSummary>> search(@ModelAttribute OfferQuery query) {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic())
                .body(offers.search(query.toSearch()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One published offer with its opening hours and, for seed entries, the source's figures")
    ResponseEntity<Offer> offer(@PathVariable UUID id) {
        Offer offer = offers.get(id);
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic())
                .eTag("\"" + offer.id() + "-" + offer.version() + "\"").lastModified(offer.updatedAt())
                .body(offer);
    }

    @GetMapping(value = "/export.csv", produces = "text/csv")
    @Operation(summary = "Every published offer as CSV (UTF-8, semicolons, a header line)")
    ResponseEntity<byte[]> csv() {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"tilbud.csv\"")
                .body(OfferCsv.write(offers.published()).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/export.hsds.json")
    @Operation(summary = "Every published offer as Open Referral HSDS 3.0 services",
            description = "A JSON array of HSDS 3.0 service objects (schema/compiled/service.json): each with its "
                    + "organization, location and schedules (RFC 5545 weekly rules), and taxonomy terms for the tags.")
    List<java.util.Map<String, Object>> hsds() {
        return hsds.export(offers.published());
    }
}
