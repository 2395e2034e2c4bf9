package no.tilfrisk.account.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.account.Role;
import no.tilfrisk.account.TilfriskUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Finds the account behind an e-mail or an API token before any organisation is known, through the two
 * database functions made for exactly that (row-level security hides everything else at that point).
 */
@Component
class AccountLookup implements UserDetailsService {

    private final JdbcClient db;

    AccountLookup(JdbcClient db) {
        this.db = db;
    }

    @Override
    public TilfriskUser loadUserByUsername(String email) {
        return db.sql("SELECT * FROM sign_in_account(?)").param(email.strip())
                .query(AccountLookup::user).optional()
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
    }

    Optional<TilfriskUser> byTokenHash(String tokenHash) {
        return db.sql("SELECT * FROM api_token_account(?)").param(tokenHash)
                .query(AccountLookup::user).optional()
                .filter(TilfriskUser::isEnabled);
    }

    private static TilfriskUser user(ResultSet rs, int row) throws SQLException {
        Set<Role> roles = Role.fromColumn(rs, "roles");
        Set<UUID> departments = Role.uuids(rs, "department_ids");
        return new TilfriskUser(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class),
                rs.getString("email"), rs.getString("display_name"), rs.getString("password_hash"),
                rs.getBoolean("active"), roles, departments, rs.getBoolean("second_factor_enrolled"),
                rs.getBoolean("second_factor_required"));
    }
}
