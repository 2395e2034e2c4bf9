package no.tilfrisk.volunteer.internal;

import java.util.UUID;
import no.tilfrisk.account.UserAccounts;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.tenancy.TenantPrincipal;
import no.tilfrisk.platform.web.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may touch which volunteer record. Staff (admins, coordinators, staff members) follow the person register:
 * a volunteer or participant they may see there (an admin: anyone in the organisation; the others: members of
 * their departments). A volunteer reaches only their own person and their own matches; a participant only theirs.
 * Anything else is «not found».
 */
@Component
public class VolunteerAccess {

    private final PersonLookup persons;
    private final UserAccounts accounts;

    VolunteerAccess(PersonLookup persons, UserAccounts accounts) {
        this.persons = persons;
        this.accounts = accounts;
    }

    public static TenantPrincipal caller() {
        return Tenancy.currentPrincipal().orElseThrow(() -> new AccessDeniedException("Not signed in"));
    }

    /** Whether the caller works with persons (admin, coordinator, staff). */
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

    /** The signed-in user's own person (a volunteer's or a participant's), or «not found» if the account has none. */
    public UUID myPerson() {
        return accounts.personOf(caller().userId()).orElseThrow(() -> new NotFoundException("Person"));
    }

    public static UUID me() {
        return caller().userId();
    }
}
