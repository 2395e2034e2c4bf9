package no.tilfrisk.activity;

import java.util.Arrays;
import java.util.List;

/** What was handed out. */
public enum DistributionKind {
    GIFT_CARD,
    FOOD_BOX,
    CHRISTMAS_PRESENT,
    FOOD_DELIVERY,
    EQUIPMENT,
    OTHER,
    /** Equipment lent to a participant (leisure module): counted from the loans, never registered here. */
    EQUIPMENT_LOAN;

    /** The kinds staff register as distributions (a loan is recorded as a loan). */
    public static List<DistributionKind> registered() {
        return Arrays.stream(values()).filter(k -> k != EQUIPMENT_LOAN).toList();
    }
}
