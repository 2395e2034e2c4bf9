package no.tilfrisk.outcome;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** One response: the answers item by item under the instrument version they were given, and the computed score. */
public record Response(UUID id, UUID personId, String instrumentId, int instrumentVersion, LocalDate answeredOn,
                       EntryMethod entryMethod, String enteredBy, Instant createdAt, Map<String, Integer> answers,
                       Score score) {
}
