package no.tilfrisk.platform.crypto;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import no.tilfrisk.platform.scheduling.AsSystem;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * After the field-encryption key is rotated (a new primary key in the keyset, the old one still enabled; README,
 * «Rotating the field-encryption key»), re-encrypts every value still under an older key with the primary, in the
 * background and in batches: each batch is one transaction of one organisation, at most {@link #BATCH} values per
 * column. A value is under an older key when its first bytes are not the primary key's Tink prefix. When none is
 * left, the log says so and the old key may be disabled. The columns come from each module's
 * {@link EncryptedColumn.Owner}.
 *
 * <p>The fingerprint keyset rotates the same way: while it holds an enabled key besides the primary, every fingerprint
 * not under the primary (its Tink prefix) is made anew from the value decrypted from its encrypted column, and lookups
 * try the fingerprints under every enabled key ({@link FieldEncryption#fingerprints}) until none is left.
 */
@Service
public class FieldKeyRotation {

    static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(FieldKeyRotation.class);

    private final FieldEncryption encryption;
    private final JdbcClient db;
    private final List<EncryptedColumn> columns;
    private final List<FingerprintColumn> fingerprints;
    private final AsSystem asSystem;

    FieldKeyRotation(FieldEncryption encryption, JdbcClient db, List<EncryptedColumn.Owner> owners, AsSystem asSystem) {
        this.encryption = encryption;
        this.db = db;
        this.columns = owners.stream().flatMap(o -> o.encryptedColumns().stream()).toList();
        this.fingerprints = owners.stream().flatMap(o -> o.fingerprintColumns().stream()).toList();
        this.asSystem = asSystem;
    }

    /** Whether there can be anything to do: either keyset holds an enabled key besides the primary. */
    public boolean rotating() {
        return encryptionRotating() || fingerprintsRotating();
    }

    private boolean encryptionRotating() {
        return encryption.hasOlderKeys() && encryption.primaryKeyPrefix().length > 0;
    }

    private boolean fingerprintsRotating() {
        return encryption.hasOlderFingerprintKeys() && !encryption.fingerprintPrefix().isEmpty();
    }

    /** Every organisation in turn; returns how many values were re-encrypted. */
    public long reencryptAll() {
        if (!rotating()) {
            return 0;
        }
        long done = 0;
        for (UUID organisation : asSystem.organisations()) {
            done += reencrypt(organisation);
        }
        long left = 0;
        for (UUID organisation : asSystem.organisations()) {
            AtomicInteger remaining = new AtomicInteger();
            asSystem.run(organisation, () -> remaining.set(remaining()));
            left += remaining.get();
        }
        if (left == 0) {
            log.info("Field key rotation: re-encrypted or fingerprinted anew {} values; none is under an older key any "
                    + "more, so the older keys of the field-encryption and fingerprint keysets may now be disabled", done);
        } else {
            log.warn("Field key rotation: re-encrypted {} values; {} are still under an older key", done, left);
        }
        return done;
    }

    /** One organisation, batch after batch until none is left; returns how many values were re-encrypted. */
    public long reencrypt(UUID organisation) {
        long done = 0;
        while (true) {
            AtomicInteger batch = new AtomicInteger();
            asSystem.run(organisation, () -> batch.set(reencryptBatch()));
            done += batch.get();
            if (batch.get() == 0) {
                return done;
            }
        }
    }

    /** Values and fingerprints of the current organisation not under the primary key of their keyset. */
    public int remaining() {
        UUID organisation = Tenancy.requireOrganisationId();
        int left = 0;
        if (fingerprintsRotating()) {
            for (FingerprintColumn f : fingerprints) {
                left += db.sql("SELECT count(*)::int FROM %s WHERE organisation_id = ? AND %s IS NOT NULL AND %s IS NOT NULL %s"
                                .formatted(f.source().table(), f.column(), f.source().column(), notUnderPrimary(f)))
                        .params(organisation, encryption.fingerprintPrefix()).query(Integer.class).single();
            }
        }
        if (!encryptionRotating()) {
            return left;
        }
        for (EncryptedColumn c : columns) {
            left += db.sql("SELECT count(*)::int FROM %s WHERE organisation_id = ? AND %s IS NOT NULL %s"
                            .formatted(c.table(), c.column(), underOlderKey(c)))
                    .params(organisation, encryption.primaryKeyPrefix().length, encryption.primaryKeyPrefix())
                    .query(Integer.class).single();
        }
        return left;
    }

    /** At most {@link #BATCH} values per column of the current organisation, in the caller's transaction. */
    int reencryptBatch() {
        int done = fingerprintsRotating() ? fingerprintBatch() : 0;
        if (!encryptionRotating()) {
            return done;
        }
        UUID organisation = Tenancy.requireOrganisationId();
        byte[] prefix = encryption.primaryKeyPrefix();
        for (EncryptedColumn c : columns) {
            String key = c.part() == null ? c.id() : c.id() + ", " + c.part();
            record Value(UUID id, String part, byte[] value) {
            }
            List<Value> values = db.sql("SELECT %s, %s, %s FROM %s WHERE organisation_id = ? AND %s IS NOT NULL %s LIMIT ? FOR UPDATE"
                            .formatted(c.id(), c.part() == null ? "NULL" : c.part(), c.column(), c.table(), c.column(),
                                    underOlderKey(c)))
                    .params(organisation, prefix.length, prefix, BATCH)
                    .query((rs, i) -> new Value(rs.getObject(1, UUID.class), rs.getString(2), rs.getBytes(3))).list();
            for (Value v : values) {
                String associatedData = c.associatedData().apply(v.id(), v.part());
                byte[] again = encryption.encrypt(encryption.decrypt(v.value(), associatedData), associatedData);
                done += db.sql("UPDATE %s SET %s = ? WHERE organisation_id = ? AND %s = ?%s"
                                .formatted(c.table(), c.column(), c.id(), c.part() == null ? "" : " AND " + c.part() + " = ?"))
                        .params(c.part() == null ? List.of(again, organisation, v.id())
                                : List.of(again, organisation, v.id(), v.part()))
                        .update();
            }
            if (!values.isEmpty()) {
                log.debug("Re-encrypted {} values of {}.{} ({})", values.size(), c.table(), c.column(), key);
            }
        }
        return done;
    }

    /** At most {@link #BATCH} fingerprints per column not under the primary fingerprint key, made anew. */
    private int fingerprintBatch() {
        UUID organisation = Tenancy.requireOrganisationId();
        int done = 0;
        for (FingerprintColumn f : fingerprints) {
            EncryptedColumn c = f.source();
            record Value(UUID id, byte[] value) {
            }
            List<Value> values = db.sql("SELECT %s, %s FROM %s WHERE organisation_id = ? AND %s IS NOT NULL AND %s IS NOT NULL %s LIMIT ? FOR UPDATE"
                            .formatted(c.id(), c.column(), c.table(), f.column(), c.column(), notUnderPrimary(f)))
                    .params(organisation, encryption.fingerprintPrefix(), BATCH)
                    .query((rs, i) -> new Value(rs.getObject(1, UUID.class), rs.getBytes(2))).list();
            for (Value v : values) {
                String plain = encryption.decryptText(v.value(), c.associatedData().apply(v.id(), null));
                done += db.sql("UPDATE %s SET %s = ? WHERE organisation_id = ? AND %s = ?".formatted(c.table(), f.column(), c.id()))
                        .params(encryption.fingerprint(plain), organisation, v.id()).update();
            }
            if (!values.isEmpty()) {
                log.debug("Fingerprinted anew {} values of {}.{}", values.size(), c.table(), f.column());
            }
        }
        return done;
    }

    private static String notUnderPrimary(FingerprintColumn f) {
        return "AND NOT starts_with(%s, ?)".formatted(f.column());
    }

    private static String underOlderKey(EncryptedColumn c) {
        return "AND substring(%s from 1 for ?) <> ?".formatted(c.column());
    }
}
