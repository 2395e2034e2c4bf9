package no.tilfrisk.outcome;

import java.util.UUID;
import no.tilfrisk.account.UserAccounts;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.tenancy.TenantPrincipal;
import no.tilfrisk.platform.web.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may reach whose measurements: admins, coordinators and staff the persons they may see in the person register;
 * a participant only themself; anyone else is refused. A person out of reach is «not found», so that ids cannot be
 * probed. The instrument settings and the organisation's figures are for organisation admins.
 */
@Component
class OutcomeAccess {

    private final PersonLookup persons;
    private final UserAccounts users;

    OutcomeAccess(PersonLookup persons, UserAccounts users) {
        this.persons = persons;
        this.users = users;
    }

    /**
     * Who may reach this person's responses and how they enter them: staff roles the persons they may see, a
     * participant only themself. Anyone else is refused; a person out of reach is «not found».
     */
    EntryMethod requirePerson(UUID personId) {
        TenantPrincipal caller = caller();
        if (caller.hasRole("ORG_ADMIN") || caller.hasRole("COORDINATOR") || caller.hasRole("STAFF")) {
            persons.requireVisible(personId);
            return EntryMethod.GUIDE_WITH_PARTICIPANT;
        }
        if (caller.hasRole("PARTICIPANT")) {
            if (personId == null || !users.personOf(caller.userId()).map(personId::equals).orElse(false)
                    || !persons.isOurs(personId)) {
                throw new NotFoundException("Person");
            }
            return EntryMethod.SELF_SERVICE;
        }
        throw new AccessDeniedException("No access to outcomes");
    }

    /** The signed-in participant's own person, «not found» when the account is linked to nobody. */
    UUID ownPerson() {
        TenantPrincipal caller = caller();
        if (!isParticipantOnly(caller)) {
            throw new AccessDeniedException("Only participants have their own measurements");
        }
        return users.personOf(caller.userId()).filter(persons::isOurs)
                .orElseThrow(() -> new NotFoundException("Person"));
    }

    static boolean isParticipantOnly(TenantPrincipal caller) {
        return caller.hasRole("PARTICIPANT") && !caller.hasRole("ORG_ADMIN") && !caller.hasRole("COORDINATOR")
                && !caller.hasRole("STAFF");
    }

    static void requireAdmin() {
        if (!caller().hasRole("ORG_ADMIN")) {
            throw new AccessDeniedException("Organisation admins only");
        }
    }

    static TenantPrincipal caller() {
        return Tenancy.currentPrincipal().orElseThrow(() -> new AccessDeniedException("Not signed in"));
    }

    static UUID me() {
        return Tenancy.currentPrincipal().map(TenantPrincipal::userId).orElse(null);
    }
}
