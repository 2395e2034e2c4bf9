package no.tilfrisk.platform.crypto;

/**
 * A column of keyed fingerprints ({@link FieldEncryption#fingerprint}, hex) that a module keeps for exact-match
 * search, beside the encrypted column holding the same value: after the fingerprint keyset is rotated,
 * {@link FieldKeyRotation} decrypts the value and writes its fingerprint under the new primary key. Its table has
 * {@code organisation_id}, and its row key is the encrypted column's {@code id}.
 */
public record FingerprintColumn(String column, EncryptedColumn source) {

    public FingerprintColumn {
        if (source.part() != null) {
            throw new IllegalArgumentException("A fingerprint column's row is keyed by one id");
        }
    }
}
