package no.tilfrisk.transition;

import java.util.UUID;

/** One of the organisation's own checklist items, added to every new transition. */
public record ChecklistExtra(UUID id, String label, int position, boolean active) {
}
