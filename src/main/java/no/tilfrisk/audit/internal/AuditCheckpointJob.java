package no.tilfrisk.audit.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import no.tilfrisk.audit.AuditCheckpoints;
import no.tilfrisk.platform.scheduling.AsSystem;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every night: a signed checkpoint of each organisation's audit trail, outside the database, once across nodes. */
@Component
class AuditCheckpointJob {

    private final AsSystem asSystem;
    private final AuditCheckpoints checkpoints;

    AuditCheckpointJob(AsSystem asSystem, AuditCheckpoints checkpoints) {
        this.asSystem = asSystem;
        this.checkpoints = checkpoints;
    }

    @Scheduled(cron = "0 45 2 * * *", zone = "Europe/Oslo")
    @SchedulerLock(name = "audit.checkpoints", lockAtLeastFor = "PT1M", lockAtMostFor = "PT30M")
    public void writeCheckpoints() {
        asSystem.forEachOrganisation("audit.checkpoints", organisation -> checkpoints.write());
    }
}
