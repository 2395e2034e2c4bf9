package no.tilfrisk.transition;

/** Where the person comes from: the kinds of issue 17. */
public enum TransitionKind {
    DISCHARGE_TSB, DISCHARGE_MENTAL_HEALTH, PRISON_RELEASE, MUNICIPAL_STAY_END, OTHER
}
