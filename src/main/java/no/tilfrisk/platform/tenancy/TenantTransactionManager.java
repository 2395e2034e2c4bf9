package no.tilfrisk.platform.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Starts every transaction by telling PostgreSQL which organisation it is for
 * ({@code set_config('app.organisation_id', …, true)}), so row-level security limits what it can see and
 * write. A transaction without an organisation sees no organisation's rows.
 */
public class TenantTransactionManager extends JdbcTransactionManager {

    public TenantTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void prepareTransactionalConnection(Connection con, TransactionDefinition definition) throws SQLException {
        super.prepareTransactionalConnection(con, definition);
        Optional<UUID> organisation = Tenancy.currentOrganisationId();
        try (PreparedStatement ps = con.prepareStatement("SELECT set_config('app.organisation_id', ?, true)")) {
            ps.setString(1, organisation.map(UUID::toString).orElse(""));
            ps.execute();
        }
    }
}
