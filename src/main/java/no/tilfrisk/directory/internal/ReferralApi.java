package no.tilfrisk.directory.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.directory.Referral;
import no.tilfrisk.directory.ReferralForm;
import no.tilfrisk.directory.ReferralOutcome;
import no.tilfrisk.directory.Referrals;
import no.tilfrisk.platform.web.IdempotencyKey;
import no.tilfrisk.platform.web.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A person's referrals to the directory's offers through the API: what the person's referral page does. */
@RestController
@RequestMapping("/api/v1/persons/{personId}/referrals")
@Tag(name = "Referrals", description = "A person's referrals to offers of the service directory, and what came of "
        + "them. For admins, coordinators and staff about persons they may see; every call is audited")
class ReferralApi {

    /** What came of a referral; null clears it. */
    record Outcome(ReferralOutcome outcome) {
    }

    private static final String REFERRAL_EXAMPLE = """
            {"offerId": "6f1c0a52-3b7e-4f0e-9a51-1f2a3b4c5d6e", "referredOn": "2024-05-02",
             "reason": "Ønsker noen å snakke med om gjeld", "consentToShare": true}""";
    private static final String OUTCOME_EXAMPLE = """
            {"outcome": "STARTED"}""";

    private final Referrals referrals;

    ReferralApi(Referrals referrals) {
        this.referrals = referrals;
    }

    @GetMapping
    @Operation(summary = "The person's referrals, newest first, with what came of them")
    List<Referral> list(@PathVariable UUID personId) {
        return referrals.forPerson(personId);
    }

    @PostMapping
    @Operation(summary = "Refer the person to an offer: offerId, referredOn (today when left out), reason, and "
            + "consentToShare (needed unless the offer is low-threshold)",
            description = "An Idempotency-Key header (a UUID) becomes the referral's id, so a retried request refers "
                    + "once.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "a referral", value = REFERRAL_EXAMPLE))))
    ResponseEntity<Referral> refer(@RequestHeader(name = IdempotencyKey.HEADER, required = false) UUID key,
                                   @PathVariable UUID personId, @RequestBody ReferralForm form) {
        UUID id = referrals.refer(IdempotencyKey.idFor(key), personId, form);
        return ResponseEntity.created(URI.create("/api/v1/persons/" + personId + "/referrals")).body(one(personId, id));
    }

    @PostMapping("/{referralId}/outcome")
    @Operation(summary = "Record what came of a referral: STARTED, DID_NOT_START or WAITING (null clears it), "
            + "dated today",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "started", value = OUTCOME_EXAMPLE))))
    Referral outcome(@PathVariable UUID personId, @PathVariable UUID referralId,
                     @RequestBody(required = false) Outcome body) {
        referrals.outcome(personId, referralId, body == null ? null : body.outcome());
        return one(personId, referralId);
    }

    private Referral one(UUID personId, UUID id) {
        return referrals.forPerson(personId).stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("referral"));
    }
}
