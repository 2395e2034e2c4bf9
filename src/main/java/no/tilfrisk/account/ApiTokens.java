package no.tilfrisk.account;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens. A token carries its owner's rights; its value is shown once and only its SHA-256 hash
 * is stored (a token is long and random, so a slow password hash adds nothing).
 */
@Service
public class ApiTokens {

    public record IssuedToken(UUID id, String name, String value) implements Serializable {
    }

    public record TokenInfo(UUID id, String name, Instant createdAt, Instant revokedAt) {
        public boolean active() {
            return revokedAt == null;
        }
    }

    private static final SecureRandom random = new SecureRandom();

    private final JdbcClient db;

    ApiTokens(JdbcClient db) {
        this.db = db;
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional
    public IssuedToken create(String name) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String value = "tf_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return issue(CurrentUser.get().userId(), name.strip(), value);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<TokenInfo> mine() {
        return db.sql("""
                        SELECT id, name, created_at, revoked_at FROM api_token
                        WHERE user_id = ? AND organisation_id = ? ORDER BY created_at DESC""")
                .params(CurrentUser.get().userId(), Tenancy.requireOrganisationId())
                .query(TokenInfo.class).list();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void revoke(UUID id) {
        int revoked = db.sql("""
                        UPDATE api_token SET revoked_at = coalesce(revoked_at, now())
                        WHERE id = ? AND user_id = ? AND organisation_id = ?""")
                .params(id, CurrentUser.get().userId(), Tenancy.requireOrganisationId())
                .update();
        if (revoked == 0) {
            throw new NotFoundException("Token");
        }
    }

    /** For set-up only (demo data): a token with a value chosen in advance, in the current organisation. */
    @Transactional
    public IssuedToken issue(UUID userId, String name, String value) {
        UUID id = UUID.randomUUID();
        db.sql("INSERT INTO api_token (id, organisation_id, user_id, name, token_hash) VALUES (?, ?, ?, ?, ?)")
                .params(id, Tenancy.requireOrganisationId(), userId, name, hash(value))
                .update();
        return new IssuedToken(id, name, value);
    }

    public static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
