package no.tilfrisk.volunteer;

/** What someone does to a match. */
public enum MatchAction {
    ACCEPT_FOR_PARTICIPANT,
    ACCEPT_FOR_VOLUNTEER,
    PAUSE,
    RESUME,
    END
}
