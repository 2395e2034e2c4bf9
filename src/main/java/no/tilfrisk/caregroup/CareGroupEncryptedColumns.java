package no.tilfrisk.caregroup;

import java.util.List;
import no.tilfrisk.platform.crypto.EncryptedColumn;
import org.springframework.stereotype.Component;

/** The columns this module encrypts, for the re-encryption after a field-key rotation (platform/crypto). */
@Component
class CareGroupEncryptedColumns implements EncryptedColumn.Owner {

    @Override
    public List<EncryptedColumn> encryptedColumns() {
        return List.of(
                EncryptedColumn.of("care_meeting", "id", "minutes_encrypted", CareGroupRecords::minutesContext));
    }
}
