package no.tilfrisk.notification;

import java.time.Instant;
import java.util.UUID;

/** One line of the notification log: what kind went by which channel to where, when, and how it went. */
public record SentNotice(UUID id, UUID personId, UUID userId, Channel channel, String kind, String recipient,
                         String outcome, Instant sentAt) {
}
