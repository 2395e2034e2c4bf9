package no.tilfrisk.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.platform.scheduling.AsSystem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The fingerprint (MAC) keyset rotates like the field-encryption keyset: with a new primary key the old fingerprints
 * are still found (a lookup asks with every enabled key), and the rotation job makes them anew under the primary from
 * the encrypted value. Runs on an organisation of its own, with the rotated keyset in a {@link FieldEncryption} of its
 * own; the shared context's keysets and the demo organisations are not touched, and the organisation goes at the end.
 */
@TilfriskTest
class FingerprintKeyRotationTest {

    @Autowired
    FieldEncryption crypto;
    @Autowired
    JdbcClient db;
    @Autowired
    AsSystem asSystem;
    @Autowired
    List<EncryptedColumn.Owner> owners;
    @Autowired
    HikariDataSource dataSource;
    @Value("${tilfrisk.field-encryption.keyset:}")
    String keyset;
    @Value("${tilfrisk.field-encryption.keyset-file}")
    Path keysetFile;
    @Value("${tilfrisk.field-encryption.mac-keyset:}")
    String macKeyset;
    @Value("${tilfrisk.field-encryption.mac-keyset-file}")
    Path macKeysetFile;

    @Test
    void aNewPrimaryFingerprintKeyFindsTheOldFingerprintsUntilTheRotationHasMadeThemAnew() throws Exception {
        FingerprintColumn nationalId = owners.stream().flatMap(o -> o.fingerprintColumns().stream()).findFirst().orElseThrow();
        String number = "01010012356";
        String before = crypto.fingerprint(number);
        UUID organisation = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        String url = dataSource.getJdbcUrl();
        try (Connection superuser = DriverManager.getConnection(url.substring(0, url.lastIndexOf('/') + 1)
                + url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", ""), "postgres", "")) {
            try {
                try (PreparedStatement s = superuser.prepareStatement("INSERT INTO organisation (id, name) VALUES (?, 'Fingeravtrykk')")) {
                    s.setObject(1, organisation);
                    s.execute();
                }
                try (PreparedStatement s = superuser.prepareStatement("""
                        INSERT INTO person (id, organisation_id, display_name, national_id_encrypted, national_id_mac)
                        VALUES (?, ?, 'Fnr', ?, ?)""")) {
                    s.setObject(1, person);
                    s.setObject(2, organisation);
                    s.setBytes(3, crypto.encryptText(number, nationalId.source().associatedData().apply(person, null)));
                    s.setString(4, before);
                    s.execute();
                }

                FieldEncryption rotated = new FieldEncryption(keyset, keysetFile, withNewPrimary(), macKeysetFile);
                String after = rotated.fingerprint(number);
                assertThat(after).isNotEqualTo(before).startsWith(rotated.fingerprintPrefix());
                assertThat(rotated.fingerprints(number)).containsExactly(after, before);
                assertThat(rotated.hasOlderFingerprintKeys()).isTrue();
                assertThat(crypto.hasOlderFingerprintKeys()).isFalse();
                FieldKeyRotation rotation = new FieldKeyRotation(rotated, db, owners, asSystem);
                assertThat(rotation.rotating()).isTrue();

                // before the job: found by the older key's fingerprint, and one fingerprint left to make anew
                assertThat(found(organisation, rotated.fingerprints(number))).containsExactly(person);
                assertThat(found(organisation, List.of(after))).isEmpty();
                assertThat(remaining(rotation, organisation)).isEqualTo(1);

                assertThat(rotation.reencrypt(organisation)).isGreaterThanOrEqualTo(1);

                assertThat(remaining(rotation, organisation)).isZero();
                assertThat(found(organisation, List.of(after))).containsExactly(person);
                assertThat(found(organisation, List.of(before))).isEmpty();
                assertThat(rotation.reencrypt(organisation)).as("nothing left the second time").isZero();
            } finally {
                try (PreparedStatement p = superuser.prepareStatement("DELETE FROM person WHERE organisation_id = ?");
                     PreparedStatement o = superuser.prepareStatement("DELETE FROM organisation WHERE id = ?")) {
                    p.setObject(1, organisation);
                    p.execute();
                    o.setObject(1, organisation);
                    o.execute();
                }
            }
        }
    }

    /** The context's fingerprint keyset with a new key made its primary, the old one still enabled, as tinkey does. */
    private String withNewPrimary() throws Exception {
        KeysetHandle old = Keysets.load(macKeyset, macKeysetFile, PredefinedMacParameters.HMAC_SHA256_256BITTAG, "test");
        return Keysets.serialize(KeysetHandle.newBuilder(old)
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedMacParameters.HMAC_SHA256_256BITTAG)
                        .withRandomId().makePrimary())
                .build());
    }

    private List<UUID> found(UUID organisation, List<String> fingerprints) {
        AtomicReference<List<UUID>> ids = new AtomicReference<>();
        asSystem.run(organisation, () -> ids.set(db.sql("SELECT id FROM person WHERE national_id_mac IN (:f)")
                .param("f", fingerprints).query(UUID.class).list()));
        return ids.get();
    }

    private int remaining(FieldKeyRotation rotation, UUID organisation) {
        AtomicInteger left = new AtomicInteger();
        asSystem.run(organisation, () -> left.set(rotation.remaining()));
        return left.get();
    }
}
