package no.tilfrisk.demo;

import java.util.UUID;
import no.tilfrisk.account.ApiTokens;
import no.tilfrisk.partner.PartnerAccountForm;
import no.tilfrisk.partner.PartnerKind;
import no.tilfrisk.partner.PartnerOrganisationForm;
import no.tilfrisk.partner.PartnerOrganisations;
import no.tilfrisk.person.ConsentForm;
import no.tilfrisk.person.ConsentMethod;
import no.tilfrisk.person.ConsentPurpose;
import no.tilfrisk.person.Consents;
import org.springframework.stereotype.Component;

/**
 * The demo's partner (issue 17): «NAV Skien» with the caseworker nav@demo.tilfrisk.no, to whom Tor (released from
 * Skien fengsel in five weeks) has consented to share, so the caseworker sees the release, and nobody else (not
 * Dag, whose discharge is next week); and «Skien fengsel», to whom nobody has. Signs in like the other demo users
 * (the demo organisations ask no second factor; a partner turns it on as staff do, under «Totrinnsinnlogging»).
 */
@Component
class DemoPartners {

    static final UUID NAV_SKIEN = UUID.fromString("00000000-0000-4000-8000-0000000a7001");
    static final UUID SKIEN_PRISON = UUID.fromString("00000000-0000-4000-8000-0000000a7002");

    private final PartnerOrganisations partners;
    private final Consents consents;
    private final ApiTokens tokens;

    DemoPartners(PartnerOrganisations partners, Consents consents, ApiTokens tokens) {
        this.partners = partners;
        this.consents = consents;
        this.tokens = tokens;
    }

    /** Returns the caseworker's account id. */
    UUID write(UUID consenting) {
        partners.create(NAV_SKIEN, new PartnerOrganisationForm("NAV Skien", PartnerKind.NAV));
        partners.create(SKIEN_PRISON, new PartnerOrganisationForm("Skien fengsel", PartnerKind.PRISON_SERVICE));
        UUID nav = partners.registerAccount(NAV_SKIEN, new PartnerAccountForm("nav@demo.tilfrisk.no", "Nora Nav"),
                DemoData.PASSWORD);
        tokens.issue(nav, "demo", "demo-nav");
        consents.give(consenting, new ConsentForm(ConsentPurpose.SHARE_WITH_PARTNER, ConsentMethod.SIGNED, null,
                "NAV Skien"));
        return nav;
    }
}
