package no.tilfrisk.partner.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.tilfrisk.partner.PartnerOrganisation;
import no.tilfrisk.partner.PartnerOrganisations;
import no.tilfrisk.person.ConsentCheck;
import no.tilfrisk.person.ConsentPurpose;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.tenancy.TenantPrincipal;
import no.tilfrisk.platform.web.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * The partner's rule, in the service layer: a PARTNER account of an active partner organisation may see a person
 * while the person's consent SHARE_WITH_PARTNER is in force and names that organisation. Read every time, never
 * cached, so a withdrawal takes effect at once. (The database holds the same rule: {@code partner_may_see}, V36.)
 */
@Component
public class PartnerAccess {

    private final PartnerOrganisations partners;
    private final ConsentCheck consents;
    private final PersonLookup persons;

    PartnerAccess(PartnerOrganisations partners, ConsentCheck consents, PersonLookup persons) {
        this.partners = partners;
        this.consents = consents;
        this.persons = persons;
    }

    /** The signed-in caller's partner organisation, if they are a partner of an active one. */
    public Optional<PartnerOrganisation> partner() {
        return Tenancy.currentPrincipal().flatMap(partners::of);
    }

    /** Whether this caller, a partner, may see this person now. */
    public boolean mayRead(TenantPrincipal caller, UUID personId) {
        return partners.of(caller).map(p -> sharesWith(personId, p)).orElse(false);
    }

    /** The caller's partner organisation, or «not found» unless the person shares with it now. */
    public PartnerOrganisation require(UUID personId) {
        PartnerOrganisation partner = partner().orElseThrow(() -> new NotFoundException("Person"));
        if (!sharesWith(personId, partner)) {
            throw new NotFoundException("Person");
        }
        return partner;
    }

    /** The persons who share with the caller's partner organisation now. */
    public List<UUID> sharingPersons() {
        return partner().map(p -> consents.sharingWith(p.name())).orElse(List.of());
    }

    private boolean sharesWith(UUID personId, PartnerOrganisation partner) {
        return persons.isOurs(personId)
                && consents.isGiven(personId, ConsentPurpose.SHARE_WITH_PARTNER, null, partner.name());
    }
}
