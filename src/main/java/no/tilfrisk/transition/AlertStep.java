package no.tilfrisk.transition;

/**
 * The alerts of a transition: {@link #WEEKS_8}, {@link #WEEKS_4}, {@link #WEEK_1} before the expected date and
 * {@link #DAY} on it (each only while checklist items are not in place), and {@link #NO_CONTACT} when no contact
 * was logged within 7 days after the actual (else expected) date.
 */
public enum AlertStep {
    WEEKS_8(56), WEEKS_4(28), WEEK_1(7), DAY(0), NO_CONTACT(-7);

    private final int daysBefore;

    AlertStep(int daysBefore) {
        this.daysBefore = daysBefore;
    }

    /** Days before the target date that the step falls due (negative: after). */
    public int daysBefore() {
        return daysBefore;
    }
}
