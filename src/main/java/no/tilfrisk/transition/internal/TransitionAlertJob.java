package no.tilfrisk.transition.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import no.tilfrisk.transition.TransitionAlerts;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every morning: the transitions' alerts of the day, once across nodes (the service is idempotent as well). */
@Component
class TransitionAlertJob {

    private final TransitionAlerts alerts;

    TransitionAlertJob(TransitionAlerts alerts) {
        this.alerts = alerts;
    }

    @Scheduled(cron = "0 30 6 * * *", zone = "Europe/Oslo")
    @SchedulerLock(name = "transition.alerts", lockAtLeastFor = "PT1M", lockAtMostFor = "PT20M")
    public void makeAlerts() {
        alerts.runDaily();
    }
}
