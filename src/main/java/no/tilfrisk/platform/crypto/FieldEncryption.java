package no.tilfrisk.platform.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AeadKey;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts single fields (second-factor secrets, notes, national id numbers) with Google Tink AEAD before they
 * reach the database, and makes keyed fingerprints (HMAC) for finding a national id number by exact match.
 * Each keyset comes from its setting (the JSON keyset itself, for an environment variable) or else from its
 * file, which is made on first start when it does not exist. Associated data binds a ciphertext to its row, so
 * it cannot be moved to another.
 */
@Component
public class FieldEncryption {

    private final KeysetHandle aeadKeys;
    private final Aead aead;
    private final Mac mac;

    FieldEncryption(@Value("${tilfrisk.field-encryption.keyset:}") String keyset,
                    @Value("${tilfrisk.field-encryption.keyset-file}") Path keysetFile,
                    @Value("${tilfrisk.field-encryption.mac-keyset:}") String macKeyset,
                    @Value("${tilfrisk.field-encryption.mac-keyset-file}") Path macKeysetFile) {
        try {
            AeadConfig.register();
            MacConfig.register();
            this.aeadKeys = handle(keyset, keysetFile, PredefinedAeadParameters.AES256_GCM);
            this.aead = aeadKeys.getPrimitive(RegistryConfiguration.get(), Aead.class);
            this.mac = handle(macKeyset, macKeysetFile, PredefinedMacParameters.HMAC_SHA256_256BITTAG)
                    .getPrimitive(RegistryConfiguration.get(), Mac.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A field encryption keyset is not a valid Tink keyset", e);
        }
    }

    public byte[] encrypt(byte[] plaintext, String associatedData) {
        try {
            return aead.encrypt(plaintext, associatedData.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    public byte[] decrypt(byte[] ciphertext, String associatedData) {
        try {
            return aead.decrypt(ciphertext, associatedData.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Decryption failed: wrong key, or the value belongs to another row", e);
        }
    }

    /** Text in, ciphertext out; null stays null. */
    public byte[] encryptText(String plaintext, String associatedData) {
        return plaintext == null ? null : encrypt(plaintext.getBytes(StandardCharsets.UTF_8), associatedData);
    }

    public String decryptText(byte[] ciphertext, String associatedData) {
        return ciphertext == null ? null : new String(decrypt(ciphertext, associatedData), StandardCharsets.UTF_8);
    }

    /**
     * The bytes every value encrypted now starts with: Tink's prefix of the primary key (a version byte and the
     * key's id), so a value under an older key can be told in SQL. Empty for a raw key, which has no prefix.
     */
    public byte[] primaryKeyPrefix() {
        return aeadKeys.getPrimary().getKey() instanceof AeadKey key ? key.getOutputPrefix().toByteArray() : new byte[0];
    }

    /** Whether a key other than the primary is enabled: only then can a readable value be under an older key. */
    public boolean hasOlderKeys() {
        int enabled = 0;
        for (int i = 0; i < aeadKeys.size(); i++) {
            if (aeadKeys.getAt(i).getStatus() == KeyStatus.ENABLED) {
                enabled++;
            }
        }
        return enabled > 1;
    }

    /** A keyed fingerprint for exact-match search; the same value gives the same fingerprint. */
    public String fingerprint(String value) {
        try {
            return HexFormat.of().formatHex(mac.computeMac(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MAC failed", e);
        }
    }

    private static KeysetHandle handle(String keyset, Path file, Parameters parameters) throws GeneralSecurityException {
        return Keysets.load(keyset, file, parameters, "field encryption");
    }
}
