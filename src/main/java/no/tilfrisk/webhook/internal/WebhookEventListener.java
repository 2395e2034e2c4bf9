package no.tilfrisk.webhook.internal;

import java.util.List;
import java.util.Map;
import no.tilfrisk.activity.AttendanceRecorded;
import no.tilfrisk.person.PersonRegistered;
import no.tilfrisk.transition.TransitionDateMoved;
import no.tilfrisk.webhook.WebhookEvent;
import no.tilfrisk.webhook.WebhookOutbox;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The events of other modules that hooks can ask for, queued once the change has committed (a rolled-back change is
 * never announced). A new kind: a constant in {@link WebhookEvent} and a method here.
 */
@Component
class WebhookEventListener {

    private final WebhookOutbox outbox;

    WebhookEventListener(WebhookOutbox outbox) {
        this.outbox = outbox;
    }

    @TransactionalEventListener
    void on(PersonRegistered e) {
        outbox.enqueue(e.organisationId(), WebhookEvent.PERSON_CREATED, e.at(),
                Map.of("personId", e.personId()), List.of(e.personId()));
    }

    @TransactionalEventListener
    void on(AttendanceRecorded e) {
        outbox.enqueue(e.organisationId(), WebhookEvent.ATTENDANCE_RECORDED, e.at(),
                Map.of("activityId", e.activityId(), "sessionId", e.sessionId(), "personIds", e.personIds()),
                e.personIds());
    }

    @TransactionalEventListener
    void on(TransitionDateMoved e) {
        outbox.enqueue(e.organisationId(), WebhookEvent.TRANSITION_DATE_MOVED, e.at(),
                Map.of("transitionId", e.transitionId(), "personId", e.personId()), List.of(e.personId()));
    }
}
