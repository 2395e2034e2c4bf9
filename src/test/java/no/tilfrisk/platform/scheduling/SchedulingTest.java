package no.tilfrisk.platform.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import no.tilfrisk.Demo;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.scheduling.annotation.ScheduledAnnotationBeanPostProcessor;

@TilfriskTest
class SchedulingTest {

    @Autowired
    LockProvider locks;
    @Autowired
    AsSystem asSystem;
    @Autowired
    JdbcClient db;
    @Autowired
    DataSource dataSource;
    @Autowired
    ApplicationContext context;

    @Test
    void aJobNameIsHeldByOneNodeAtATimeAndFreeAgainWhenReleased() {
        Optional<SimpleLock> first = locks.lock(lock("scheduling-test-held"));
        assertThat(first).isPresent();
        assertThat(locks.lock(lock("scheduling-test-held"))).isEmpty();
        assertThat(locks.lock(lock("scheduling-test-other"))).hasValueSatisfying(SimpleLock::unlock);
        first.get().unlock();
        Optional<SimpleLock> again = locks.lock(lock("scheduling-test-held"));
        assertThat(again).isPresent();
        again.get().unlock();
        assertThat(db.sql("SELECT locked_by FROM shedlock WHERE name = 'scheduling-test-held'").query(String.class)
                .single()).isNotBlank();
    }

    @Test
    void theSharedTestContextRunsNoTimer() {
        assertThat(context.getBeansOfType(ScheduledAnnotationBeanPostProcessor.class)).isEmpty();
    }

    @Test
    void aSecondCallOfALockedJobWhileTheFirstRunsDoesNothing() throws Exception {
        // a small context of the lock configuration alone, on the shared database: the annotation is honoured
        try (var small = new AnnotationConfigApplicationContext()) {
            // wrapped, so that closing the small context leaves the shared pool open
            small.registerBean(DataSource.class, () -> new DelegatingDataSource(dataSource));
            small.register(SchedulerLockConfiguration.class, BlockingJob.class);
            small.refresh();
            BlockingJob job = small.getBean(BlockingJob.class);
            CompletableFuture<Void> first = CompletableFuture.runAsync(job::run);
            assertThat(job.awaitStarted()).isTrue();
            job.run();
            job.release();
            first.get(10, TimeUnit.SECONDS);
            assertThat(job.runs()).isEqualTo(1);
            job.run();
            assertThat(job.runs()).isEqualTo(2);
        }
    }

    @Test
    void asSystemRunsEachOrganisationInItsOwnTenantAndOneFailureStopsNoOther() {
        List<UUID> seen = new ArrayList<>();
        int failed = asSystem.forEachOrganisation("scheduling-test", organisation -> {
            assertThat(Tenancy.currentOrganisationId()).contains(organisation);
            // row-level security shows this organisation's row only
            assertThat(db.sql("SELECT id FROM organisation").query(UUID.class).list()).containsExactly(organisation);
            seen.add(organisation);
            if (organisation.equals(Demo.DEMO_RECOVERY)) {
                throw new IllegalStateException("one organisation fails");
            }
        });
        assertThat(seen).contains(Demo.DEMO_RECOVERY, Demo.OTHER_ORGANISATION);
        assertThat(failed).isEqualTo(1);
        assertThat(Tenancy.currentOrganisationId()).isEmpty();
    }

    private static LockConfiguration lock(String name) {
        return new LockConfiguration(Instant.now(), name, Duration.ofMinutes(1), Duration.ZERO);
    }

    /** The lock's proxy is a subclass: the test reaches the job's state through methods, never fields. */
    static class BlockingJob {
        private final CountDownLatch started = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);
        private final AtomicInteger runs = new AtomicInteger();

        public boolean awaitStarted() throws InterruptedException {
            return started.await(10, TimeUnit.SECONDS);
        }

        public void release() {
            release.countDown();
        }

        public int runs() {
            return runs.get();
        }

        @SchedulerLock(name = "scheduling-test-blocking")
        public void run() {
            runs.incrementAndGet();
            started.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
