package no.tilfrisk.caregroup;

/** What a decision of the responsibility group becomes besides itself: nothing, an action in the plan, an item. */
public enum DecisionTarget {
    /** only the decision, in the meeting's record */
    NONE,
    /** an action under a goal of the person's plan */
    PLAN_ACTION,
    /** an item of the checklist of the person's open transition */
    CHECKLIST_ITEM
}
