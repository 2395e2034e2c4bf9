package no.tilfrisk.directory;

import java.time.Instant;
import java.util.List;

/** One change of an offer in its history: when, by whom (their name then), what kind and which fields. */
public record OfferChange(Instant at, String by, String kind, List<String> fields) {
}
