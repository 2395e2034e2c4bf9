package no.tilfrisk;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A connection to the test database as the embedded server's superuser, past row-level security and the app role's
 * grants: for fixtures of an organisation of a test's own that the services could not make, and their removal.
 */
public final class Superuser {

    private Superuser() {
    }

    public static Connection connect(HikariDataSource dataSource) throws SQLException {
        String url = dataSource.getJdbcUrl();
        return DriverManager.getConnection(url.substring(0, url.lastIndexOf('/') + 1)
                + url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", ""), "postgres", "");
    }
}
