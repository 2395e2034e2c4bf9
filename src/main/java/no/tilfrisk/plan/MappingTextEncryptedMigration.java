package no.tilfrisk.plan;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import no.tilfrisk.platform.crypto.FieldEncryption;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Migration 15: the mapping's free text (the participant's own words per life area, and the dreams, strengths and
 * challenges) encrypted at rest, as the contact notes are; words about substance use and mental health are health
 * data. In Java, because the key is the application's: it adds the encrypted columns, encrypts what was stored
 * before, and drops the plain ones, in one transaction. Spring Boot hands this bean to Flyway with the SQL
 * migrations in {@code db/migration}, where there is no V15 for that reason. Upgrading across it needs every app node
 * stopped: an older node would read the plain columns it drops.
 */
@Component
class MappingTextEncryptedMigration implements JavaMigration {

    private final FieldEncryption crypto;

    MappingTextEncryptedMigration(FieldEncryption crypto) {
        this.crypto = crypto;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("15");
    }

    @Override
    public String getDescription() {
        return "mapping text encrypted";
    }

    /** Fixed: raise it if this migration is ever changed, so that Flyway's validation notices. */
    @Override
    public Integer getChecksum() {
        return 15_001;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        String app = context.getConfiguration().getPlaceholders().get("app_role");
        try (Statement s = c.createStatement()) {
            s.execute("""
                    ALTER TABLE plan_mapping ADD COLUMN dreams_encrypted bytea, ADD COLUMN strengths_encrypted bytea,
                                             ADD COLUMN challenges_encrypted bytea""");
            s.execute("ALTER TABLE plan_mapping_area ADD COLUMN own_words_encrypted bytea");
        }
        try (PreparedStatement read = c.prepareStatement("""
                     SELECT id, dreams, strengths, challenges FROM plan_mapping
                      WHERE dreams IS NOT NULL OR strengths IS NOT NULL OR challenges IS NOT NULL""");
             PreparedStatement write = c.prepareStatement("""
                     UPDATE plan_mapping SET dreams_encrypted = ?, strengths_encrypted = ?, challenges_encrypted = ?
                      WHERE id = ?""");
             ResultSet rows = read.executeQuery()) {
            while (rows.next()) {
                UUID id = rows.getObject("id", UUID.class);
                write.setBytes(1, crypto.encryptText(rows.getString("dreams"), Mappings.textContext(id, "dreams")));
                write.setBytes(2, crypto.encryptText(rows.getString("strengths"), Mappings.textContext(id, "strengths")));
                write.setBytes(3, crypto.encryptText(rows.getString("challenges"), Mappings.textContext(id, "challenges")));
                write.setObject(4, id);
                write.addBatch();
            }
            write.executeBatch();
        }
        try (PreparedStatement read = c.prepareStatement(
                     "SELECT mapping_id, life_area, own_words FROM plan_mapping_area WHERE own_words IS NOT NULL");
             PreparedStatement write = c.prepareStatement(
                     "UPDATE plan_mapping_area SET own_words_encrypted = ? WHERE mapping_id = ? AND life_area = ?");
             ResultSet rows = read.executeQuery()) {
            while (rows.next()) {
                UUID mapping = rows.getObject("mapping_id", UUID.class);
                LifeArea area = LifeArea.valueOf(rows.getString("life_area"));
                write.setBytes(1, crypto.encryptText(rows.getString("own_words"), Mappings.wordsContext(mapping, area)));
                write.setObject(2, mapping);
                write.setString(3, area.name());
                write.addBatch();
            }
            write.executeBatch();
        }
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE plan_mapping DROP COLUMN dreams, DROP COLUMN strengths, DROP COLUMN challenges");
            // dropping own_words drops the check that a row has a rating or words; the same check on the new column
            s.execute("ALTER TABLE plan_mapping_area DROP COLUMN own_words");
            s.execute("""
                    ALTER TABLE plan_mapping_area ADD CONSTRAINT plan_mapping_area_rating_or_words
                        CHECK (rating IS NOT NULL OR own_words_encrypted IS NOT NULL)""");
            s.execute("GRANT UPDATE (dreams_encrypted, strengths_encrypted, challenges_encrypted) ON plan_mapping TO " + app);
            // erasure removes an area that had words and no rating
            s.execute("GRANT UPDATE (own_words_encrypted), DELETE ON plan_mapping_area TO " + app);
        }
    }
}
