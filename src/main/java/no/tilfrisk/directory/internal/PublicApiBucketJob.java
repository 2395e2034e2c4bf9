package no.tilfrisk.directory.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every ten minutes, on one node: the public API's buckets that are full again are removed (V91). */
@Component
class PublicApiBucketJob {

    private final PublicApiRateLimit rateLimit;

    PublicApiBucketJob(PublicApiRateLimit rateLimit) {
        this.rateLimit = rateLimit;
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
    @SchedulerLock(name = "directory.public-api-buckets", lockAtLeastFor = "PT1M", lockAtMostFor = "PT5M")
    public void removeFullBuckets() {
        rateLimit.removeFullBuckets();
    }
}
