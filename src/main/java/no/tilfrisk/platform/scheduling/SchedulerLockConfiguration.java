package no.tilfrisk.platform.scheduling;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A method with {@code @SchedulerLock(name = …)} runs on one node at a time: the lock is a row in the table
 * {@code shedlock} (V50), taken with the database's clock so that the nodes' clocks need not agree. This is on in
 * every run, tests included, so a test that calls a job method directly takes the same lock as the scheduler.
 * The timer itself is {@link SchedulingConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class SchedulerLockConfiguration {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        // ShedLock runs its statements in transactions of its own (REQUIRES_NEW on a plain transaction manager),
        // so taking a lock never joins, or waits for, the job's transaction; the table has no tenant to set.
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("shedlock")
                .usingDbTime()
                .build());
    }
}
