package no.tilfrisk.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code postmaster.pid} left in our data directory by a run that did not stop cleanly (the JVM killed with
 * {@code kill -9}: the embedded server is a separate process and outlives it). Before the server starts:
 * <ul>
 * <li>no process with that id: nothing to do, PostgreSQL itself removes such a file;</li>
 * <li>a PostgreSQL on this very data directory: it is ours from the run before, and is stopped cleanly (fast
 * shutdown, {@code SIGINT}), waiting at most {@link #STOP_WAIT_SECONDS};</li>
 * <li>any other process (the id was reused): never touched; the file is stale and is removed.</li>
 * </ul>
 */
final class StalePostmaster {

    static final int STOP_WAIT_SECONDS = 30;
    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);

    private StalePostmaster() {
    }

    static void clear(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        List<String> lines;
        try {
            if (!Files.isRegularFile(pidFile)) {
                return;
            }
            lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + pidFile, e);
        }
        if (lines.size() < 2 || !lines.get(0).strip().matches("\\d+")) {
            return;
        }
        long pid = Long.parseLong(lines.get(0).strip());
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return;
        }
        if (isPostgresOn(process.get(), Path.of(lines.get(1).strip()), dataDirectory)) {
            log.warn("A PostgreSQL (pid {}) from an earlier run still holds {}; stopping it cleanly", pid, dataDirectory);
            stop(process.get());
        } else {
            log.warn("{} names pid {}, which is another process now; the file is stale and is removed", pidFile, pid);
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not remove the stale " + pidFile, e);
            }
        }
    }

    /** A postgres executable, and the directory it wrote into its pid file is ours. */
    static boolean isPostgresOn(ProcessHandle process, Path recordedDirectory, Path dataDirectory) {
        String command = commandLine(process);
        if (!command.contains("postgres")) {
            return false;
        }
        try {
            return Files.isSameFile(recordedDirectory, dataDirectory);
        } catch (IOException e) {
            return false;
        }
    }

    static String commandLine(ProcessHandle process) {
        Path cmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        try {
            if (Files.isReadable(cmdline)) {
                return new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).replace('\0', ' ');
            }
        } catch (IOException e) {
            // fall back to what the JDK knows
        }
        return process.info().commandLine().or(() -> process.info().command()).orElse("");
    }

    /** Fast shutdown: PostgreSQL rolls back open transactions, writes a checkpoint and exits. */
    static void stop(ProcessHandle process) {
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start().waitFor();
            process.onExit().get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (IOException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The PostgreSQL of an earlier run (pid " + process.pid()
                    + ") did not stop within " + STOP_WAIT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the PostgreSQL of an earlier run", e);
        }
    }
}
