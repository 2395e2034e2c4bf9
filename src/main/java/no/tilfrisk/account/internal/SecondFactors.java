package no.tilfrisk.account.internal;

import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import no.tilfrisk.account.ApiTokens;
import no.tilfrisk.platform.crypto.FieldEncryption;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's second factor: the TOTP secret, kept encrypted, and ten recovery codes, kept hashed. Checks a code
 * at sign-in so that each TOTP code and each recovery code is accepted once only, also across app nodes.
 */
@Component
class SecondFactors {

    /** The authority a session gets once the second factor is given, beside Spring Security's FACTOR_PASSWORD. */
    static final String AUTHORITY = "FACTOR_TOTP";
    static final int RECOVERY_CODES = 10;

    private final JdbcClient db;
    private final Totp totp;
    private final FieldEncryption encryption;
    private final RecoveryCodeGenerator recoveryCodes = new RecoveryCodeGenerator();

    SecondFactors(JdbcClient db, Totp totp, FieldEncryption encryption) {
        this.db = db;
        this.totp = totp;
        this.encryption = encryption;
    }

    @Transactional(readOnly = true)
    Optional<Instant> enrolledAt(UUID userId) {
        return db.sql("SELECT enrolled_at FROM second_factor WHERE user_id = ? AND organisation_id = ?")
                .params(userId, Tenancy.requireOrganisationId())
                .query(Instant.class).optional();
    }

    @Transactional(readOnly = true)
    int unusedRecoveryCodes(UUID userId) {
        return db.sql("SELECT count(*) FROM recovery_code WHERE user_id = ? AND organisation_id = ? AND used_at IS NULL")
                .params(userId, Tenancy.requireOrganisationId())
                .query(Integer.class).single();
    }

    /**
     * Turns the factor on if the code fits the secret the user's app was given. Returns the recovery codes,
     * which exist in clear only in this answer; empty if the code does not fit or the user has a factor already.
     */
    @Transactional
    Optional<List<String>> enrol(UUID userId, String secret, String code) {
        OptionalLong step = totp.stepOf(secret, normalised(code));
        if (step.isEmpty()) {
            return Optional.empty();
        }
        int added = db.sql("""
                        INSERT INTO second_factor (user_id, organisation_id, secret_encrypted, last_used_step)
                        VALUES (?, ?, ?, ?) ON CONFLICT (user_id) DO NOTHING""")
                .params(userId, Tenancy.requireOrganisationId(), encrypt(userId, secret), step.getAsLong())
                .update();
        return added == 1 ? Optional.of(newRecoveryCodes(userId)) : Optional.empty();
    }

    /** Replaces the user's recovery codes; the old ones stop working. */
    @Transactional
    List<String> newRecoveryCodes(UUID userId) {
        UUID organisation = Tenancy.requireOrganisationId();
        db.sql("DELETE FROM recovery_code WHERE user_id = ? AND organisation_id = ?").params(userId, organisation).update();
        List<String> codes = List.of(recoveryCodes.generateCodes(RECOVERY_CODES));
        for (String code : codes) {
            db.sql("INSERT INTO recovery_code (id, user_id, organisation_id, code_hash) VALUES (?, ?, ?, ?)")
                    .params(UUID.randomUUID(), userId, organisation, recoveryCodeHash(code)).update();
        }
        return codes;
    }

    /**
     * Whether the code is the current TOTP code, not used before, or an unused recovery code, which is used up.
     * Marks it used in the same statement that checks it, so two requests cannot both spend one code.
     */
    @Transactional
    boolean verify(UUID userId, String input) {
        String code = normalised(input);
        UUID organisation = Tenancy.requireOrganisationId();
        if (Totp.looksLikeCode(code)) {
            Optional<byte[]> encrypted = db.sql(
                            "SELECT secret_encrypted FROM second_factor WHERE user_id = ? AND organisation_id = ?")
                    .params(userId, organisation).query(byte[].class).optional();
            OptionalLong step = encrypted.map(e -> totp.stepOf(decrypt(userId, e), code)).orElse(OptionalLong.empty());
            return step.isPresent() && db.sql("""
                            UPDATE second_factor SET last_used_step = ?
                            WHERE user_id = ? AND organisation_id = ? AND last_used_step < ?""")
                    .params(step.getAsLong(), userId, organisation, step.getAsLong())
                    .update() == 1;
        }
        return !code.isEmpty() && db.sql("""
                        UPDATE recovery_code SET used_at = now()
                        WHERE user_id = ? AND organisation_id = ? AND code_hash = ? AND used_at IS NULL""")
                .params(userId, organisation, recoveryCodeHash(code))
                .update() == 1;
    }

    /** Spaces and dashes as people type them, in either case; an overlong input is not a code. */
    private static String normalised(String input) {
        if (input == null || input.length() > 64) {
            return "";
        }
        return input.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    }

    private static String recoveryCodeHash(String code) {
        return ApiTokens.hash(normalised(code));
    }

    /** A secret waiting in the session while the user sets up the app: encrypted there too, and only for them. */
    byte[] sealPending(UUID userId, String secret) {
        return encryption.encrypt(secret.getBytes(StandardCharsets.US_ASCII), "pending_second_factor:" + userId);
    }

    String openPending(UUID userId, byte[] sealed) {
        return new String(encryption.decrypt(sealed, "pending_second_factor:" + userId), StandardCharsets.US_ASCII);
    }

    static String secretContext(UUID userId) {
        return "second_factor:" + userId;
    }

    private byte[] encrypt(UUID userId, String secret) {
        return encryption.encrypt(secret.getBytes(StandardCharsets.US_ASCII), secretContext(userId));
    }

    private String decrypt(UUID userId, byte[] encrypted) {
        return new String(encryption.decrypt(encrypted, secretContext(userId)), StandardCharsets.US_ASCII);
    }
}
