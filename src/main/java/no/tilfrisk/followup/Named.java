package no.tilfrisk.followup;

import java.util.UUID;

/** Someone named on a record: a staff member who took part, or a relative who was present. */
public record Named(UUID id, String name) {
}
