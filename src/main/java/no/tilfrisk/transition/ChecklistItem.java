package no.tilfrisk.transition;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One item of a transition's readiness checklist. {@code label} is set only for the organisation's own items
 * ({@link ChecklistCode#EXTRA}) and the items of one transition ({@link ChecklistCode#OWN}); the others are named by their code's message. Exactly one of
 * {@code responsibleAccountId} (STAFF) and {@code responsiblePartnerOrg} (PARTNER) is set, or neither (PERSON, or
 * no one yet).
 */
public record ChecklistItem(UUID id, UUID transitionId, ChecklistCode code, String label, ItemStatus status,
                            ResponsibleKind responsibleKind, UUID responsibleAccountId, UUID responsiblePartnerOrg,
                            LocalDate dueOn, String note, Instant updatedAt, Actor updatedAs) {

    /** The message key of the item's name, for the seeds' items; null for the organisation's own. */
    public String messageKey() {
        return code == ChecklistCode.EXTRA || code == ChecklistCode.OWN ? null : "transition.item." + code.name();
    }
}
