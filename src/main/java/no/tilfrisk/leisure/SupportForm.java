package no.tilfrisk.leisure;

/** Helsedirektoratet's three forms of støttekontakt: individual, an activity group, or FmB with a voluntary club. */
public enum SupportForm {
    INDIVIDUAL,
    ACTIVITY_GROUP,
    VOLUNTARY_ORGANISATION
}
