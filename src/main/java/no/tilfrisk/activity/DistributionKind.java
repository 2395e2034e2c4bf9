package no.tilfrisk.activity;

/** What was handed out. */
public enum DistributionKind {
    GIFT_CARD,
    FOOD_BOX,
    CHRISTMAS_PRESENT,
    FOOD_DELIVERY,
    EQUIPMENT,
    OTHER
}
