package no.tilfrisk.transition;

import java.util.List;

/**
 * The readiness checklist of the seeds (thesis 001, Oslo's knowledge base 004): housing, income or NAV, a GP,
 * follow-up in the municipality, an activity for the first weeks, a network person or volunteer, medication,
 * debts and legal matters, an individual plan and coordinator offered. {@link #EXTRA} is one of the
 * organisation's own items, with its own label; {@link #OWN} an item added to one transition only (by staff, or from
 * a decision of the responsibility group), with its own label.
 */
public enum ChecklistCode {
    HOUSING, INCOME, GP, MUNICIPAL_FOLLOWUP, ACTIVITY, NETWORK, MEDICATION, DEBT_LEGAL, INDIVIDUAL_PLAN, EXTRA, OWN;

    /** The nine every transition starts with, in order. */
    public static List<ChecklistCode> defaults() {
        return List.of(HOUSING, INCOME, GP, MUNICIPAL_FOLLOWUP, ACTIVITY, NETWORK, MEDICATION, DEBT_LEGAL,
                INDIVIDUAL_PLAN);
    }
}
