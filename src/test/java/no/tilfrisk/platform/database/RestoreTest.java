package no.tilfrisk.platform.database;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.person.PersonDirectory;
import no.tilfrisk.person.PersonForm;
import no.tilfrisk.person.PersonRole;
import no.tilfrisk.platform.crypto.EncryptedColumn;
import no.tilfrisk.platform.crypto.FieldEncryption;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The restore test (issue 21, «Tests that must exist»): the suite's database, as it is when this class runs,
 * copied into a fresh database of its own and read back there. Every table holds the same number of rows, and every
 * encrypted value of every module's encrypted columns decrypts with the keysets, bound to its row.
 *
 * <p>The copy is logical, the way {@code pg_dump} and {@code pg_restore --disable-triggers} make it: the schema from
 * the migrations, then every table's rows by {@code COPY} in one snapshot of the source, loaded with triggers and
 * foreign keys off ({@code session_replication_role = replica}), and the sequences set. {@code pg_dump} itself is
 * not used: the embedded PostgreSQL 17 (zonky's bundle) holds only {@code initdb}, {@code pg_ctl} and {@code postgres},
 * and Debian's {@code pg_dump} 15 refuses a 17 server. {@code bench/backup-restore.sh} runs the real
 * {@code pg_dump}/{@code pg_restore} against a running instance. The copy is dropped at the end; the suite's own
 * database is only read.
 */
@TilfriskTest
class RestoreTest {

    @Autowired
    HikariDataSource dataSource;
    @Autowired
    FieldEncryption crypto;
    @Autowired
    List<EncryptedColumn.Owner> owners;
    @Autowired
    List<JavaMigration> javaMigrations;
    @Autowired
    People people;
    @Autowired
    PersonDirectory persons;

    @Test
    void aCopyOfTheDatabaseRestoredIntoAFreshOneHoldsEveryRowAndItsEncryptedValuesReadBack() throws Exception {
        // at least one encrypted value of our own, whatever ran before
        UUID person = People.asSystem(DEMO_RECOVERY, () -> {
            PersonForm form = new PersonForm();
            form.setDisplayName("Gjenopprettet " + UUID.randomUUID().toString().substring(0, 6));
            form.setRole(PersonRole.PARTICIPANT);
            form.setDepartmentId(people.department("Skien").id());
            form.setNote("Sover dårlig før gjenoppretting");
            form.setConfirmDuplicate(true);
            return ((PersonDirectory.Registered) persons.register(UUID.randomUUID(), form)).id();
        });

        String url = dataSource.getJdbcUrl();
        String server = url.substring(0, url.lastIndexOf('/') + 1);
        String source = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        String copy = "restored_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection superuser = DriverManager.getConnection(server + "postgres", "postgres", "");
             Statement admin = superuser.createStatement()) {
            admin.execute("CREATE DATABASE " + copy + " OWNER " + EmbeddedPostgresServer.OWNER_ROLE);
            try {
                flyway(server + copy).migrate();
                Map<String, Long> before;
                try (Connection from = DriverManager.getConnection(server + source, "postgres", "");
                     Connection to = DriverManager.getConnection(server + copy, "postgres", "")) {
                    before = copyEverything(from, to);
                }
                assertThat(before).containsKeys("public.person", "public.audit_event", "public.flyway_schema_history");
                assertThat(before.get("public.person")).isPositive();

                try (Connection restored = DriverManager.getConnection(server + copy, "postgres", "")) {
                    Map<String, Long> after = new LinkedHashMap<>();
                    for (String table : before.keySet()) {
                        after.put(table, count(restored, table));
                    }
                    assertThat(after).as("rows of every table after the restore").isEqualTo(before);
                    int read = readEveryEncryptedValue(restored);
                    assertThat(read).as("encrypted values read back").isPositive();
                    assertThat(noteOf(restored, person)).isEqualTo("Sover dårlig før gjenoppretting");
                }
            } finally {
                admin.execute("DROP DATABASE IF EXISTS " + copy + " WITH (FORCE)");
            }
        }
    }

    /**
     * Every table's rows from one snapshot of {@code from} into the same table of {@code to}, which the migrations
     * made and which is emptied first (the migrations' own rows come again with the copy); returns the rows per table.
     */
    private static Map<String, Long> copyEverything(Connection from, Connection to) throws SQLException, java.io.IOException {
        from.setAutoCommit(false);
        from.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        to.setAutoCommit(false);
        List<String> tables = names(from, """
                SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
                 ORDER BY 1""");
        assertThat(names(to, """
                SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
                 ORDER BY 1""")).as("the migrations made the same tables").isEqualTo(tables);
        CopyManager out = from.unwrap(PGConnection.class).getCopyAPI();
        CopyManager in = to.unwrap(PGConnection.class).getCopyAPI();
        try (Statement s = to.createStatement()) {
            s.execute("SET session_replication_role = replica");
            s.execute("TRUNCATE " + String.join(", ", tables));
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : tables) {
            rows.put(table, count(from, table));
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            out.copyOut("COPY " + table + " TO STDOUT (FORMAT binary)", buffer);
            in.copyIn("COPY " + table + " FROM STDIN (FORMAT binary)", new ByteArrayInputStream(buffer.toByteArray()));
        }
        for (String sequence : names(from, "SELECT format('%I.%I', schemaname, sequencename) FROM pg_sequences")) {
            try (Statement s = from.createStatement(); ResultSet r = s.executeQuery("SELECT last_value, is_called FROM " + sequence);
                 Statement t = to.createStatement()) {
                r.next();
                t.execute("SELECT setval('%s', %d, %b)".formatted(sequence, r.getLong(1), r.getBoolean(2)));
            }
        }
        to.commit();
        from.commit();
        return rows;
    }

    /** Decrypts every value of every encrypted column in the restored database with the keysets; returns how many. */
    private int readEveryEncryptedValue(Connection restored) throws SQLException {
        int read = 0;
        for (EncryptedColumn c : owners.stream().flatMap(o -> o.encryptedColumns().stream()).toList()) {
            try (Statement s = restored.createStatement(); ResultSet r = s.executeQuery(
                    "SELECT %s, %s, %s FROM %s WHERE %s IS NOT NULL".formatted(c.id(), c.part() == null ? "NULL" : c.part(),
                            c.column(), c.table(), c.column()))) {
                while (r.next()) {
                    crypto.decrypt(r.getBytes(3), c.associatedData().apply(r.getObject(1, UUID.class), r.getString(2)));
                    read++;
                }
            }
        }
        return read;
    }

    private String noteOf(Connection restored, UUID person) throws SQLException {
        List<String> notes = new ArrayList<>();
        for (EncryptedColumn c : owners.stream().flatMap(o -> o.encryptedColumns().stream())
                .filter(c -> c.table().equals("person") && c.column().equals("note_encrypted")).toList()) {
            try (Statement s = restored.createStatement(); ResultSet r = s.executeQuery(
                    "SELECT %s FROM person WHERE id = '%s' AND %s IS NOT NULL".formatted(c.column(), person, c.column()))) {
                while (r.next()) {
                    notes.add(new String(crypto.decrypt(r.getBytes(1), c.associatedData().apply(person, null)),
                            StandardCharsets.UTF_8));
                }
            }
        }
        return notes.isEmpty() ? null : notes.get(0);
    }

    private static long count(Connection db, String table) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static List<String> names(Connection db, String sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                names.add(r.getString(1));
            }
        }
        return names;
    }

    private Flyway flyway(String url) {
        return Flyway.configure()
                .dataSource(url, EmbeddedPostgresServer.OWNER_ROLE, EmbeddedPostgresServer.OWNER_PASSWORD)
                .locations("classpath:db/migration")
                .placeholders(Map.of("app_role", EmbeddedPostgresServer.APP_ROLE))
                .javaMigrations(javaMigrations.toArray(JavaMigration[]::new)).load();
    }
}
