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
 * write. A transaction without an organisation sees no organisation's rows. A partner's transaction also carries
 * the partner ({@code app.partner_user_id}, their account id), which the partner policies of V36 read: a partner
 * sees a person only while the person's consent to share with the partner's organisation is in force.
 */
public class TenantTransactionManager extends JdbcTransactionManager {

    /** The role name (account module's {@code Role.PARTNER}) whose transactions carry the partner. */
    static final String PARTNER = "PARTNER";

    public TenantTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void prepareTransactionalConnection(Connection con, TransactionDefinition definition) throws SQLException {
        super.prepareTransactionalConnection(con, definition);
        Optional<UUID> organisation = Tenancy.currentOrganisationId();
        String partner = Tenancy.currentPrincipal().filter(p -> p.hasRole(PARTNER)).map(p -> p.userId().toString())
                .orElse("");
        try (PreparedStatement ps = con.prepareStatement(
                "SELECT set_config('app.organisation_id', ?, true), set_config('app.partner_user_id', ?, true)")) {
            ps.setString(1, organisation.map(UUID::toString).orElse(""));
            ps.setString(2, partner);
            ps.execute();
        }
    }
}
