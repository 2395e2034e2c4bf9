package no.tilfrisk.platform.crypto;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every ten minutes: values still under an older field-encryption key are re-encrypted with the primary, once
 * across nodes. Costs nothing while the keyset has only one enabled key.
 */
@Component
class FieldKeyRotationJob {

    private final FieldKeyRotation rotation;

    FieldKeyRotationJob(FieldKeyRotation rotation) {
        this.rotation = rotation;
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT2M")
    @SchedulerLock(name = "platform.field-key-rotation", lockAtLeastFor = "PT1M", lockAtMostFor = "PT2H")
    public void reencrypt() {
        rotation.reencryptAll();
    }
}
