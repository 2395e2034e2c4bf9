package no.tilfrisk.person;

import java.time.Instant;

/**
 * One thing that happened in a person's time with the organisation. {@code messageKey} names a message with
 * {@code detail} as its argument, so the page shows it in the reader's language.
 */
public record TimelineEntry(Instant at, String messageKey, String detail) {
}
