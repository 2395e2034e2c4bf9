package no.tilfrisk.webhook.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.platform.web.IdempotencyKey;
import no.tilfrisk.webhook.CreatedWebhook;
import no.tilfrisk.webhook.Webhook;
import no.tilfrisk.webhook.WebhookDelivery;
import no.tilfrisk.webhook.WebhookForm;
import no.tilfrisk.webhook.Webhooks;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/webhooks")
@Tag(name = "Webhooks", description = """
        Hooks of partner systems (organisation admin). Each event is POSTed as JSON with ids, the kind and the time \
        only: {"id": event id, "kind": "person.created" | "attendance.recorded" | "transition.date_moved", \
        "occurredAt", "organisationId", "data": {ids}}. Header X-Tilfrisk-Signature: "sha256=" and the hex \
        HMAC-SHA256 of the body under the hook's secret; X-Tilfrisk-Event: the kind; X-Tilfrisk-Delivery: the \
        delivery's id. Answer 2xx to accept; anything else is tried again after 30 s, doubling, at most 6 h apart, \
        12 times in all.""")
class WebhookApi {

    private final Webhooks webhooks;

    WebhookApi(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    record Active(boolean active) {
    }

    @GetMapping
    @Operation(summary = "The organisation's hooks (without their secrets)")
    List<Webhook> list() {
        return webhooks.list();
    }

    @PostMapping
    @Operation(summary = "Register a hook",
            description = "Body: {\"url\": \"https://partner.example/hooks/tilfrisk\", \"events\": "
                    + "[\"PERSON_CREATED\", \"ATTENDANCE_RECORDED\", \"TRANSITION_DATE_MOVED\"]}. The answer carries "
                    + "the signing secret this once. The url must be http(s) and not Tilfrisk itself or this machine. "
                    + "Send an Idempotency-Key (a UUID) to make a retried request create nothing twice; it becomes the "
                    + "hook's id, and the retry's answer has no secret.")
    ResponseEntity<CreatedWebhook> create(@RequestHeader(name = IdempotencyKey.HEADER, required = false) UUID key,
                                          @RequestBody WebhookForm form) {
        CreatedWebhook created = webhooks.create(IdempotencyKey.idFor(key), form);
        return ResponseEntity.created(URI.create("/api/v1/webhooks/" + created.webhook().id())).body(created);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One hook")
    Webhook get(@PathVariable UUID id) {
        return webhooks.get(id);
    }

    @PutMapping("/{id}/active")
    @Operation(summary = "Turn a hook off or on", description = "Body: {\"active\": false}")
    Webhook setActive(@PathVariable UUID id, @RequestBody Active body) {
        return webhooks.setActive(id, body.active());
    }

    @GetMapping("/{id}/deliveries")
    @Operation(summary = "The hook's delivery log, newest first (at most 200): status, attempts, the latest answer")
    List<WebhookDelivery> deliveries(@PathVariable UUID id) {
        return webhooks.deliveries(id);
    }
}
