package no.tilfrisk.platform.crypto;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where Tilfrisk's Tink keysets come from, all in one way: the keyset's JSON from its setting (an environment
 * variable from the operator's secret store), or else its file, which is made (readable by the owner only) on first
 * start when it does not exist. The keysets live outside the database, so a copy of the database alone opens
 * nothing and forges nothing.
 */
public final class Keysets {

    private static final Logger log = LoggerFactory.getLogger(Keysets.class);

    private Keysets() {
    }

    /** The keyset given as JSON, or else the one in the file, made with these parameters when missing. */
    public static KeysetHandle load(String keyset, Path file, Parameters parameters, String what)
            throws GeneralSecurityException {
        return parse(keyset.isBlank() ? readOrCreate(file, parameters, what) : keyset);
    }

    public static KeysetHandle parse(String json) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
    }

    public static String serialize(KeysetHandle handle) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
    }

    private static String readOrCreate(Path file, Parameters parameters, String what) throws GeneralSecurityException {
        try {
            if (Files.exists(file)) {
                return Files.readString(file);
            }
            String json = serialize(KeysetHandle.generateNew(parameters));
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".keyset", ".tmp");
            try {
                if (Files.getFileStore(temporary).supportsFileAttributeView("posix")) {
                    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
                }
                Files.writeString(temporary, json);
                Files.move(temporary, file);
                log.warn("Made a new {} keyset in {}. Back it up: without it, {}.", what, file,
                        "field encryption".equals(what) ? "encrypted fields cannot be read" : "it is lost for good");
                return json;
            } catch (FileAlreadyExistsException e) {
                return Files.readString(file); // another node or context made it first
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or write the " + what + " keyset " + file, e);
        }
    }
}
