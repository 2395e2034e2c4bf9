package no.tilfrisk.platform.crypto;

import java.util.UUID;
import java.util.function.BiFunction;

/**
 * One column a module encrypts with {@link FieldEncryption}, for the re-encryption after a key rotation
 * ({@link FieldKeyRotation}): its table (with {@code organisation_id}), the row's key ({@code id} a uuid column, and
 * {@code part} a second text key column or null), and the associated data the module binds each value to, from the
 * same method the module encrypts with.
 */
public record EncryptedColumn(String table, String id, String part, String column,
                              BiFunction<UUID, String, String> associatedData) {

    public static EncryptedColumn of(String table, String id, String column,
                                     java.util.function.Function<UUID, String> associatedData) {
        return new EncryptedColumn(table, id, null, column, (key, part) -> associatedData.apply(key));
    }

    /** A module's encrypted columns, as a bean; every module that calls {@link FieldEncryption} declares one. */
    public interface Owner {
        java.util.List<EncryptedColumn> encryptedColumns();

        /** Its fingerprint columns, made anew after the fingerprint keyset is rotated; most modules have none. */
        default java.util.List<FingerprintColumn> fingerprintColumns() {
            return java.util.List.of();
        }
    }
}
