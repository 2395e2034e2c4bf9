package no.tilfrisk.transition;

import java.util.UUID;

/** An institution or prison of the organisation's list (the seeded ones from seed 004's appendix 3, and its own). */
public record Institution(UUID id, String name, String type, Integer places, String gender, String ownership,
                          boolean seeded, boolean active) {
}
