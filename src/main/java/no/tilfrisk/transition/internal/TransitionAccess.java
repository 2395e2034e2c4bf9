package no.tilfrisk.transition.internal;

import java.util.List;
import java.util.UUID;
import no.tilfrisk.account.UserAccounts;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.tenancy.TenantPrincipal;
import no.tilfrisk.platform.web.NotFoundException;
import no.tilfrisk.transition.ChecklistItem;
import no.tilfrisk.transition.TransitionGate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may reach which transition. Staff (admins, coordinators, staff members) follow the person register: a person
 * they may see there. A participant reaches only their own. Anyone else only through a {@link TransitionGate}
 * (the partner module's consent rule), asked on every call. Anything else is «not found».
 */
@Component
public class TransitionAccess {

    private final PersonLookup persons;
    private final UserAccounts accounts;
    private final List<TransitionGate> gates;

    TransitionAccess(PersonLookup persons, UserAccounts accounts, List<TransitionGate> gates) {
        this.persons = persons;
        this.accounts = accounts;
        this.gates = gates;
    }

    public static TenantPrincipal caller() {
        return Tenancy.currentPrincipal().orElseThrow(() -> new AccessDeniedException("Not signed in"));
    }

    /** Whether the caller works with persons (admin, coordinator, staff). */
    public static boolean isStaff() {
        TenantPrincipal me = caller();
        return me.hasRole("ORG_ADMIN") || me.hasRole("COORDINATOR") || me.hasRole("STAFF");
    }

    public static UUID me() {
        return caller().userId();
    }

    /** «Not found» unless the caller is staff who may see this person in the register. */
    public void requireStaffSees(UUID personId) {
        if (personId == null || !isStaff()) {
            throw new NotFoundException("Person");
        }
        persons.requireVisible(personId);
    }

    /** «Not found» unless the caller may read this person's transitions: staff, or a gate that lets them in. */
    public void requireReads(UUID personId) {
        if (personId == null) {
            throw new NotFoundException("Person");
        }
        if (isStaff()) {
            persons.requireVisible(personId);
            return;
        }
        TenantPrincipal me = caller();
        if (gates.stream().noneMatch(g -> g.mayRead(me, personId))) {
            throw new NotFoundException("Person");
        }
    }

    /** Whether a non-staff caller may change this item (a gate says so). */
    public boolean gateLetsUpdate(ChecklistItem item) {
        TenantPrincipal me = caller();
        return gates.stream().anyMatch(g -> g.mayUpdate(me, item));
    }

    /** The signed-in participant's own person, or «not found» if the account has none. */
    public UUID myPerson() {
        return accounts.personOf(me()).orElseThrow(() -> new NotFoundException("Person"));
    }
}
