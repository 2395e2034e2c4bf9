package no.tilfrisk.volunteer;

/** Where a match between a participant and a volunteer stands; each has a message {@code volunteer.match.state.<NAME>}. */
public enum MatchState {
    PROPOSED,
    ACCEPTED_BY_PARTICIPANT,
    ACCEPTED_BY_VOLUNTEER,
    ACTIVE,
    PAUSED,
    ENDED;

    /** Not ended: the match counts against the volunteer's capacity and blocks a second match of the pair. */
    public boolean open() {
        return this != ENDED;
    }

    /** Both have said yes: the volunteer sees what the participant shares (with consent). */
    public boolean running() {
        return this == ACTIVE || this == PAUSED;
    }
}
