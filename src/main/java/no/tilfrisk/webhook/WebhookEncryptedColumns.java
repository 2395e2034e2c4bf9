package no.tilfrisk.webhook;

import java.util.List;
import no.tilfrisk.platform.crypto.EncryptedColumn;
import org.springframework.stereotype.Component;

/** The columns this module encrypts, for the re-encryption after a field-key rotation (platform/crypto). */
@Component
class WebhookEncryptedColumns implements EncryptedColumn.Owner {

    @Override
    public List<EncryptedColumn> encryptedColumns() {
        return List.of(
                EncryptedColumn.of("webhook", "id", "secret_encrypted", Webhooks::associatedData));
    }
}
