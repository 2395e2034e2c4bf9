package no.tilfrisk.volunteer;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.platform.crypto.FieldEncryption;
import no.tilfrisk.platform.database.EmbeddedPostgresServer;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A volunteer's meeting note is encrypted at rest like a contact note, bound to its meeting; and migration 29
 * encrypted the notes stored before and dropped the plain column.
 */
@TilfriskTest
class MeetingNoteEncryptionTest {

    @Autowired
    VolunteerFixtures fixtures;
    @Autowired
    Matches matches;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    HikariDataSource dataSource;
    @Autowired
    FieldEncryption crypto;
    @Autowired
    List<JavaMigration> javaMigrations;

    @Test
    void theNoteIsStoredEncryptedReadBackAndCannotBeMovedToAnotherMeeting() {
        UUID volunteer = fixtures.volunteer(DEMO_RECOVERY, "Skien", "Kryptert frivillig " + UUID.randomUUID(),
                fixtures.today().minusDays(30));
        UUID participant = fixtures.participant(DEMO_RECOVERY, "Skien", "Kryptert deltaker " + UUID.randomUUID(), true);
        UUID match = fixtures.active(DEMO_RECOVERY, volunteer, participant); // one meeting, noted «Notat <id>»
        MeetingForm second = new MeetingForm();
        second.setMetOn(fixtures.today().minusDays(2));
        second.setHours(new java.math.BigDecimal("1"));
        second.setWhat(MeetingKind.TALK);
        second.setNote("Snakket om rusfrie helger");
        People.asSystem(DEMO_RECOVERY, () -> matches.recordMeeting(UUID.randomUUID(), match, second));

        List<byte[]> stored = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql(
                "SELECT note_encrypted FROM volunteer_meeting WHERE match_id = ? ORDER BY met_on").param(match)
                .query(byte[].class).list()));
        assertThat(stored).hasSize(2).allSatisfy(bytes -> assertThat(new String(bytes, StandardCharsets.ISO_8859_1))
                .doesNotContain("Notat", "rusfrie", "helger"));
        Integer plain = tx.execute(s -> db.sql("""
                SELECT count(*) FROM information_schema.columns
                 WHERE table_name = 'volunteer_meeting' AND column_name = 'note'""").query(Integer.class).single());
        assertThat(plain).as("no plain note column").isZero();

        assertThat(People.asSystem(DEMO_RECOVERY, () -> matches.get(match)).meetings())
                .extracting(Meeting::note).containsExactly("Snakket om rusfrie helger", "Notat " + participant);

        // a ciphertext copied to the other meeting does not decrypt there
        Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql("""
                        UPDATE volunteer_meeting SET note_encrypted = (SELECT note_encrypted FROM volunteer_meeting
                                                                        WHERE match_id = :m ORDER BY met_on LIMIT 1)
                         WHERE match_id = :m""").param("m", match).update()));
        assertThatThrownBy(() -> People.asSystem(DEMO_RECOVERY, () -> matches.get(match)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void migration29EncryptsTheNotesStoredBeforeAndDropsThePlainColumn() throws Exception {
        String database = "before_v29_" + UUID.randomUUID().toString().substring(0, 8);
        String server = dataSource.getJdbcUrl().substring(0, dataSource.getJdbcUrl().lastIndexOf('/') + 1);
        UUID organisation = UUID.randomUUID();
        UUID volunteer = UUID.randomUUID();
        UUID participant = UUID.randomUUID();
        UUID match = UUID.randomUUID();
        UUID noted = UUID.randomUUID();
        UUID silent = UUID.randomUUID();
        try (Connection superuser = DriverManager.getConnection(server + "postgres", "postgres", "");
             Statement admin = superuser.createStatement()) {
            admin.execute("CREATE DATABASE " + database + " OWNER " + EmbeddedPostgresServer.OWNER_ROLE);
            try {
                flyway(server + database, "28").migrate();
                try (Connection owner = owner(server + database); Statement s = owner.createStatement()) {
                    s.execute("INSERT INTO organisation (id, name) VALUES ('%s', 'Før V29')".formatted(organisation));
                    s.execute("""
                            INSERT INTO person (id, organisation_id, display_name)
                            VALUES ('%s', '%3$s', 'Frida'), ('%s', '%3$s', 'Dag')"""
                            .formatted(volunteer, participant, organisation));
                    s.execute("""
                            INSERT INTO volunteer_match (id, organisation_id, participant_id, volunteer_id, help_kind,
                                                         state, proposed_on)
                            VALUES ('%s', '%s', '%s', '%s', 'COMPANY', 'PROPOSED', current_date)"""
                            .formatted(match, organisation, participant, volunteer));
                    s.execute("""
                            INSERT INTO volunteer_meeting (id, organisation_id, match_id, met_on, hours, what, note)
                            VALUES ('%s', '%3$s', '%4$s', current_date, 2, 'WALK', 'Dag sov dårlig i natt'),
                                   ('%s', '%3$s', '%4$s', current_date, 1, 'TALK', NULL)"""
                            .formatted(noted, silent, organisation, match));
                }

                flyway(server + database, "29").migrate();

                try (Connection owner = owner(server + database); Statement s = owner.createStatement()) {
                    try (ResultSet r = s.executeQuery("SELECT id, note_encrypted FROM volunteer_meeting ORDER BY hours DESC")) {
                        assertThat(r.next()).isTrue();
                        byte[] bytes = r.getBytes(2);
                        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain("sov", "natt");
                        assertThat(crypto.decryptText(bytes, MatchRecords.noteContext(noted))).isEqualTo("Dag sov dårlig i natt");
                        assertThat(r.next()).isTrue();
                        assertThat(r.getBytes(2)).isNull();
                    }
                    try (ResultSet r = s.executeQuery("""
                            SELECT count(*) FROM information_schema.columns
                             WHERE table_name = 'volunteer_meeting' AND column_name = 'note'""")) {
                        r.next();
                        assertThat(r.getInt(1)).as("the plain column is gone").isZero();
                    }
                }
            } finally {
                admin.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    private static Connection owner(String url) throws SQLException {
        return DriverManager.getConnection(url, EmbeddedPostgresServer.OWNER_ROLE, EmbeddedPostgresServer.OWNER_PASSWORD);
    }

    private Flyway flyway(String url, String target) {
        return Flyway.configure()
                .dataSource(url, EmbeddedPostgresServer.OWNER_ROLE, EmbeddedPostgresServer.OWNER_PASSWORD)
                .locations("classpath:db/migration")
                .placeholders(Map.of("app_role", EmbeddedPostgresServer.APP_ROLE))
                .javaMigrations(javaMigrations.toArray(JavaMigration[]::new)).target(target).load();
    }
}
