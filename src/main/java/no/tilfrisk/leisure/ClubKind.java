package no.tilfrisk.leisure;

/** What a club or association does. */
public enum ClubKind {
    SPORT,
    OUTDOOR,
    MUSIC,
    CULTURE,
    FAITH,
    VOLUNTEERING,
    OTHER
}
