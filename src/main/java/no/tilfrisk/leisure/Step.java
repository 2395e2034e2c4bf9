package no.tilfrisk.leisure;

/**
 * The six steps of the Fritid med bistand method, in their order: an information meeting, mapping of wishes and
 * dreams, mapping of leisure activities where the person lives, choosing an activity, finding a facilitator, and
 * follow-up with evaluation for at least six months.
 */
public enum Step {
    INFORMATION_MEETING,
    WISHES,
    ACTIVITY_MAPPING,
    CHOICE,
    FACILITATOR,
    FOLLOW_UP;

    /** 1 to 6, as the method numbers them. */
    public int number() {
        return ordinal() + 1;
    }

    /** Whether a step may be passed over with a reason: every one but the follow-up. */
    public boolean skippable() {
        return this != FOLLOW_UP;
    }
}
