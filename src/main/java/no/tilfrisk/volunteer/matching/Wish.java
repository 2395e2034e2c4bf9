package no.tilfrisk.volunteer.matching;

/** What a participant wishes a volunteer to help with, and what a volunteer may say they will not do. */
public enum Wish {
    COMPANY,
    WALK_OUTDOORS,
    LEISURE_ACTIVITY,
    FINANCES,
    JOB_SEARCH,
    PAPERWORK,
    LEGAL_ADVICE,
    OTHER
}
