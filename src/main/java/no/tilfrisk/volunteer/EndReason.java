package no.tilfrisk.volunteer;

/** Why a match ended; each has a message {@code volunteer.match.end.<NAME>}. */
public enum EndReason {
    GOAL_REACHED,
    MOVED,
    DID_NOT_WORK,
    VOLUNTEER_STOPPED,
    /** The participant ended it, with no reason asked. */
    PARTICIPANT_ENDED
}
