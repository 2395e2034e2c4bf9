package no.tilfrisk.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A registered hook, without its secret (shown once, when it is made). */
public record Webhook(UUID id, String url, List<WebhookEvent> events, boolean active, Instant createdAt) {
}
