package no.tilfrisk.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.organisation.Organisations;
import no.tilfrisk.platform.scheduling.AsSystem;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rotating the field-encryption key (issue 21, item 6): a value under the old key is read before, re-encrypted
 * by the background job's service after, and then read with the old key disabled. Works in an organisation of its
 * own, and puts the value back under the suite's key at the end (the shared context knows only that key).
 */
@TilfriskTest
class FieldKeyRotationTest {

    @Autowired
    FieldEncryption suiteEncryption;
    @Autowired
    List<EncryptedColumn.Owner> owners;
    @Autowired
    AsSystem asSystem;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Organisations organisations;
    @Value("${tilfrisk.field-encryption.keyset-file}")
    Path keysetFile;
    @Value("${tilfrisk.field-encryption.mac-keyset-file}")
    Path macKeysetFile;

    @Test
    void aValueUnderTheOldKeyIsReadBeforeReEncryptedAfterAndReadWithTheOldKeyDisabled() throws Exception {
        UUID organisation = UUID.randomUUID();
        organisations.create(organisation, "Nøkkelbytte " + organisation.toString().substring(0, 8));
        UUID person = UUID.randomUUID();
        String context = "person.note:" + person;
        byte[] underOld = suiteEncryption.encryptText("Sover dårlig", context);
        Tenancy.runAs(organisation, () -> tx.executeWithoutResult(s -> db.sql("""
                        INSERT INTO person (id, organisation_id, display_name, note_encrypted) VALUES (?, ?, 'Nøkkel', ?)""")
                .params(person, organisation, underOld).update()));

        KeysetHandle old = Keysets.parse(Files.readString(keysetFile));
        KeysetHandle rotated = KeysetHandle.newBuilder(old)
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                        .withRandomId().makePrimary())
                .build();
        FieldEncryption withNewPrimary = encryption(rotated);
        assertThat(withNewPrimary.primaryKeyPrefix()).isNotEqualTo(suiteEncryption.primaryKeyPrefix());
        assertThat(startsWith(underOld, suiteEncryption.primaryKeyPrefix())).isTrue();
        assertThat(withNewPrimary.decryptText(underOld, context)).as("read before").isEqualTo("Sover dårlig");

        FieldKeyRotation rotation = new FieldKeyRotation(withNewPrimary, db, owners, asSystem);
        assertThat(rotation.rotating()).isTrue();
        assertThat(remaining(rotation, organisation)).isEqualTo(1);
        assertThat(rotation.reencrypt(organisation)).isEqualTo(1);
        assertThat(remaining(rotation, organisation)).isZero();

        byte[] after = note(organisation, person);
        assertThat(startsWith(after, withNewPrimary.primaryKeyPrefix())).as("re-encrypted under the new key").isTrue();
        assertThatThrownBy(() -> suiteEncryption.decryptText(after, context))
                .as("the old key alone no longer opens it").isInstanceOf(IllegalStateException.class);
        int oldIndex = indexOf(rotated, old.getPrimary().getId());
        KeysetHandle.Builder disabling = KeysetHandle.newBuilder(rotated);
        disabling.getAt(oldIndex).setStatus(com.google.crypto.tink.KeyStatus.DISABLED);
        FieldEncryption oldDisabled = encryption(disabling.build());
        assertThat(oldDisabled.hasOlderKeys()).isFalse();
        assertThat(new FieldKeyRotation(oldDisabled, db, owners, asSystem).rotating()).isFalse();
        assertThat(oldDisabled.decryptText(after, context)).as("read with the old key disabled").isEqualTo("Sover dårlig");

        // back under the suite's key (the same rotation the other way), which the rest of the suite reads with
        KeysetHandle.Builder back = KeysetHandle.newBuilder(rotated);
        back.getAt(oldIndex).makePrimary();
        assertThat(new FieldKeyRotation(encryption(back.build()), db, owners, asSystem).reencrypt(organisation))
                .isEqualTo(1);
        assertThat(suiteEncryption.decryptText(note(organisation, person), context)).isEqualTo("Sover dårlig");
    }

    private FieldEncryption encryption(KeysetHandle keyset) throws Exception {
        return new FieldEncryption(Keysets.serialize(keyset), keysetFile, "", macKeysetFile);
    }

    private int remaining(FieldKeyRotation rotation, UUID organisation) {
        int[] left = new int[1];
        asSystem.run(organisation, () -> left[0] = rotation.remaining());
        return left[0];
    }

    private byte[] note(UUID organisation, UUID person) {
        return Tenancy.runAs(organisation, () -> tx.execute(s -> db.sql(
                "SELECT note_encrypted FROM person WHERE id = ?").param(person).query(byte[].class).single()));
    }

    private static int indexOf(KeysetHandle keyset, int keyId) {
        for (int i = 0; i < keyset.size(); i++) {
            if (keyset.getAt(i).getId() == keyId) {
                return i;
            }
        }
        throw new IllegalArgumentException("no key " + keyId);
    }

    private static boolean startsWith(byte[] value, byte[] prefix) {
        return value.length >= prefix.length && Arrays.equals(value, 0, prefix.length, prefix, 0, prefix.length);
    }
}
