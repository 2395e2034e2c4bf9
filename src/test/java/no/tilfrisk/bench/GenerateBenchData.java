package no.tilfrisk.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import no.tilfrisk.platform.database.EmbeddedPostgresServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Makes the S or L set ({@code -Dtilfrisk.bench.set=small|large}) in its data directory if it is not there, and
 * prints the rows per table. Run by {@code bench/data.sh}; not part of ./mvnw verify.
 */
@Tag("benchmark")
@SpringBootTest(properties = {"tilfrisk.data-dir=target/bench-data-${tilfrisk.bench.set:large}", "tilfrisk.embedded.clean=false"})
class GenerateBenchData {

    static final String[] TABLES = {"organisation", "department", "person", "person_role", "app_user", "activity",
        "activity_session", "attendance", "contact", "contact_staff", "contact_tally", "plan_goal", "plan_action",
        "plan_change", "outcome_response", "outcome_answer", "collaboration_record"};

    @Autowired
    HikariDataSource dataSource;
    @Autowired
    PasswordEncoder passwords;

    @Test
    void generate() throws Exception {
        var shape = BenchData.chosen();
        double seconds = BenchData.generate(dataSource, shape, passwords.encode(BenchData.STAFF_PASSWORD));
        System.out.printf(Locale.ROOT, "generated the %s set in %.1f s%s%n", shape.name(), seconds, seconds == 0 ? " (it was there)" : "");
        try (Connection c = DriverManager.getConnection(dataSource.getJdbcUrl(), EmbeddedPostgresServer.OWNER_ROLE,
                EmbeddedPostgresServer.OWNER_PASSWORD); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    System.out.printf(Locale.ROOT, "generated %-22s %,12d rows%n", table, rs.getLong(1));
                }
            }
        }
    }
}
