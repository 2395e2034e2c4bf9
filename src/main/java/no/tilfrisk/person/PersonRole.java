package no.tilfrisk.person;

/** The roles a person has in the organisation; those other than participant and relative are «aktører». */
public enum PersonRole {
    PARTICIPANT,
    RELATIVE,
    VOLUNTEER,
    PROFESSIONAL,
    STUDENT,
    THERAPIST,
    GUEST
}
