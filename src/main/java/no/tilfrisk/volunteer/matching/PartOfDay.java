package no.tilfrisk.volunteer.matching;

/** A part of a day a volunteer or a participant can meet. */
public enum PartOfDay {
    MORNING,
    AFTERNOON,
    EVENING
}
