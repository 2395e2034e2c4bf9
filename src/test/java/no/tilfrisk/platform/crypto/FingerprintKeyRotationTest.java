package no.tilfrisk.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import no.tilfrisk.Superuser;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.platform.scheduling.AsSystem;
import org.junit.jupiter.api.AfterEach;
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

    private final List<UUID> organisationsMade = new ArrayList<>();

    @Test
    void aNewPrimaryFingerprintKeyFindsTheOldFingerprintsUntilTheRotationHasMadeThemAnew() throws Exception {
        FingerprintColumn nationalId = owners.stream().flatMap(o -> o.fingerprintColumns().stream()).findFirst().orElseThrow();
        String number = "01010012356";
        String before = crypto.fingerprint(number);
        UUID organisation = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        try (Connection superuser = Superuser.connect(dataSource)) {
            try {
                try (PreparedStatement s = superuser.prepareStatement("INSERT INTO organisation (id, name) VALUES (?, 'Fingeravtrykk')")) {
                    s.setObject(1, organisation);
                    s.execute();
                }
                insertPerson(superuser, nationalId, organisation, person, number, before);

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

    /**
     * One number two persons hold, one fingerprint under the older key and one under the new (made before uniqueness
     * was checked across keys): the job leaves the older one as it is and reports the pair, and makes the rest anew.
     * Before, the unique index refused the batch and the job stopped there, every time.
     */
    @Test
    void aNumberTwoPersonsHoldIsLeftAndReportedAndTheRestIsMadeAnew() throws Exception {
        FingerprintColumn nationalId = owners.stream().flatMap(o -> o.fingerprintColumns().stream()).findFirst().orElseThrow();
        FieldEncryption rotated = new FieldEncryption(keyset, keysetFile, withNewPrimary(), macKeysetFile);
        String number = "01010012356";
        String another = "02030001195";
        UUID organisation = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        try (Connection superuser = Superuser.connect(dataSource)) {
            organisationsMade.add(organisation);
            try (PreparedStatement s = superuser.prepareStatement("INSERT INTO organisation (id, name) VALUES (?, 'Fnr to ganger')")) {
                s.setObject(1, organisation);
                s.execute();
            }
            insertPerson(superuser, nationalId, organisation, first, number, crypto.fingerprint(number));
            insertPerson(superuser, nationalId, organisation, second, number, rotated.fingerprint(number));
            insertPerson(superuser, nationalId, organisation, third, another, crypto.fingerprint(another));
        }
        FieldKeyRotation rotation = new FieldKeyRotation(rotated, db, owners, asSystem);
        assertThat(remaining(rotation, organisation)).isEqualTo(2);

        assertThat(rotation.reencrypt(organisation)).as("the other number made anew").isEqualTo(1);

        assertThat(rotation.duplicates()).containsExactly(
                new FieldKeyRotation.Duplicate(organisation, "person", first, second));
        assertThat(found(organisation, List.of(rotated.fingerprint(another)))).containsExactly(third);
        assertThat(found(organisation, List.of(crypto.fingerprint(number)))).as("left as it was").containsExactly(first);
        assertThat(found(organisation, List.of(rotated.fingerprint(number)))).containsExactly(second);
        assertThat(remaining(rotation, organisation)).isEqualTo(1);
        // the next run: nothing more to do, and the same pair reported
        assertThat(rotation.reencrypt(organisation)).isZero();
        assertThat(rotation.duplicates()).hasSize(1);
    }

    /** Persons and organisations the tests made, with a superuser (they hold no audit trail). */
    @AfterEach
    void deleteOrganisationsMade() throws Exception {
        try (Connection superuser = Superuser.connect(dataSource)) {
            for (UUID organisation : organisationsMade) {
                try (PreparedStatement p = superuser.prepareStatement("DELETE FROM person WHERE organisation_id = ?");
                     PreparedStatement o = superuser.prepareStatement("DELETE FROM organisation WHERE id = ?")) {
                    p.setObject(1, organisation);
                    p.execute();
                    o.setObject(1, organisation);
                    o.execute();
                }
            }
        }
        organisationsMade.clear();
    }

    private void insertPerson(Connection superuser, FingerprintColumn nationalId, UUID organisation, UUID person,
                              String number, String fingerprint) throws Exception {
        try (PreparedStatement s = superuser.prepareStatement("""
                INSERT INTO person (id, organisation_id, display_name, national_id_encrypted, national_id_mac)
                VALUES (?, ?, 'Fnr', ?, ?)""")) {
            s.setObject(1, person);
            s.setObject(2, organisation);
            s.setBytes(3, crypto.encryptText(number, nationalId.source().associatedData().apply(person, null)));
            s.setString(4, fingerprint);
            s.execute();
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
