package no.tilfrisk.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import no.tilfrisk.People;
import no.tilfrisk.Superuser;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.organisation.Organisations;
import no.tilfrisk.person.internal.PersonAccess;
import no.tilfrisk.platform.Municipalities;
import no.tilfrisk.platform.crypto.FieldEncryption;
import no.tilfrisk.platform.crypto.FieldEncryptions;
import no.tilfrisk.platform.crypto.Keysets;
import no.tilfrisk.platform.web.InvalidInputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * While the fingerprint key rotates, two nodes (one with the new key primary, one still with the old; both hold
 * both keys) make two different fingerprints of one national id number, so the unique index alone lets two persons
 * with one number through when both save at once. The saves of one number wait for each other (an advisory lock on
 * the number's fingerprints), so the second sees the first and gets the field's «already registered». Each node is a
 * {@link PersonDirectory} of its own with its own {@link FieldEncryption}; the shared context's keysets are not
 * touched, and everything runs in an organisation of its own that is deleted at the end.
 */
@TilfriskTest
class NationalIdAcrossKeysTest {

    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    HikariDataSource dataSource;
    @Autowired
    AuditTrail audit;
    @Autowired
    PersonAccess access;
    @Autowired
    Organisations organisations;
    @Autowired
    PersonRecords records;
    @Autowired
    Municipalities municipalities;
    @Autowired
    Consents consents;
    @Autowired
    Clock clock;
    @Autowired
    ApplicationEventPublisher events;
    @Value("${tilfrisk.field-encryption.keyset:}")
    String keyset;
    @Value("${tilfrisk.field-encryption.keyset-file}")
    Path keysetFile;
    @Value("${tilfrisk.field-encryption.mac-keyset:}")
    String macKeyset;
    @Value("${tilfrisk.field-encryption.mac-keyset-file}")
    Path macKeysetFile;

    private final UUID organisation = UUID.randomUUID();

    @BeforeEach
    void organisationOfItsOwn() throws SQLException {
        try (Connection superuser = Superuser.connect(dataSource);
             PreparedStatement s = superuser.prepareStatement(
                     "INSERT INTO organisation (id, name, national_id_enabled) VALUES (?, 'Fnr på to nøkler', true)")) {
            s.setObject(1, organisation);
            s.execute();
        }
    }

    /** Every row of the organisation, its audit trail too (a chain of its own), and the organisation. */
    @AfterEach
    void deleteTheOrganisation() throws SQLException {
        try (Connection superuser = Superuser.connect(dataSource); Statement s = superuser.createStatement()) {
            s.execute("SET session_replication_role = replica"); // no foreign-key order, no append-only triggers
            List<String> tables = new ArrayList<>();
            try (var rs = s.executeQuery("""
                    SELECT c.table_name FROM information_schema.columns c
                      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                     WHERE c.table_schema = 'public' AND c.column_name = 'organisation_id' AND t.table_type = 'BASE TABLE'""")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (PreparedStatement d = superuser.prepareStatement("DELETE FROM " + table + " WHERE organisation_id = ?")) {
                    d.setObject(1, organisation);
                    d.execute();
                }
            }
            try (PreparedStatement d = superuser.prepareStatement("DELETE FROM organisation WHERE id = ?")) {
                d.setObject(1, organisation);
                d.execute();
            }
        }
    }

    @Test
    void twoRegistrationsOfOneNumberUnderTwoPrimaryKeysAtOnceRegisterOnePerson() throws Exception {
        KeysetHandle old = Keysets.load(macKeyset, macKeysetFile, PredefinedMacParameters.HMAC_SHA256_256BITTAG, "test");
        KeysetHandle newPrimary = KeysetHandle.newBuilder(old)
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedMacParameters.HMAC_SHA256_256BITTAG)
                        .withRandomId().makePrimary())
                .build();
        KeysetHandle.Builder back = KeysetHandle.newBuilder(newPrimary);
        back.getAt(0).makePrimary();
        FieldEncryption oldPrimary = FieldEncryptions.withMacKeyset(keyset, keysetFile, Keysets.serialize(back.build()), macKeysetFile);
        FieldEncryption newPrimaryCrypto = FieldEncryptions.withMacKeyset(keyset, keysetFile, Keysets.serialize(newPrimary), macKeysetFile);
        String number = aNumber();
        assertThat(oldPrimary.fingerprint(number)).as("two fingerprints of one number")
                .isNotEqualTo(newPrimaryCrypto.fingerprint(number));
        assertThat(oldPrimary.fingerprints(number)).hasSize(2);
        PersonDirectory oldNode = directory(oldPrimary);
        PersonDirectory newNode = directory(newPrimaryCrypto);

        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        CountDownLatch firstSaved = new CountDownLatch(1);
        CompletableFuture<Object> secondOutcome = new CompletableFuture<>();
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            // the first saves and, before it commits, lets the second save until it is done or waits on a lock
            Future<Object> firstOutcome = two.submit(() -> register(oldNode, first, number, () -> {
                firstSaved.countDown();
                untilDoneOrWaitingOnALock(secondOutcome);
            }));
            assertThat(firstSaved.await(30, TimeUnit.SECONDS)).as("the first saved").isTrue();
            two.submit(() -> {
                try {
                    secondOutcome.complete(register(newNode, second, number, () -> { }));
                } catch (RuntimeException e) {
                    secondOutcome.completeExceptionally(e);
                }
            });

            assertThat(firstOutcome.get(30, TimeUnit.SECONDS)).isEqualTo(new PersonDirectory.Registered(first));
            assertThat(secondOutcome.get(30, TimeUnit.SECONDS)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
                assertThat(e.field()).isEqualTo("nationalId");
                assertThat(e.code()).isEqualTo("person.nationalId.taken");
            });
        } finally {
            two.shutdownNow();
        }
        List<UUID> withTheNumber = People.asSystem(organisation, () -> tx.execute(s -> db.sql(
                "SELECT id FROM person WHERE national_id_mac IS NOT NULL").query(UUID.class).list()));
        assertThat(withTheNumber).as("one person has the number").containsExactly(first);
    }

    /** Registers a person with this number in a transaction of its own; the outcome, or the refusal. */
    private Object register(PersonDirectory node, UUID id, String number, Runnable beforeCommit) {
        try {
            return People.asSystem(organisation, () -> tx.execute(s -> {
                PersonForm form = new PersonForm();
                form.setDisplayName("Fnr " + id.toString().substring(0, 6));
                form.setNationalId(number);
                form.setConfirmDuplicate(true);
                PersonDirectory.Registration outcome = node.register(id, form);
                beforeCommit.run();
                return outcome;
            }));
        } catch (InvalidInputException e) {
            return e;
        }
    }

    /** Until the other is done, or a transaction waits for an advisory lock (the number's, or the audit chain's). */
    private void untilDoneOrWaitingOnALock(CompletableFuture<Object> other) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!other.isDone() && db.sql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
                .query(Integer.class).single() == 0) {
            if (System.nanoTime() > deadline) {
                fail("the second registration neither finished nor waited");
            }
            Thread.onSpinWait();
        }
    }

    private PersonDirectory directory(FieldEncryption crypto) {
        return new PersonDirectory(db, crypto, audit, access, organisations, records, municipalities, consents,
                clock, events);
    }

    /** A valid national id number born 1 January 1900, its individual number at random. */
    private static String aNumber() {
        while (true) {
            String n = "010100" + "%03d".formatted(ThreadLocalRandom.current().nextInt(500));
            int[] d = new int[11];
            for (int i = 0; i < 9; i++) {
                d[i] = n.charAt(i) - '0';
            }
            d[9] = NationalIdNumber.checkDigit(d, new int[] {3, 7, 6, 1, 8, 9, 4, 5, 2});
            d[10] = NationalIdNumber.checkDigit(d, new int[] {5, 4, 3, 2, 7, 6, 5, 4, 3, 2});
            if (d[9] >= 0 && d[10] >= 0) {
                String number = n + d[9] + d[10];
                assertThat(NationalIdNumber.isValid(number)).isTrue();
                return number;
            }
        }
    }
}
