package no.tilfrisk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import no.tilfrisk.platform.database.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    private static Connection owner(EmbeddedPostgresServer server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), EmbeddedPostgresServer.OWNER_ROLE,
                EmbeddedPostgresServer.OWNER_PASSWORD);
    }
}
