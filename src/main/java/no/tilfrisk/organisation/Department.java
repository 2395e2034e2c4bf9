package no.tilfrisk.organisation;

import java.time.LocalDate;
import java.util.UUID;

/** A location or branch of an organisation (Skien, Tønsberg, Stavanger). */
public record Department(UUID id, String name, String municipality, LocalDate startDate) {
}
