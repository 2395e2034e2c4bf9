package no.tilfrisk.volunteer;

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
 * Migration 29: the note a volunteer writes about a meeting (for the staff only: how the participant is doing, in
 * the volunteer's words) encrypted at rest, as contact notes (V5) and the mapping's words (V15) are. In Java, because
 * the key is the application's: it adds the encrypted column, encrypts every note stored before, and drops the plain
 * column, in one transaction. Spring Boot hands this bean to Flyway with the SQL migrations in
 * {@code db/migration}, where there is no V29 for that reason. Upgrading across it needs every app node stopped: an
 * older node would read the plain column it drops.
 */
@Component
class MeetingNoteEncryptedMigration implements JavaMigration {

    private final FieldEncryption crypto;

    MeetingNoteEncryptedMigration(FieldEncryption crypto) {
        this.crypto = crypto;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("29");
    }

    @Override
    public String getDescription() {
        return "volunteer meeting note encrypted";
    }

    /** Fixed: raise it if this migration is ever changed, so that Flyway's validation notices. */
    @Override
    public Integer getChecksum() {
        return 29_001;
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
            s.execute("ALTER TABLE volunteer_meeting ADD COLUMN note_encrypted bytea");
        }
        try (PreparedStatement read = c.prepareStatement("SELECT id, note FROM volunteer_meeting WHERE note IS NOT NULL");
             PreparedStatement write = c.prepareStatement("UPDATE volunteer_meeting SET note_encrypted = ? WHERE id = ?");
             ResultSet rows = read.executeQuery()) {
            while (rows.next()) {
                UUID id = rows.getObject("id", UUID.class);
                write.setBytes(1, crypto.encryptText(rows.getString("note"), MatchRecords.noteContext(id)));
                write.setObject(2, id);
                write.addBatch();
            }
            write.executeBatch();
        }
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE volunteer_meeting DROP COLUMN note");
            // erasure empties the notes of the erased person's meetings
            s.execute("GRANT UPDATE (note_encrypted) ON volunteer_meeting TO " + app);
        }
    }
}
