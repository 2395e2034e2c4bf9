package no.tilfrisk.importer;

import java.time.Instant;
import java.util.UUID;

/** One real import of one file: who, when, which file, its counts, and when it was undone (if it was). */
public record ImportBatch(UUID id, ImportKind kind, String fileName, String sha256, int rowsTotal, int created,
                          int changed, int skipped, UUID importedBy, Instant importedAt, Instant undoneAt) {
}
