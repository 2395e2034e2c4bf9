package no.tilfrisk.transition.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.tilfrisk.platform.web.IdempotencyKey;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.transition.AlertTask;
import no.tilfrisk.transition.ChecklistExtra;
import no.tilfrisk.transition.Institution;
import no.tilfrisk.transition.TransitionAlerts;
import no.tilfrisk.transition.TransitionSettings;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's transition alerts and their e-mail choice (staff), and the organisation's transition settings: the
 * institutions of its list and its own checklist items (admins). What {@code /transitions} and
 * {@code /admin/transitions} do, by the same service methods.
 */
@RestController
@Tag(name = "Transitions", description = "Transitions from an institution or prison to the municipality: the checklist, "
        + "date moves, the alerts and the organisation's settings")
class TransitionSettingsApi {

    record EmailChoice(Boolean email) {
    }

    /** A new institution: its name and, optionally, its type (for instance «fengsel»). */
    record InstitutionBody(String name, String type) {
    }

    record Active(Boolean active) {
    }

    /** A checklist item of the organisation's own, asked in every new transition. */
    record ExtraBody(String label) {
    }

    private static final String EMAIL_EXAMPLE = """
            {"email": true}""";
    private static final String INSTITUTION_EXAMPLE = """
            {"name": "Skien fengsel", "type": "fengsel"}""";
    private static final String ACTIVE_EXAMPLE = """
            {"active": false}""";
    private static final String EXTRA_EXAMPLE = """
            {"label": "Bankkort bestilt"}""";

    private final TransitionAlerts alerts;
    private final TransitionSettings settings;

    TransitionSettingsApi(TransitionAlerts alerts, TransitionSettings settings) {
        this.alerts = alerts;
        this.settings = settings;
    }

    @GetMapping("/api/v1/transitions/alerts")
    @Operation(summary = "The caller's open transition alerts, with the checklist items still open")
    List<AlertTask> myAlerts() {
        return alerts.mine();
    }

    @PostMapping("/api/v1/transitions/alerts/{alertId}/done")
    @Operation(summary = "Close one of the caller's own alerts as done; anyone else's is not found")
    ResponseEntity<Void> alertDone(@PathVariable UUID alertId) {
        alerts.done(alertId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/transitions/email-choice")
    @Operation(summary = "Whether the caller gets their transition alerts by e-mail as well")
    EmailChoice emailChoice() {
        return new EmailChoice(alerts.emailChosen());
    }

    @PutMapping("/api/v1/transitions/email-choice")
    @Operation(summary = "Choose to get one's transition alerts by e-mail as well, or not (left out: not)",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "by e-mail too", value = EMAIL_EXAMPLE))))
    EmailChoice chooseEmail(@RequestBody EmailChoice body) {
        alerts.chooseEmail(Boolean.TRUE.equals(body.email()));
        return new EmailChoice(alerts.emailChosen());
    }

    @GetMapping("/api/v1/transitions/settings/institutions")
    @Operation(summary = "The institutions and prisons of the organisation's list, those taken off it too")
    List<Institution> institutions() {
        return settings.institutions();
    }

    @PostMapping("/api/v1/transitions/settings/institutions")
    @Operation(summary = "Add an institution to the organisation's list (ORG_ADMIN)",
            description = "A name missing or already on the list is a 400 on «name». An Idempotency-Key header (a "
                    + "UUID) becomes its id, so a retried request adds one.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "a prison", value = INSTITUTION_EXAMPLE))))
    ResponseEntity<Map<String, UUID>> addInstitution(
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) UUID key, @RequestBody InstitutionBody body) {
        UUID id = settings.addInstitution(IdempotencyKey.idFor(key), body.name(), body.type());
        return ResponseEntity.created(URI.create("/api/v1/transitions/settings/institutions/" + id)).body(Map.of("id", id));
    }

    @PutMapping("/api/v1/transitions/settings/institutions/{institutionId}/active")
    @Operation(summary = "Put an institution on the list for new transitions, or take it off (ORG_ADMIN)",
            description = "Transitions that name it keep it.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "taken off", value = ACTIVE_EXAMPLE))))
    ResponseEntity<Void> setActive(@PathVariable UUID institutionId, @RequestBody Active body) {
        if (body.active() == null) {
            throw new InvalidInputException("active", "transition.institution.active.required");
        }
        settings.setInstitutionActive(institutionId, body.active());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/transitions/settings/extras")
    @Operation(summary = "The organisation's own checklist items, those retired too")
    List<ChecklistExtra> extras() {
        return settings.extras();
    }

    @PostMapping("/api/v1/transitions/settings/extras")
    @Operation(summary = "Add a checklist item of the organisation's own, asked in every new transition (ORG_ADMIN)",
            description = "A label missing or already in use is a 400 on «label». An Idempotency-Key header (a UUID) "
                    + "becomes its id.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "a bank card", value = EXTRA_EXAMPLE))))
    ResponseEntity<Map<String, UUID>> addExtra(@RequestHeader(name = IdempotencyKey.HEADER, required = false) UUID key,
                                               @RequestBody ExtraBody body) {
        UUID id = settings.addExtra(IdempotencyKey.idFor(key), body.label());
        return ResponseEntity.created(URI.create("/api/v1/transitions/settings/extras/" + id)).body(Map.of("id", id));
    }

    @PostMapping("/api/v1/transitions/settings/extras/{extraId}/retire")
    @Operation(summary = "Retire one of the organisation's own checklist items: new transitions no longer ask it (ORG_ADMIN)")
    ResponseEntity<Void> retire(@PathVariable UUID extraId) {
        settings.retireExtra(extraId);
        return ResponseEntity.noContent().build();
    }
}
