package no.tilfrisk.importer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The SQL of the importer's own tables, with no rights checks; {@link Imports} checks them. */
@Component
class ImportRecords {

    record StoredFile(UUID id, UUID uploadedBy, String fileName, String sha256, int sizeBytes, byte[] content,
                      Instant createdAt) {
    }

    private final JdbcClient db;
    private final JsonMapper json = JsonMapper.builder().build();

    ImportRecords(JdbcClient db) {
        this.db = db;
    }

    void saveFile(UUID id, UUID user, String name, String sha256, byte[] content) {
        db.sql("""
                        INSERT INTO import_file (id, organisation_id, uploaded_by, file_name, sha256, size_bytes, content)
                        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")
                .params(id, Tenancy.requireOrganisationId(), user, name, sha256, content.length, content).update();
    }

    Optional<StoredFile> file(UUID id) {
        return db.sql("""
                        SELECT id, uploaded_by, file_name, sha256, size_bytes, content, created_at FROM import_file
                         WHERE id = ? AND organisation_id = ? AND content IS NOT NULL""")
                .params(id, Tenancy.requireOrganisationId()).query(StoredFile.class).optional();
    }

    /** Who uploaded the file (whether or not its content is still kept). */
    Optional<UUID> uploader(UUID id) {
        return db.sql("SELECT uploaded_by FROM import_file WHERE id = ? AND organisation_id = ?")
                .params(id, Tenancy.requireOrganisationId()).query((rs, i) -> rs.getObject(1, UUID.class)).optional();
    }

    /** Deletes the files still holding their content (never imported) uploaded before the moment. */
    int deleteUnimportedBefore(Instant before) {
        return db.sql("DELETE FROM import_file WHERE organisation_id = ? AND content IS NOT NULL AND created_at < ?")
                .params(Tenancy.requireOrganisationId(), java.sql.Timestamp.from(before)).update();
    }

    void dropContent(UUID id) {
        db.sql("UPDATE import_file SET content = NULL WHERE id = ?").param(id).update();
    }

    @SuppressWarnings("unchecked")
    Map<String, String> mapping(ImportKind kind) {
        return db.sql("SELECT columns::text FROM import_mapping WHERE organisation_id = ? AND kind = ?")
                .params(Tenancy.requireOrganisationId(), kind.name()).query(String.class).optional()
                .map(text -> (Map<String, String>) json.readValue(text, Map.class)).orElse(Map.of());
    }

    void saveMapping(ImportKind kind, Map<String, String> columns, UUID user) {
        db.sql("""
                        INSERT INTO import_mapping (organisation_id, kind, columns, updated_by) VALUES (?, ?, ?::jsonb, ?)
                        ON CONFLICT (organisation_id, kind)
                        DO UPDATE SET columns = EXCLUDED.columns, updated_by = EXCLUDED.updated_by, updated_at = now()""")
                .params(Tenancy.requireOrganisationId(), kind.name(), json.writeValueAsString(columns), user).update();
    }

    Optional<ImportBatch> activeBatch(ImportKind kind, String sha256) {
        return db.sql(BATCH + " WHERE organisation_id = ? AND kind = ? AND sha256 = ? AND undone_at IS NULL")
                .params(Tenancy.requireOrganisationId(), kind.name(), sha256).query(ImportBatch.class).optional();
    }

    Optional<ImportBatch> batch(UUID id) {
        return db.sql(BATCH + " WHERE organisation_id = ? AND id = ?")
                .params(Tenancy.requireOrganisationId(), id).query(ImportBatch.class).optional();
    }

    /** The newest import of the file's content (same hash), whichever file it was uploaded as. */
    Optional<ImportBatch> batchOfFile(UUID fileId) {
        return db.sql(BATCH.replace("FROM import_batch", "FROM import_batch b ") + """
                         WHERE b.organisation_id = ? AND b.sha256 = (SELECT f.sha256 FROM import_file f
                                                                      WHERE f.id = ? AND f.organisation_id = ?)
                         ORDER BY b.imported_at DESC LIMIT 1""")
                .params(Tenancy.requireOrganisationId(), fileId, Tenancy.requireOrganisationId())
                .query(ImportBatch.class).optional();
    }

    List<ImportBatch> batches(UUID onlyBy, int limit) {
        return db.sql(BATCH + " WHERE organisation_id = ? AND (?::uuid IS NULL OR imported_by = ?) "
                        + "ORDER BY imported_at DESC LIMIT ?")
                .params(Tenancy.requireOrganisationId(), onlyBy, onlyBy, limit).query(ImportBatch.class).list();
    }

    private static final String BATCH = """
            SELECT id, kind, file_name, sha256, rows_total, created, changed, skipped, imported_by, imported_at,
                   undone_at FROM import_batch""";

    void insertBatch(UUID id, ImportKind kind, String fileName, String sha256, DryRun run, UUID user, Instant at) {
        db.sql("""
                        INSERT INTO import_batch (id, organisation_id, kind, file_name, sha256, rows_total, created, changed,
                                                  skipped, imported_by, imported_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, Tenancy.requireOrganisationId(), kind.name(), fileName, sha256, run.rows(), run.created(),
                        run.changed(), run.skipped() + run.refused(), user, java.sql.Timestamp.from(at))
                .update();
    }

    void insertItems(UUID batch, List<RowPlan.Item> items) {
        if (items.isEmpty()) {
            return;
        }
        db.sql("""
                        INSERT INTO import_item (organisation_id, batch_id, target, ref, ref2, before)
                        SELECT ?, ?, t, r, r2, b::int[] FROM unnest(?, ?, ?, ?) AS x(t, r, r2, b)""")
                .params(Tenancy.requireOrganisationId(), batch,
                        items.stream().map(RowPlan.Item::target).toArray(String[]::new),
                        items.stream().map(RowPlan.Item::ref).toArray(UUID[]::new),
                        items.stream().map(RowPlan.Item::ref2).toArray(UUID[]::new),
                        items.stream().map(i -> i.before() == null ? null : "{" + i.before()[0] + "," + i.before()[1]
                                + "," + i.before()[2] + "}").toArray(String[]::new))
                .update();
    }

    record StoredItem(String target, UUID ref, UUID ref2, Integer[] before) {
    }

    List<StoredItem> items(UUID batch) {
        return db.sql("SELECT target, ref, ref2, before FROM import_item WHERE batch_id = ? AND organisation_id = ?")
                .params(batch, Tenancy.requireOrganisationId())
                .query((rs, i) -> new StoredItem(rs.getString(1), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getArray(4) == null ? null
                        : (Integer[]) rs.getArray(4).getArray()))
                .list();
    }

    void markUndone(UUID batch, UUID user, Instant at) {
        db.sql("DELETE FROM import_item WHERE batch_id = ?").param(batch).update();
        db.sql("UPDATE import_batch SET undone_at = ?, undone_by = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(at), user, batch).update();
    }
}
