package no.tilfrisk.platform.scheduling;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on {@code @Scheduled} methods. {@code tilfrisk.scheduling.enabled=false} turns the timer off: the shared
 * test context does so, so that no job runs in the middle of another test; a test calls the job method itself.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "tilfrisk.scheduling.enabled", matchIfMissing = true)
class SchedulingConfiguration {
}
