package no.tilfrisk.account.internal;

import java.util.List;
import no.tilfrisk.platform.crypto.EncryptedColumn;
import org.springframework.stereotype.Component;

/** The columns this module encrypts, for the re-encryption after a field-key rotation (platform/crypto). */
@Component
class AccountEncryptedColumns implements EncryptedColumn.Owner {

    @Override
    public List<EncryptedColumn> encryptedColumns() {
        return List.of(
                EncryptedColumn.of("second_factor", "user_id", "secret_encrypted", SecondFactors::secretContext),
                EncryptedColumn.of("oidc_provider", "organisation_id", "client_secret_encrypted",
                        OidcProviders::associatedData));
    }
}
