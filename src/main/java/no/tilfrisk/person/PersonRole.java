package no.tilfrisk.person;

/**
 * The roles a person has in the organisation; those other than participant and relative are «aktører». A
 * facilitator («tilrettelegger») is a member of a club who helps a participant in (leisure module).
 */
public enum PersonRole {
    PARTICIPANT,
    RELATIVE,
    VOLUNTEER,
    PROFESSIONAL,
    STUDENT,
    THERAPIST,
    GUEST,
    FACILITATOR
}
