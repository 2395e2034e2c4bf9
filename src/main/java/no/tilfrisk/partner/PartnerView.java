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
import no.tilfrisk.transition.Actor;
import no.tilfrisk.transition.ChecklistItem;
import no.tilfrisk.transition.ItemUpdate;
import no.tilfrisk.transition.TransitionView;
import no.tilfrisk.transition.Transitions;
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

    /** A consenting person's page for the partner: their transitions with the checklists, and their open goals. */
    public record SharedPerson(PersonName person, PartnerOrganisation partner, List<TransitionView> transitions,
                               List<SharedGoal> goals) {

        /** Whether the caseworker's organisation answers for this item, and so may change its status and note. */
        public boolean mayUpdate(ChecklistItem item) {
            return partner.id().equals(item.responsiblePartnerOrg());
        }

        /** The staff member or partner organisation who answers for the item, by name (null for the person). */
        public String responsibleName(TransitionView view, ChecklistItem item) {
            return item.responsibleAccountId() != null ? view.staffNames().get(item.responsibleAccountId())
                    : item.responsiblePartnerOrg() != null ? view.partnerNames().get(item.responsiblePartnerOrg())
                    : null;
        }
    }

    private final PartnerAccess access;
    private final PersonLookup persons;
    private final Plans plans;
    private final Transitions transitions;
    private final AuditTrail audit;

    PartnerView(PartnerAccess access, PersonLookup persons, Plans plans, Transitions transitions, AuditTrail audit) {
        this.transitions = transitions;
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

    /** One consenting person: name, transitions and shared goals. «Not found» without consent in force. */
    @Transactional
    public SharedPerson person(UUID personId) {
        PartnerOrganisation partner = access.require(personId);
        PersonName name = persons.names(List.of(personId)).get(personId);
        if (name == null) {
            throw new NotFoundException("Person");
        }
        List<TransitionView> views = transitions.ofPerson(personId).stream().map(t -> transitions.get(t.id())).toList();
        List<SharedGoal> goals = plans.sharedGoals(personId);
        audit.record(personId, AuditAction.READ, "partner.person");
        return new SharedPerson(name, partner, views, goals);
    }

    /**
     * Changes the status and note of a checklist item the caseworker's organisation answers for. «Not found» for any
     * other item, and for every item of a person whose consent is not in force.
     */
    @Transactional
    public ChecklistItem updateItem(UUID personId, UUID itemId, ItemUpdate update) {
        access.require(personId);
        return transitions.updateItem(itemId, update, Actor.PARTNER);
    }
}
