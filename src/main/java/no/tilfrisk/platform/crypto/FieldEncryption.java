package no.tilfrisk.platform.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encryption of free-text notes and national id numbers with Google Tink (AES-256-GCM), and a keyed MAC for
 * finding a national id number by exact match. Keys come from the environment ({@code TILFRISK_AEAD_KEYSET},
 * {@code TILFRISK_MAC_KEYSET}, Tink JSON keysets) or from files in {@code tilfrisk.keys-dir}; where neither
 * exists, new keys are made and written there. The database never sees a key.
 */
@Component
public class FieldEncryption {

    private static final Logger log = LoggerFactory.getLogger(FieldEncryption.class);

    private final Aead aead;
    private final Mac mac;

    FieldEncryption(@Value("${tilfrisk.keys-dir:${tilfrisk.data-dir:./data}/keys}") Path dir,
                    @Value("${TILFRISK_AEAD_KEYSET:}") String aeadKeyset,
                    @Value("${TILFRISK_MAC_KEYSET:}") String macKeyset) throws GeneralSecurityException {
        AeadConfig.register();
        MacConfig.register();
        this.aead = keyset(aeadKeyset, dir.resolve("aead.json"), PredefinedAeadParameters.AES256_GCM)
                .getPrimitive(RegistryConfiguration.get(), Aead.class);
        this.mac = keyset(macKeyset, dir.resolve("mac.json"), PredefinedMacParameters.HMAC_SHA256_256BITTAG)
                .getPrimitive(RegistryConfiguration.get(), Mac.class);
    }

    /** Encrypts text bound to its context (such as the record it belongs to), so a ciphertext cannot be moved. */
    public byte[] encrypt(String plaintext, String context) {
        if (plaintext == null) {
            return null;
        }
        try {
            return aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), context.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    public String decrypt(byte[] ciphertext, String context) {
        if (ciphertext == null) {
            return null;
        }
        try {
            return new String(aead.decrypt(ciphertext, context.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Decryption failed: wrong key or a ciphertext moved between records", e);
        }
    }

    /** A keyed fingerprint for exact-match search; the same value gives the same fingerprint. */
    public String fingerprint(String value) {
        try {
            return HexFormat.of().formatHex(mac.computeMac(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MAC failed", e);
        }
    }

    private static KeysetHandle keyset(String fromEnvironment, Path file, Parameters parameters)
            throws GeneralSecurityException {
        try {
            if (!fromEnvironment.isBlank()) {
                return TinkJsonProtoKeysetFormat.parseKeyset(fromEnvironment, InsecureSecretKeyAccess.get());
            }
            if (Files.exists(file)) {
                return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file), InsecureSecretKeyAccess.get());
            }
            KeysetHandle created = KeysetHandle.generateNew(parameters);
            Files.createDirectories(file.getParent());
            Files.writeString(file, TinkJsonProtoKeysetFormat.serializeKeyset(created, InsecureSecretKeyAccess.get()));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            log.warn("Made a new encryption key in {}. Back it up: without it, encrypted fields cannot be read.", file);
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or write the key " + file, e);
        }
    }
}
