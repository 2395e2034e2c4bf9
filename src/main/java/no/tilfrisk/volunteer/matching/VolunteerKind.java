package no.tilfrisk.volunteer.matching;

/**
 * The kinds of volunteer of seed 003: a «tidgiver» gives time and company, a medvandrer walks alongside (often
 * outdoors), a likeperson is a former participant, a fagfrivillig brings a skill such as personal finance or law.
 */
public enum VolunteerKind {
    TIDGIVER,
    MEDVANDRER,
    LIKEPERSON,
    FAGFRIVILLIG
}
