package no.tilfrisk.plan;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.platform.crypto.FieldEncryption;
import no.tilfrisk.platform.database.EmbeddedPostgresServer;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.assertj.core.groups.Tuple;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The mapping's free text is encrypted at rest, each value bound to its field; and migration 15 encrypted what was there. */
@TilfriskTest
class MappingEncryptionTest {

    @Autowired
    People people;
    @Autowired
    Mappings mappings;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    HikariDataSource dataSource;
    @Autowired
    FieldEncryption crypto;
    @Autowired
    MappingTextEncryptedMigration migration;

    @Test
    void theWordsAreStoredEncryptedReadBackAndCannotBeMovedToAnotherField() {
        UUID person = people.register(DEMO_RECOVERY, "Skien", "Kryptert " + UUID.randomUUID().toString().substring(0, 6));
        MappingForm form = PlanTest.mapping(PlanTest.today()).area(LifeArea.SUBSTANCE_USE, 6, "Rusfri siden mars")
                .area(LifeArea.MENTAL_HEALTH, null, "Sover lite");
        form.setDreams("En egen hund");
        form.setStrengths("Modig og blid");
        form.setChallenges("Kveldene alene");
        UUID id = People.asSystem(DEMO_RECOVERY, () -> mappings.record(UUID.randomUUID(), person, form));

        List<byte[]> stored = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> {
            List<byte[]> all = new ArrayList<>(db.sql("""
                            SELECT unnest(ARRAY[dreams_encrypted, strengths_encrypted, challenges_encrypted])
                              FROM plan_mapping WHERE id = ?""").param(id).query(byte[].class).list());
            all.addAll(db.sql("SELECT own_words_encrypted FROM plan_mapping_area WHERE mapping_id = ?")
                    .param(id).query(byte[].class).list());
            return all;
        }));
        assertThat(stored).hasSize(5).allSatisfy(bytes -> assertThat(new String(bytes, StandardCharsets.ISO_8859_1))
                .doesNotContain("Rusfri", "Sover", "hund", "Modig", "Kveldene"));

        Mapping read = People.asSystem(DEMO_RECOVERY, () -> mappings.get(person, id));
        assertThat(read.dreams()).isEqualTo("En egen hund");
        assertThat(read.strengths()).isEqualTo("Modig og blid");
        assertThat(read.challenges()).isEqualTo("Kveldene alene");
        assertThat(read.areas()).extracting(AreaRating::area, AreaRating::ownWords).containsExactly(
                Tuple.tuple(LifeArea.MENTAL_HEALTH, "Sover lite"),
                Tuple.tuple(LifeArea.SUBSTANCE_USE, "Rusfri siden mars"));

        // a value copied into another field does not decrypt there
        Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql(
                "UPDATE plan_mapping SET strengths_encrypted = dreams_encrypted WHERE id = ?").param(id).update()));
        assertThatThrownBy(() -> People.asSystem(DEMO_RECOVERY, () -> mappings.get(person, id)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void migration15EncryptsTheTextStoredBeforeAndDropsThePlainColumns() throws Exception {
        // a database of its own, migrated to 14 with text in it, then to 15
        String database = "before_v15_" + UUID.randomUUID().toString().substring(0, 8);
        String server = dataSource.getJdbcUrl().substring(0, dataSource.getJdbcUrl().lastIndexOf('/') + 1);
        UUID organisation = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        UUID mapping = UUID.randomUUID();
        try (Connection superuser = DriverManager.getConnection(server + "postgres", "postgres", "");
             Statement admin = superuser.createStatement()) {
            admin.execute("CREATE DATABASE " + database + " OWNER " + EmbeddedPostgresServer.OWNER_ROLE);
            try {
                flyway(server + database, "14").migrate();
                try (Connection owner = owner(server + database); Statement s = owner.createStatement()) {
                    s.execute("INSERT INTO organisation (id, name) VALUES ('%s', 'Før V15')".formatted(organisation));
                    s.execute("INSERT INTO person (id, organisation_id, display_name) VALUES ('%s', '%s', 'Per')"
                            .formatted(person, organisation));
                    s.execute("""
                            INSERT INTO plan_mapping (id, organisation_id, person_id, mapped_on, dreams, challenges)
                            VALUES ('%s', '%s', '%s', current_date, 'Et eget hjem', 'Ensomhet')"""
                            .formatted(mapping, organisation, person));
                    s.execute("""
                            INSERT INTO plan_mapping_area (mapping_id, organisation_id, life_area, rating, own_words)
                            VALUES ('%1$s', '%2$s', 'HOUSING', 3, 'Bor hos mor'), ('%1$s', '%2$s', 'LEGAL', 5, NULL)"""
                            .formatted(mapping, organisation));
                }

                flyway(server + database, "15").migrate();

                try (Connection owner = owner(server + database); Statement s = owner.createStatement()) {
                    try (ResultSet r = s.executeQuery(
                            "SELECT dreams_encrypted, strengths_encrypted, challenges_encrypted FROM plan_mapping")) {
                        assertThat(r.next()).isTrue();
                        assertThat(crypto.decryptText(r.getBytes(1), Mappings.textContext(mapping, "dreams")))
                                .isEqualTo("Et eget hjem");
                        assertThat(r.getBytes(2)).isNull();
                        assertThat(crypto.decryptText(r.getBytes(3), Mappings.textContext(mapping, "challenges")))
                                .isEqualTo("Ensomhet");
                    }
                    try (ResultSet r = s.executeQuery(
                            "SELECT life_area, rating, own_words_encrypted FROM plan_mapping_area ORDER BY life_area")) {
                        assertThat(r.next()).isTrue();
                        assertThat(r.getString(1)).isEqualTo("HOUSING");
                        assertThat(crypto.decryptText(r.getBytes(3), Mappings.wordsContext(mapping, LifeArea.HOUSING)))
                                .isEqualTo("Bor hos mor");
                        assertThat(r.next()).isTrue();
                        assertThat(r.getInt(2)).isEqualTo(5);
                        assertThat(r.getBytes(3)).isNull();
                    }
                    try (ResultSet r = s.executeQuery("""
                            SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public'
                               AND column_name IN ('dreams', 'strengths', 'challenges', 'own_words')""")) {
                        r.next();
                        assertThat(r.getInt(1)).as("the plain columns are gone").isZero();
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
                .javaMigrations(migration).target(target).load();
    }
}
