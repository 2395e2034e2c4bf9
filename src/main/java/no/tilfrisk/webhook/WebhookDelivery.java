package no.tilfrisk.webhook;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of a hook's delivery log: the event, where it stands, and its latest attempt (the answer's status, or a
 * short error where there was none).
 */
public record WebhookDelivery(UUID id, UUID eventId, String kind, Instant occurredAt, Status status, int attempts,
                              Instant nextAttemptAt, Instant deliveredAt, Instant lastAttemptAt,
                              Integer lastHttpStatus, String lastError) {

    public enum Status { PENDING, DELIVERED, FAILED }
}
