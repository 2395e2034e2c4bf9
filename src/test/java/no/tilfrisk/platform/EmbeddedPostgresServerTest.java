package no.tilfrisk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.FileOutputStream;
import java.lang.reflect.Field;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import no.tilfrisk.platform.database.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server on its own, without Spring: plain JUnit on temporary data directories (issue 21, item 1:
 * a server left by a killed run, a pid file naming another process, a server killed while in use).
 */
class EmbeddedPostgresServerTest {

    @TempDir
    Path dir;

    @Test
    void dataSurvivesAStopAndAStart() throws SQLException {
        Path data = dir.resolve("postgres");
        EmbeddedPostgresServer first = EmbeddedPostgresServer.acquire(data, false);
        try (Connection c = owner(first); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (value text)");
            s.execute("INSERT INTO kept VALUES ('still here')");
        } finally {
            first.release();
        }

        EmbeddedPostgresServer second = EmbeddedPostgresServer.acquire(data, false);
        try (Connection c = owner(second); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT value FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
        } finally {
            second.release();
        }
    }

    @Test
    void twoUsersInOneJvmShareOneServerUntilTheLastLeaves() throws SQLException {
        Path data = dir.resolve("shared");
        EmbeddedPostgresServer a = EmbeddedPostgresServer.acquire(data, true);
        EmbeddedPostgresServer b = EmbeddedPostgresServer.acquire(data, true);
        assertThat(b).isSameAs(a);
        a.release();
        try (Connection c = owner(b)) {
            assertThat(c.isValid(2)).isTrue();
        } finally {
            b.release();
        }
    }

    @Test
    void aServerLeftRunningByAKilledRunIsStoppedCleanlyAndTheNextStartSucceeds() throws Exception {
        Path data = dir.resolve("stale");
        EmbeddedPostgresServer first = EmbeddedPostgresServer.acquire(data, false);
        first.release();
        // the server of a run whose JVM was killed: running, with nobody in this JVM holding it
        EmbeddedPostgres orphan = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                .setRegisterShutdownHook(false).start();
        try (Connection c = orphan.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE written_before_the_crash (value text)");
            s.execute("INSERT INTO written_before_the_crash VALUES ('kept')");
        }
        long orphanPid = pid(data);
        dropLockAsAKilledJvmWould(orphan);

        EmbeddedPostgresServer next = EmbeddedPostgresServer.acquire(data, false);
        // the orphan's superuser and database, where the table was written before the «crash»
        try (Connection c = DriverManager.getConnection(next.jdbcUrl().replace("/tilfrisk", "/postgres"), "postgres", "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT value FROM written_before_the_crash")) {
            assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).as("the old server")
                    .isNotEqualTo(Optional.of(true));
            assertThat(next.postmasterPid()).isNotEqualTo(orphanPid);
            // stopped cleanly, not lost: what it had committed is there
            assertThat(rs.next()).isTrue();
        } finally {
            next.release();
        }
    }

    @Test
    void aPidFileNamingAnotherProcessIsStaleAndThatProcessIsNeverTouched() throws Exception {
        Path data = dir.resolve("reused");
        EmbeddedPostgresServer first = EmbeddedPostgresServer.acquire(data, false);
        first.release();
        Process bystander = new ProcessBuilder("cat").start();
        try {
            Files.writeString(data.resolve("postmaster.pid"), bystander.pid() + "\n" + data.toAbsolutePath() + "\n");
            EmbeddedPostgresServer next = EmbeddedPostgresServer.acquire(data, false);
            try (Connection c = owner(next)) {
                assertThat(c.isValid(2)).isTrue();
            } finally {
                next.release();
            }
            assertThat(bystander.isAlive()).as("the process the stale file named").isTrue();
        } finally {
            bystander.destroy();
        }
    }

    @Test
    void aServerKilledWhileInUseIsRestartedAndAnswersAgainWithItsData() throws Exception {
        Path data = dir.resolve("killed");
        EmbeddedPostgresServer server = EmbeddedPostgresServer.acquire(data, false);
        try {
            try (Connection c = owner(server); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE acknowledged (value text)");
                s.execute("INSERT INTO acknowledged VALUES ('committed')");
            }
            ProcessHandle postmaster = ProcessHandle.of(server.postmasterPid()).orElseThrow();
            postmaster.destroyForcibly();
            postmaster.onExit().get(10, TimeUnit.SECONDS);
            // the monitor notices within a second; a restart takes a few
            Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
                try (Connection c = owner(server); Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT value FROM acknowledged")) {
                    return rs.next() && rs.getString(1).equals("committed");
                }
            });
            assertThat(server.restarts()).isGreaterThanOrEqualTo(1);
            assertThat(server.postmasterPid()).isNotEqualTo(postmaster.pid());
        } finally {
            server.release();
        }
    }

    private static long pid(Path data) throws Exception {
        return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
    }

    /** What the operating system does to a killed JVM's file lock: zonky's lock on the data directory is gone. */
    private static void dropLockAsAKilledJvmWould(EmbeddedPostgres postgres) throws Exception {
        Field lock = EmbeddedPostgres.class.getDeclaredField("lock");
        lock.setAccessible(true);
        ((FileLock) lock.get(postgres)).release();
        Field stream = EmbeddedPostgres.class.getDeclaredField("lockStream");
        stream.setAccessible(true);
        ((FileOutputStream) stream.get(postgres)).close();
    }

    private static Connection owner(EmbeddedPostgresServer server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), EmbeddedPostgresServer.OWNER_ROLE,
                EmbeddedPostgresServer.OWNER_PASSWORD);
    }
}
