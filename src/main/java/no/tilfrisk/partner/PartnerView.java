package no.tilfrisk.partner;

import java.util.List;
import java.util.UUID;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.partner.internal.PartnerAccess;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.person.PersonLookup.PersonName;
import no.tilfrisk.plan.Plans;
import no.tilfrisk.plan.Plans.SharedGoal;
import no.tilfrisk.platform.web.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a partner's caseworker sees (issue 17, item 5): the persons who consent now to share with the caseworker's
 * partner organisation, and for each their shared plan goals (and, through the transition module, their
 * transition and checklist). Any other person is «not found», and so is everyone the moment their consent is
 * withdrawn: the consent is read on every request. Every read is in the audit trail, so it shows in the person's
 * «Hvem har sett opplysningene mine».
 */
@Service
@PreAuthorize("hasRole('PARTNER')")
public class PartnerView {

    /** A consenting person's page for the partner. */
    public record SharedPerson(PersonName person, PartnerOrganisation partner, List<SharedGoal> goals) {
    }

    private final PartnerAccess access;
    private final PersonLookup persons;
    private final Plans plans;
    private final AuditTrail audit;

    PartnerView(PartnerAccess access, PersonLookup persons, Plans plans, AuditTrail audit) {
        this.access = access;
        this.persons = persons;
        this.plans = plans;
        this.audit = audit;
    }

    /** The caller's partner organisation; «not found» for an account that belongs to none (or to an inactive one). */
    @Transactional(readOnly = true)
    public PartnerOrganisation mine() {
        return access.partner().orElseThrow(() -> new NotFoundException("Partner organisation"));
    }

    /** The persons who share with the caller's partner organisation now, by name; each listed in the audit trail. */
    @Transactional
    public List<PersonName> persons() {
        List<PersonName> shared = persons.names(access.sharingPersons()).values().stream()
                .sorted((a, b) -> a.displayName().compareToIgnoreCase(b.displayName())).toList();
        audit.recordEach(shared.stream().map(PersonName::id).toList(), AuditAction.LIST, "partner.persons");
        return shared;
    }

    /** One consenting person: name and shared goals. «Not found» without consent in force. */
    @Transactional
    public SharedPerson person(UUID personId) {
        PartnerOrganisation partner = access.require(personId);
        PersonName name = persons.names(List.of(personId)).get(personId);
        if (name == null) {
            throw new NotFoundException("Person");
        }
        List<SharedGoal> goals = plans.sharedGoals(personId);
        audit.record(personId, AuditAction.READ, "partner.person");
        return new SharedPerson(name, partner, goals);
    }
}
