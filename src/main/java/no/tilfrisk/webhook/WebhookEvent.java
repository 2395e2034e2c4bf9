package no.tilfrisk.webhook;

/**
 * The kinds of event a hook can ask for, each with the name its body and its {@code X-Tilfrisk-Event} header carry.
 * A body holds ids, the kind and the time only, never what was said or measured.
 */
public enum WebhookEvent {
    /** a person was registered: {@code personId} */
    PERSON_CREATED("person.created"),
    /** persons were marked present at a session: {@code activityId}, {@code sessionId}, {@code personIds} */
    ATTENDANCE_RECORDED("attendance.recorded"),
    /** a transition's expected date was moved: {@code transitionId}, {@code personId} */
    TRANSITION_DATE_MOVED("transition.date_moved");

    private final String kind;

    WebhookEvent(String kind) {
        this.kind = kind;
    }

    /** The name sent to the partner system. */
    public String kind() {
        return kind;
    }
}
