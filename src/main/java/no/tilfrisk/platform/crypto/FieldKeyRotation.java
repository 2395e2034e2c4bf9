package no.tilfrisk.platform.crypto;

import java.util.ArrayList;
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
 * try the fingerprints under every enabled key ({@link FieldEncryption#fingerprints}) until none is left. A
 * fingerprint that under the primary key is another row's already (one number given to two persons, before its
 * uniqueness was checked across keys) is left as it is and reported ({@link #duplicates()}, and a warning naming
 * both rows), and the rest is done: such a pair is for a person to merge or correct, after which the next run
 * finishes.
 */
@Service
public class FieldKeyRotation {

    static final int BATCH = 500;

    /**
     * A fingerprint not made anew because under the primary key it is the fingerprint of another row of the same
     * organisation ({@code sameAs}): the two hold one number.
     */
    public record Duplicate(UUID organisation, String table, UUID id, UUID sameAs) {
    }

    private static final Logger log = LoggerFactory.getLogger(FieldKeyRotation.class);

    private final FieldEncryption encryption;
    private final JdbcClient db;
    private final List<EncryptedColumn> columns;
    private final List<FingerprintColumn> fingerprints;
    private final AsSystem asSystem;
    private volatile List<Duplicate> duplicates = List.of();

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
        List<Duplicate> found = new ArrayList<>();
        for (UUID organisation : asSystem.organisations()) {
            done += reencrypt(organisation, found);
        }
        duplicates = List.copyOf(found);
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
            log.warn("Field key rotation: re-encrypted {} values; {} are still under an older key{}", done, left,
                    found.isEmpty() ? "" : " (" + found.size() + " of them fingerprints of a number two rows hold)");
        }
        return done;
    }

    /**
     * The fingerprints the last run left under an older key because under the primary they are another row's: the
     * older fingerprint key must stay enabled until these pairs are merged or corrected. Empty when there were none.
     */
    public List<Duplicate> duplicates() {
        return duplicates;
    }

    /**
     * One organisation, batch after batch until none is left; returns how many values were re-encrypted (the
     * fingerprints left as they are: {@link #duplicates()}).
     */
    public long reencrypt(UUID organisation) {
        List<Duplicate> found = new ArrayList<>();
        long done = reencrypt(organisation, found);
        duplicates = List.copyOf(found);
        return done;
    }

    private long reencrypt(UUID organisation, List<Duplicate> found) {
        long done = 0;
        int before = found.size();
        while (true) {
            AtomicInteger batch = new AtomicInteger();
            int known = found.size();
            asSystem.run(organisation, () -> batch.set(reencryptBatch(found)));
            done += batch.get();
            if (batch.get() == 0 && found.size() == known) { // a batch of duplicates only: the next asks without them
                break;
            }
        }
        List<Duplicate> here = found.subList(before, found.size());
        if (!here.isEmpty()) {
            log.warn("Field key rotation: organisation {}: {} fingerprints not made anew, each the number of another "
                            + "row too (merge or correct them; the older fingerprint key must stay enabled till then): {}",
                    organisation, here.size(), here.stream()
                            .map(d -> "%s %s has the number of %s %s".formatted(d.table(), d.id(), d.table(), d.sameAs()))
                            .toList());
        }
        return done;
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
        return reencryptBatch(new ArrayList<>());
    }

    /**
     * As {@link #reencryptBatch()}; fingerprints that are another row's under the primary are added to
     * {@code found} and not asked for again.
     */
    private int reencryptBatch(List<Duplicate> found) {
        int done = fingerprintsRotating() ? fingerprintBatch(found) : 0;
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

    /**
     * At most {@link #BATCH} fingerprints per column not under the primary fingerprint key, made anew; one that is
     * another row's under the primary already is left as it is and added to {@code found} (the unique index would
     * refuse it, and the whole batch with it).
     */
    private int fingerprintBatch(List<Duplicate> found) {
        UUID organisation = Tenancy.requireOrganisationId();
        int done = 0;
        for (FingerprintColumn f : fingerprints) {
            EncryptedColumn c = f.source();
            record Value(UUID id, byte[] value) {
            }
            String[] skipped = found.stream()
                    .filter(d -> d.organisation().equals(organisation) && d.table().equals(c.table()))
                    .map(d -> d.id().toString()).toArray(String[]::new);
            List<Value> values = db.sql("SELECT %s, %s FROM %s WHERE organisation_id = ? AND %s IS NOT NULL AND %s IS NOT NULL %s AND NOT (%s::text = ANY (?::text[])) LIMIT ? FOR UPDATE"
                            .formatted(c.id(), c.column(), c.table(), f.column(), c.column(), notUnderPrimary(f), c.id()))
                    .params(organisation, encryption.fingerprintPrefix(), skipped, BATCH)
                    .query((rs, i) -> new Value(rs.getObject(1, UUID.class), rs.getBytes(2))).list();
            for (Value v : values) {
                String fingerprint = encryption.fingerprint(encryption.decryptText(v.value(),
                        c.associatedData().apply(v.id(), null)));
                int made = db.sql("""
                                UPDATE %1$s SET %2$s = ? WHERE organisation_id = ? AND %3$s = ?
                                   AND NOT EXISTS (SELECT 1 FROM %1$s o WHERE o.organisation_id = ? AND o.%2$s = ? AND o.%3$s <> ?)"""
                                .formatted(c.table(), f.column(), c.id()))
                        .params(fingerprint, organisation, v.id(), organisation, fingerprint, v.id()).update();
                if (made == 0) {
                    found.add(new Duplicate(organisation, c.table(), v.id(), db.sql(
                                    "SELECT %s FROM %s WHERE organisation_id = ? AND %s = ? LIMIT 1"
                                            .formatted(c.id(), c.table(), f.column()))
                            .params(organisation, fingerprint).query(UUID.class).optional().orElse(null)));
                }
                done += made;
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
