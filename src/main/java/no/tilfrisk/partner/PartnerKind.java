package no.tilfrisk.partner;

/** What kind of service a partner organisation is; each has a message {@code partner.kind.<NAME>}. */
public enum PartnerKind {
    NAV,
    MUNICIPALITY,
    INSTITUTION,
    PRISON_SERVICE,
    OTHER
}
