package no.tilfrisk.partner.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import no.tilfrisk.partner.PartnerOrganisation;
import no.tilfrisk.partner.PartnerOrganisations;
import no.tilfrisk.person.PartnerRegister;
import org.springframework.stereotype.Component;

/** The partner register's names for the consent form of the person module. */
@Component
class PartnerNames implements PartnerRegister {

    private final PartnerOrganisations partners;

    PartnerNames(PartnerOrganisations partners) {
        this.partners = partners;
    }

    @Override
    public Map<String, Boolean> names() {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (PartnerOrganisation p : partners.all()) {
            out.put(p.name(), p.active());
        }
        return out;
    }
}
