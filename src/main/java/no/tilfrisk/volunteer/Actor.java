package no.tilfrisk.volunteer;

/** On whose behalf a match changes: the participant («Min side»), the volunteer (their page), or staff recording it. */
public enum Actor {
    PARTICIPANT,
    VOLUNTEER,
    STAFF
}
