package no.tilfrisk.transition;

import java.util.UUID;
import no.tilfrisk.platform.tenancy.TenantPrincipal;

/**
 * Lets a caller who is not staff (a partner) reach a person's transitions. Beans of other modules implement it;
 * {@link Transitions} asks every one and lets the caller in if any says yes. With none, only staff (through the
 * person register) and the person themselves reach a transition. Asked on every call, never cached, so a consent
 * withdrawn hides the transition at once.
 */
public interface TransitionGate {

    /** Whether the caller may read this person's transitions and checklists. */
    boolean mayRead(TenantPrincipal caller, UUID personId);

    /** Whether the caller may change this item's status and note (for example: their organisation answers for it). */
    boolean mayUpdate(TenantPrincipal caller, ChecklistItem item);
}
