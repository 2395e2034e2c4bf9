package no.tilfrisk.partner.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.tilfrisk.partner.PartnerOrganisations;
import no.tilfrisk.platform.tenancy.TenantPrincipal;
import no.tilfrisk.transition.ChecklistItem;
import no.tilfrisk.transition.PartnerChoice;
import no.tilfrisk.transition.ResponsibleKind;
import no.tilfrisk.transition.ResponsiblePartners;
import no.tilfrisk.transition.TransitionGate;
import org.springframework.stereotype.Component;

/**
 * The partner's way into the transition module: a caseworker reads a person's transitions while the person
 * consents to share with their partner organisation, and changes the status and note of the checklist items given
 * to that organisation; the choices of partner for an item are the organisations the person consents to share with.
 */
@Component
class PartnerGate implements TransitionGate, ResponsiblePartners {

    private final PartnerAccess access;
    private final PartnerOrganisations partners;

    PartnerGate(PartnerAccess access, PartnerOrganisations partners) {
        this.access = access;
        this.partners = partners;
    }

    @Override
    public boolean mayRead(TenantPrincipal caller, UUID personId) {
        return access.mayRead(caller, personId);
    }

    @Override
    public boolean mayUpdate(TenantPrincipal caller, ChecklistItem item) {
        return item.responsibleKind() == ResponsibleKind.PARTNER && item.responsiblePartnerOrg() != null
                && partners.of(caller).map(p -> p.id().equals(item.responsiblePartnerOrg())).orElse(false);
    }

    @Override
    public List<PartnerChoice> choicesFor(UUID personId) {
        return partners.withConsentOf(personId).stream().map(p -> new PartnerChoice(p.id(), p.name())).toList();
    }

    @Override
    public Map<UUID, String> names(Collection<UUID> organisationIds) {
        return partners.names(organisationIds);
    }
}
