package no.tilfrisk.transition;

import java.util.UUID;

/** A partner organisation that may be made responsible for a person's checklist item. */
public record PartnerChoice(UUID id, String name) {
}
