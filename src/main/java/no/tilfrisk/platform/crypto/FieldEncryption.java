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
import com.google.crypto.tink.mac.MacKey;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
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
    private final KeysetHandle macKeys;
    private final Mac mac;
    /** One MAC per enabled fingerprint key, the primary's first: the lookups while a rotation is under way. */
    private final List<Mac> enabledMacs;

    FieldEncryption(@Value("${tilfrisk.field-encryption.keyset:}") String keyset,
                    @Value("${tilfrisk.field-encryption.keyset-file}") Path keysetFile,
                    @Value("${tilfrisk.field-encryption.mac-keyset:}") String macKeyset,
                    @Value("${tilfrisk.field-encryption.mac-keyset-file}") Path macKeysetFile) {
        try {
            AeadConfig.register();
            MacConfig.register();
            this.aeadKeys = handle(keyset, keysetFile, PredefinedAeadParameters.AES256_GCM);
            this.aead = aeadKeys.getPrimitive(RegistryConfiguration.get(), Aead.class);
            this.macKeys = handle(macKeyset, macKeysetFile, PredefinedMacParameters.HMAC_SHA256_256BITTAG);
            this.mac = macKeys.getPrimitive(RegistryConfiguration.get(), Mac.class);
            this.enabledMacs = oneByOne(macKeys);
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

    /**
     * The fingerprints of a value under every enabled fingerprint key, the primary's first. After the fingerprint
     * keyset is rotated, a value fingerprinted before is found by the older key's fingerprint until the rotation
     * job ({@link FieldKeyRotation}) has made it anew with the primary.
     */
    public List<String> fingerprints(String value) {
        List<String> all = new ArrayList<>();
        for (Mac each : enabledMacs) {
            try {
                all.add(HexFormat.of().formatHex(each.computeMac(value.getBytes(StandardCharsets.UTF_8))));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("MAC failed", e);
            }
        }
        return all;
    }

    /**
     * How every fingerprint made now starts, in hex: Tink's prefix of the primary fingerprint key, so a fingerprint
     * under an older key can be told in SQL. Empty for a raw key.
     */
    public String fingerprintPrefix() {
        return macKeys.getPrimary().getKey() instanceof MacKey key ? HexFormat.of().formatHex(key.getOutputPrefix().toByteArray()) : "";
    }

    /** Whether the fingerprint keyset holds an enabled key besides the primary (a rotation under way). */
    public boolean hasOlderFingerprintKeys() {
        return enabledMacs.size() > 1;
    }

    private static List<Mac> oneByOne(KeysetHandle keys) throws GeneralSecurityException {
        List<Mac> macs = new ArrayList<>();
        macs.add(keys.getPrimitive(RegistryConfiguration.get(), Mac.class));
        for (int i = 0; i < keys.size(); i++) {
            KeysetHandle.Entry entry = keys.getAt(i);
            if (entry.getStatus() == KeyStatus.ENABLED && !entry.isPrimary()) {
                macs.add(KeysetHandle.newBuilder()
                        .addEntry(KeysetHandle.importKey(entry.getKey()).withFixedId(entry.getId()).makePrimary())
                        .build().getPrimitive(RegistryConfiguration.get(), Mac.class));
            }
        }
        return macs;
    }

    private static KeysetHandle handle(String keyset, Path file, Parameters parameters) throws GeneralSecurityException {
        return Keysets.load(keyset, file, parameters, "field encryption");
    }
}
