package no.tilfrisk.leisure;

/** How a process ended: still active in the activity, moved on to work or studies, changed activity, stopped. */
public enum Outcome {
    STILL_ACTIVE,
    WORK_OR_STUDIES,
    CHANGED_ACTIVITY,
    STOPPED
}
