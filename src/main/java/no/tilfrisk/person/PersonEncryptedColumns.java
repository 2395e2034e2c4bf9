package no.tilfrisk.person;

import java.util.List;
import no.tilfrisk.platform.crypto.EncryptedColumn;
import org.springframework.stereotype.Component;

/** The columns this module encrypts, for the re-encryption after a field-key rotation (platform/crypto). */
@Component
class PersonEncryptedColumns implements EncryptedColumn.Owner {

    @Override
    public List<EncryptedColumn> encryptedColumns() {
        return List.of(
                EncryptedColumn.of("person", "id", "note_encrypted", PersonRecords::noteContext),
                EncryptedColumn.of("person", "id", "national_id_encrypted", PersonRecords::nationalIdContext));
    }
}
