package no.tilfrisk.person;

import java.util.List;
import no.tilfrisk.platform.crypto.EncryptedColumn;
import no.tilfrisk.platform.crypto.FingerprintColumn;
import org.springframework.stereotype.Component;

/**
 * The columns this module encrypts, for the re-encryption after a field-key rotation (platform/crypto), and the
 * national id number's fingerprint, made anew from the encrypted number after a fingerprint-key rotation.
 */
@Component
class PersonEncryptedColumns implements EncryptedColumn.Owner {

    private static final EncryptedColumn NATIONAL_ID =
            EncryptedColumn.of("person", "id", "national_id_encrypted", PersonRecords::nationalIdContext);

    @Override
    public List<EncryptedColumn> encryptedColumns() {
        return List.of(EncryptedColumn.of("person", "id", "note_encrypted", PersonRecords::noteContext), NATIONAL_ID);
    }

    @Override
    public List<FingerprintColumn> fingerprintColumns() {
        return List.of(new FingerprintColumn("national_id_mac", NATIONAL_ID));
    }
}
