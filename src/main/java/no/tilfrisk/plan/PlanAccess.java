package no.tilfrisk.plan;

import java.util.Optional;
import java.util.UUID;
import no.tilfrisk.account.UserAccounts;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.tenancy.TenantPrincipal;
import no.tilfrisk.platform.web.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may see whose mappings and plan: admins, coordinators and staff the persons they may see in the person
 * register (as for contacts); a participant only their own; nobody else. Anyone else is «not found», so that ids
 * cannot be probed.
 */
@Component
class PlanAccess {

    private final PersonLookup persons;
    private final UserAccounts users;

    PlanAccess(PersonLookup persons, UserAccounts users) {
        this.persons = persons;
        this.users = users;
    }

    static boolean isStaff(TenantPrincipal p) {
        return p.hasRole("ORG_ADMIN") || p.hasRole("COORDINATOR") || p.hasRole("STAFF");
    }

    /** «Not found» unless the caller works with persons and may see this one. */
    void requireStaff(UUID personId) {
        TenantPrincipal caller = caller();
        if (!isStaff(caller)) {
            throw new NotFoundException("Person");
        }
        persons.requireVisible(personId);
    }

    /** «Not found» unless the caller is staff who may see the person, or the person themself. */
    void requireReadable(UUID personId) {
        TenantPrincipal caller = caller();
        if (isStaff(caller)) {
            persons.requireVisible(personId);
        } else if (!(caller.hasRole("PARTICIPANT") && ownPerson().filter(personId::equals).isPresent())) {
            throw new NotFoundException("Person");
        }
    }

    /** The person the signed-in participant's account belongs to, if any. */
    Optional<UUID> ownPerson() {
        TenantPrincipal caller = caller();
        if (!caller.hasRole("PARTICIPANT") || caller.userId() == null) {
            return Optional.empty();
        }
        return users.personOf(caller.userId()).filter(persons::isOurs);
    }

    static TenantPrincipal caller() {
        return Tenancy.currentPrincipal()
                .orElseThrow(() -> new AccessDeniedException("Not signed in"));
    }

    static UUID me() {
        return Tenancy.currentPrincipal().map(TenantPrincipal::userId).orElse(null);
    }
}
