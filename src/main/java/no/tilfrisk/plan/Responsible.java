package no.tilfrisk.plan;

/** Who carries out an action: the participant, a staff member (an account), or someone else by name. */
public enum Responsible {
    PARTICIPANT,
    STAFF,
    VOLUNTEER,
    RELATIVE,
    PARTNER
}
