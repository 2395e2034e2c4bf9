package no.tilfrisk.activity;

/**
 * An activity's figures for a period, by the counting rules that the pages state and the reports use. Only
 * sessions that were not cancelled count.
 * <ul>
 *   <li><b>attendances</b> = named attendances + anonymous head-counts of adults and children, summed over sessions;
 *   <li><b>unique named participants</b> = distinct named persons;
 *   <li><b>participants</b> = unique named + the largest anonymous head-count of any one session, adults and
 *       children counted separately: the largest count of anonymous adults of one session + the largest count of
 *       children of one session. A lower bound: the anonymous of two sessions may or may not be the same people,
 *       but an adult is never a child, so the two largest counts are different people;
 *   <li><b>children</b> among them = the largest head-count of children in any one session (also a lower bound);
 *   <li>guests are counted apart and in neither of the above.
 * </ul>
 */
public record ActivityCounts(long sessions, long namedAttendances, long anonymousAttendances, long uniqueNamed,
                             long largestAdults, long largestChildren, long guests) {

    public static final ActivityCounts NONE = new ActivityCounts(0, 0, 0, 0, 0, 0, 0);

    public long attendances() {
        return namedAttendances + anonymousAttendances;
    }

    public long participants() {
        return uniqueNamed + largestAdults + largestChildren;
    }

    public long children() {
        return largestChildren;
    }
}
