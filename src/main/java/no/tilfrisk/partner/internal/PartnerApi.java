package no.tilfrisk.partner.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.partner.PartnerOrganisation;
import no.tilfrisk.partner.PartnerOrganisationForm;
import no.tilfrisk.partner.PartnerOrganisations;
import no.tilfrisk.platform.web.IdempotencyKey;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The register of partner organisations for the organisation's admins, as on /admin/partners. */
@RestController
@Tag(name = "Partner organisations", description = "The organisation's register of partner organisations (NAV, "
        + "the municipality, an institution, the prison service): a person's consent to share with a partner names "
        + "one of them, and only then do its caseworkers (role PARTNER) see the person's transition. Admins only.")
class PartnerApi {

    private final PartnerOrganisations partners;

    PartnerApi(PartnerOrganisations partners) {
        this.partners = partners;
    }

    @GetMapping("/api/v1/partners")
    @Operation(summary = "Every partner organisation of the register, active first, by name")
    List<PartnerOrganisation> list() {
        return partners.register();
    }

    @GetMapping("/api/v1/partners/{id}")
    @Operation(summary = "One partner organisation")
    PartnerOrganisation get(@PathVariable UUID id) {
        return partners.register().stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new no.tilfrisk.platform.web.NotFoundException("Partner organisation"));
    }

    @PostMapping("/api/v1/partners")
    @Operation(summary = "Register a partner organisation: name (unique in the organisation) and kind",
            description = "An Idempotency-Key header (a UUID) becomes its id, so a retried request registers one.")
    ResponseEntity<PartnerOrganisation> create(@RequestHeader(name = IdempotencyKey.HEADER, required = false) UUID key,
                                               @RequestBody PartnerOrganisationForm form) {
        UUID id = partners.create(IdempotencyKey.idFor(key), form);
        return ResponseEntity.created(URI.create("/api/v1/partners/" + id)).body(partners.get(id));
    }

    /** Whether a partner organisation is active. */
    record Active(boolean active) {
    }

    @PutMapping("/api/v1/partners/{id}/active")
    @Operation(summary = "Turn a partner organisation off (its caseworkers then see nobody) or on again",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "off", value = "{\"active\": false}"))))
    PartnerOrganisation setActive(@PathVariable UUID id, @RequestBody Active body) {
        partners.setActive(id, body.active());
        return partners.get(id);
    }

    @PutMapping("/api/v1/partners/{id}")
    @Operation(summary = "Change a partner organisation's name, kind and (optionally) whether it is active",
            description = "A new name is refused while a consent in force names the old one: consents name the "
                    + "partner organisation by its name, so renaming would end that sharing without the person's say.")
    PartnerOrganisation update(@PathVariable UUID id, @RequestBody PartnerOrganisationForm form) {
        return partners.update(id, form);
    }
}
