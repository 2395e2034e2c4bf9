package no.tilfrisk.plan;

/** The life areas a mapping rates and a goal belongs to; each has a message {@code plan.area.<NAME>}. */
public enum LifeArea {
    HOUSING,
    ECONOMY,
    WORK_EDUCATION,
    NETWORK,
    PHYSICAL_HEALTH,
    MENTAL_HEALTH,
    SUBSTANCE_USE,
    LEISURE,
    CHILDREN_FAMILY,
    LEGAL
}
