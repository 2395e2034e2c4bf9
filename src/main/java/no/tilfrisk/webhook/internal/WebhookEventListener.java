package no.tilfrisk.webhook.internal;

import java.util.List;
import java.util.Map;
import no.tilfrisk.activity.AttendanceRecorded;
import no.tilfrisk.person.PersonRegistered;
import no.tilfrisk.transition.TransitionDateMoved;
import no.tilfrisk.webhook.WebhookEvent;
import no.tilfrisk.webhook.WebhookOutbox;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The events of other modules that hooks can ask for, queued by a plain {@code @EventListener} inside the publishing
 * transaction (the outbox rows commit or roll back with the change; never {@code @TransactionalEventListener}, which
 * would queue after the commit and lose the event if the JVM stopped in between). A new kind: a constant in
 * {@link WebhookEvent} and a method here.
 */
@Component
class WebhookEventListener {

    private final WebhookOutbox outbox;

    WebhookEventListener(WebhookOutbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(PersonRegistered e) {
        outbox.enqueue(e.organisationId(), WebhookEvent.PERSON_CREATED, e.at(),
                Map.of("personId", e.personId()), List.of(e.personId()));
    }

    @EventListener
    void on(AttendanceRecorded e) {
        outbox.enqueue(e.organisationId(), WebhookEvent.ATTENDANCE_RECORDED, e.at(),
                Map.of("activityId", e.activityId(), "sessionId", e.sessionId(), "personIds", e.personIds()),
                e.personIds());
    }

    @EventListener
    void on(TransitionDateMoved e) {
        outbox.enqueue(e.organisationId(), WebhookEvent.TRANSITION_DATE_MOVED, e.at(),
                Map.of("transitionId", e.transitionId(), "personId", e.personId()), List.of(e.personId()));
    }
}
