package no.tilfrisk.partner;

import java.util.UUID;

/** A named partner organisation of the register («NAV Skien»): the name consents to share with a partner name. */
public record PartnerOrganisation(UUID id, String name, PartnerKind kind, boolean active) {
}
