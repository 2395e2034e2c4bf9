package no.tilfrisk.volunteer;

/** What a volunteer and a participant did when they met; each has a message {@code volunteer.meeting.what.<NAME>}. */
public enum MeetingKind {
    TALK,
    WALK,
    ACTIVITY,
    ERRAND,
    PAPERWORK,
    FINANCES,
    OTHER
}
