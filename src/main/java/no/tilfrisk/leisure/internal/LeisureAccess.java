package no.tilfrisk.leisure.internal;

import java.util.UUID;
import no.tilfrisk.account.UserAccounts;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.tenancy.TenantPrincipal;
import no.tilfrisk.platform.web.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may touch which leisure record. The catalogue and the equipment list are the organisation's, for every
 * admin, coordinator and staff member in it. A process, its steps, decision, check-ins and a participant's loans
 * follow the person register: staff who may see the participant there (an admin: anyone in the organisation; the
 * others: members of their departments). A participant reaches only their own process. Anything else is «not
 * found»; row-level security keeps other organisations' rows out of every query besides.
 */
@Component
public class LeisureAccess {

    private final PersonLookup persons;
    private final UserAccounts accounts;

    LeisureAccess(PersonLookup persons, UserAccounts accounts) {
        this.persons = persons;
        this.accounts = accounts;
    }

    public static TenantPrincipal caller() {
        return Tenancy.currentPrincipal().orElseThrow(() -> new AccessDeniedException("Not signed in"));
    }

    public static boolean isStaff() {
        TenantPrincipal me = caller();
        return me.hasRole("ORG_ADMIN") || me.hasRole("COORDINATOR") || me.hasRole("STAFF");
    }

    /** «Not found» unless the caller is staff who may see this person in the register. */
    public void requireStaffSees(UUID personId) {
        if (personId == null || !isStaff()) {
            throw new NotFoundException("Person");
        }
        persons.requireVisible(personId);
    }

    /** The signed-in participant's own person, or «not found» if the account has none. */
    public UUID myPerson() {
        return accounts.personOf(caller().userId()).orElseThrow(() -> new NotFoundException("Person"));
    }

    public static UUID me() {
        return caller().userId();
    }
}
