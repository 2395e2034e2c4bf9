package no.tilfrisk.webhook.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import no.tilfrisk.platform.scheduling.AsSystem;
import no.tilfrisk.webhook.WebhookOutbox;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every minute: each organisation's due webhook deliveries, on one node at a time. */
@Component
class WebhookDeliveryJob {

    private final AsSystem asSystem;
    private final WebhookOutbox outbox;

    WebhookDeliveryJob(AsSystem asSystem, WebhookOutbox outbox) {
        this.asSystem = asSystem;
        this.outbox = outbox;
    }

    @Scheduled(cron = "15 * * * * *", zone = "Europe/Oslo")
    @SchedulerLock(name = "webhook.deliveries", lockAtLeastFor = "PT30S", lockAtMostFor = "PT30M")
    public void deliver() {
        asSystem.forEachOrganisation("webhook.deliveries", organisation -> outbox.deliverDue());
    }
}
