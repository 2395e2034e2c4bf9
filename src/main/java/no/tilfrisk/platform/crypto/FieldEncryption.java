package no.tilfrisk.platform.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts single fields (secrets, later notes and national id numbers) with Google Tink AEAD before they reach
 * the database. The keyset comes from {@code tilfrisk.field-encryption.keyset} (the JSON keyset itself, for an
 * environment variable) or else from the file {@code tilfrisk.field-encryption.keyset-file}, which is made on
 * first start when it does not exist. Associated data binds a ciphertext to its row, so it cannot be moved to
 * another.
 */
@Component
public class FieldEncryption {

    private static final Logger log = LoggerFactory.getLogger(FieldEncryption.class);

    private final Aead aead;

    FieldEncryption(@Value("${tilfrisk.field-encryption.keyset:}") String keyset,
                    @Value("${tilfrisk.field-encryption.keyset-file}") Path keysetFile) {
        try {
            AeadConfig.register();
            KeysetHandle handle = TinkJsonProtoKeysetFormat.parseKeyset(
                    keyset.isBlank() ? readOrCreate(keysetFile) : keyset, InsecureSecretKeyAccess.get());
            this.aead = handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The field encryption keyset is not a valid Tink AEAD keyset", e);
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

    private static String readOrCreate(Path file) throws GeneralSecurityException {
        try {
            if (Files.exists(file)) {
                return Files.readString(file);
            }
            String json = TinkJsonProtoKeysetFormat.serializeKeyset(
                    KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".keyset", ".tmp");
            try {
                if (Files.getFileStore(temporary).supportsFileAttributeView("posix")) {
                    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
                }
                Files.writeString(temporary, json);
                Files.move(temporary, file);
                log.warn("Made a new field encryption keyset in {}. Back it up: without it, encrypted fields "
                        + "cannot be read.", file);
                return json;
            } catch (FileAlreadyExistsException e) {
                return Files.readString(file); // another node or context made it first
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or write the field encryption keyset " + file, e);
        }
    }
}
