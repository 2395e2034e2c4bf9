package no.tilfrisk.audit.internal;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import no.tilfrisk.audit.AuditCheckpoints;
import no.tilfrisk.platform.scheduling.AsSystem;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;
import org.springframework.stereotype.Component;

/**
 * {@code POST /actuator/auditcheckpoints}: the operator has a signed checkpoint of every organisation's audit trail
 * written now, as the nightly {@link AuditCheckpointJob} does (before a backup, an upgrade, or when a trail is in
 * doubt). The instance operator's only ({@code OperatorToken}: every {@code /actuator} path but health), never an
 * organisation's admin, who writes their own organisation's from the audit page. Answers how many organisations there
 * were, how many have a checkpoint at their trail's last row now (an empty trail has none), and how many failed.
 */
@Component
@WebEndpoint(id = "auditcheckpoints")
class AuditCheckpointEndpoint {

    private final AsSystem asSystem;
    private final AuditCheckpoints checkpoints;

    AuditCheckpointEndpoint(AsSystem asSystem, AuditCheckpoints checkpoints) {
        this.asSystem = asSystem;
        this.checkpoints = checkpoints;
    }

    @WriteOperation
    public Map<String, Integer> write() {
        AtomicInteger organisations = new AtomicInteger();
        AtomicInteger checkpointed = new AtomicInteger();
        int failed = asSystem.forEachOrganisation("audit.checkpoints.on-demand", organisation -> {
            organisations.incrementAndGet();
            checkpoints.write().ifPresent(c -> checkpointed.incrementAndGet());
        });
        return Map.of("organisations", organisations.get(), "checkpointed", checkpointed.get(), "failed", failed);
    }
}
