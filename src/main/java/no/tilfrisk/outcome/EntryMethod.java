package no.tilfrisk.outcome;

/** How a response came in: a guide entered it with the participant present, or the participant answered on «Min side». */
public enum EntryMethod { GUIDE_WITH_PARTICIPANT, SELF_SERVICE }
