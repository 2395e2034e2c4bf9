package no.tilfrisk.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.postgresql.Driver;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The database's health for {@code /actuator/health} and readiness, with a short timeout of its own: a fresh
 * connection (not one of the pool's, so a busy pool is not mistaken for a database that is away, and the pool's
 * longer wait for a connection does not hold up the probe) and {@code SELECT 1}, given {@link #TIMEOUT} in all.
 * While the database is away the probe says DOWN within that time; the pool may wait longer, so that a burst of
 * requests queues for connections instead of failing (issue 21, item 1). It replaces Spring Boot's {@code db}
 * indicator (the bean's name), which borrows from the pool.
 */
public final class DatabaseHealth implements HealthIndicator, AutoCloseable {

    /** The whole check, connecting included; readiness must say DOWN within 2 s. */
    static final Duration TIMEOUT = Duration.ofMillis(1_200);

    private final HikariDataSource pool;
    private final ExecutorService checker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "database-health");
        thread.setDaemon(true);
        return thread;
    });
    private CompletableFuture<Void> running;

    public DatabaseHealth(HikariDataSource pool) {
        this.pool = pool;
    }

    @Override
    public Health health() {
        CompletableFuture<Void> check = check();
        try {
            check.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return Health.up().withDetail("database", "PostgreSQL").build();
        } catch (TimeoutException e) {
            return Health.down().withDetail("error", "no answer within " + TIMEOUT.toMillis() + " ms").build();
        } catch (ExecutionException e) {
            return Health.down().withDetail("error", String.valueOf(e.getCause().getMessage())).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().build();
        }
    }

    /** One check at a time: a probe that finds the previous check still hanging waits on that one. */
    private synchronized CompletableFuture<Void> check() {
        if (running == null || running.isDone()) {
            running = CompletableFuture.runAsync(this::selectOne, checker);
        }
        return running;
    }

    private void selectOne() {
        Properties properties = new Properties();
        if (pool.getUsername() != null) {
            properties.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            properties.setProperty("password", pool.getPassword());
        }
        int seconds = (int) Math.max(1, TIMEOUT.toSeconds());
        properties.setProperty("connectTimeout", Integer.toString(seconds));
        properties.setProperty("loginTimeout", Integer.toString(seconds));
        properties.setProperty("socketTimeout", Integer.toString(seconds));
        properties.setProperty("ApplicationName", "tilfrisk-health");
        try (Connection connection = new Driver().connect(pool.getJdbcUrl(), properties);
             Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        checker.shutdownNow();
    }
}
