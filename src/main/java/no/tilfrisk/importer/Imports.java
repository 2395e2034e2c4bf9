package no.tilfrisk.importer;

import jakarta.validation.Validator;
import java.nio.charset.Charset;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntConsumer;
import no.tilfrisk.activity.AttendanceImport;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.followup.ContactImport;
import no.tilfrisk.organisation.Departments;
import no.tilfrisk.person.PersonImport;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.tenancy.TenantPrincipal;
import no.tilfrisk.platform.web.NotFoundException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Spreadsheet import (issue 20, item 2) of persons, attendance, contacts and tallies: upload a CSV or XLSX, map its
 * columns (saved per organisation and kind), read the dry run, import for real in one transaction per file, and undo a whole import within 24 hours. The same
 * file is imported once (its SHA-256 per kind, until undone), and every row finds what is already there (a person by
 * {@link PersonMatcher}'s rule, an attendance by session and person), so a file twice creates nothing twice. What
 * an import writes is in the audit trail as {@code IMPORT}, by the importer, with the batch (and so the file) named.
 * Admins import into the whole organisation; coordinators into their own departments, and see their own imports.
 */
@Service
@PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR')")
public class Imports {

    public static final Duration UNDO_WINDOW = Duration.ofHours(24);

    /** A file as uploaded and read: its headings, its number of rows, and how it was read. */
    public record Uploaded(UUID id, String fileName, List<String> header, int rows, String encoding,
                           boolean guessedLatin1) {
    }

    /** The real import: the batch made (null if nothing was written) and the dry run it carried out. */
    public record Result(UUID batchId, DryRun run) {
    }

    private final ImportRecords records;
    private final PersonImport persons;
    private final AttendanceImport attendance;
    private final ContactImport contacts;
    private final Departments departments;
    private final AuditTrail audit;
    private final Validator validator;
    private final Words words;
    private final Clock clock;

    Imports(ImportRecords records, PersonImport persons, AttendanceImport attendance, ContactImport contacts,
            Departments departments, AuditTrail audit, Validator validator, Words words, Clock clock) {
        this.contacts = contacts;
        this.departments = departments;
        this.records = records;
        this.persons = persons;
        this.attendance = attendance;
        this.audit = audit;
        this.validator = validator;
        this.words = words;
        this.clock = clock;
    }

    /** Nothing for a caller who may import (the class's rule); anyone else is refused before their request is read. */
    public void requireImporter() {
        // the class's @PreAuthorize is the check
    }

    /** Reads the file at once (an unreadable, empty or too large file is refused here) and keeps it for the next steps. */
    @Transactional
    public Uploaded upload(UUID id, String fileName, byte[] content) {
        String name = fileName == null || fileName.isBlank() ? "fil" : fileName.strip();
        name = name.substring(Math.max(0, name.length() - 200));
        Table table = Spreadsheets.read(name, content, null);
        records.saveFile(id, caller().userId(), name, sha256(content), content);
        StoredFileView stored = file(id);
        return new Uploaded(id, stored.name(), table.header(), table.rows().size(), table.encoding(),
                table.guessedLatin1());
    }

    /** The file again, read in the chosen character set (null: detected). */
    @Transactional(readOnly = true)
    public Uploaded read(UUID fileId, Charset charset) {
        StoredFileView file = file(fileId);
        Table table = Spreadsheets.read(file.name(), file.content(), charset);
        return new Uploaded(fileId, file.name(), table.header(), table.rows().size(), table.encoding(),
                table.guessedLatin1());
    }

    /** The organisation's saved mapping for this kind, or else a guess from the headings. */
    @Transactional(readOnly = true)
    public Map<String, String> mapping(ImportKind kind, List<String> header) {
        Map<String, String> saved = records.mapping(kind);
        if (!saved.isEmpty() && saved.values().stream().allMatch(h -> h.isBlank() || header.contains(h))) {
            return saved;
        }
        return Mapping.guess(kind, header, words.headings(kind)).columns();
    }

    /** What the import would do; saves the mapping for the organisation. Nothing else is written. */
    @Transactional
    public DryRun dryRun(UUID fileId, Mapping mapping, Charset charset, Map<Integer, UUID> choices) {
        StoredFileView file = file(fileId);
        Table table = Spreadsheets.read(file.name(), file.content(), charset);
        Map<String, Integer> columns = mapping.resolve(table);
        records.saveMapping(mapping.kind(), mapping.columns(), caller().userId());
        RowPlan plan = new RowPlan(mapping.kind(), table.rows().size());
        plan(mapping.kind(), table, columns, choices, plan, null);
        audit.record(null, AuditAction.LIST, "import.dryrun:" + fileId);
        return plan.dryRun(records.activeBatch(mapping.kind(), file.sha256()).isPresent());
    }

    /**
     * Imports the file in one transaction: it is planned again (what is there now), and written only if no row is
     * refused, or if {@code skipRefused} says to leave those rows out. The same file already imported writes nothing.
     *
     * @param progress told the share done, 0 to 100
     */
    @Transactional
    public Result run(UUID fileId, Mapping mapping, Charset charset, Map<Integer, UUID> choices, boolean skipRefused,
                      IntConsumer progress) {
        StoredFileView file = file(fileId);
        progress.accept(5);
        Table table = Spreadsheets.read(file.name(), file.content(), charset);
        Map<String, Integer> columns = mapping.resolve(table);
        progress.accept(20);
        if (records.activeBatch(mapping.kind(), file.sha256()).isPresent()) {
            throw new ImportRefusal("import.run.alreadyImported");
        }
        RowPlan plan = new RowPlan(mapping.kind(), table.rows().size());
        UUID batch = UUID.randomUUID();
        Runnable write = plan(mapping.kind(), table, columns, choices, plan, what(mapping.kind(), batch));
        progress.accept(50);
        DryRun run = plan.dryRun(false);
        if (run.refused() > 0 && !skipRefused) {
            throw new ImportRefusal("import.run.refusedRows", run.refused());
        }
        try {
            records.insertBatch(batch, mapping.kind(), file.name(), file.sha256(), run, caller().userId(),
                    Instant.now(clock));
        } catch (DuplicateKeyException e) {
            throw new ImportRefusal("import.run.alreadyImported");
        }
        write.run();
        progress.accept(85);
        records.insertItems(batch, plan.items);
        records.dropContent(fileId);
        progress.accept(100);
        return new Result(batch, run);
    }

    /** Takes a whole import back, within 24 hours of it, in one transaction. */
    @Transactional
    public ImportBatch undo(UUID batchId) {
        ImportBatch batch = batch(batchId);
        if (batch.undoneAt() != null) {
            throw new ImportRefusal("import.undo.already");
        }
        if (Instant.now(clock).isAfter(batch.importedAt().plus(UNDO_WINDOW))) {
            throw new ImportRefusal("import.undo.tooLate");
        }
        List<ImportRecords.StoredItem> items = records.items(batchId);
        String what = what(batch.kind(), batchId);
        try {
            switch (batch.kind()) {
                case PERSONS -> persons.undo(refs(items, "PERSON"), refs(items, "PERSON_ROLE"),
                        refs(items, "PERSON_DEPARTMENT"), what);
                case ATTENDANCE -> attendance.undo(
                        items.stream().filter(i -> i.target().equals("ATTENDANCE"))
                                .map(i -> new AttendanceImport.Present(i.ref(), i.ref2())).toList(),
                        items.stream().filter(i -> i.target().equals("SESSION_COUNTS"))
                                .map(i -> new AttendanceImport.Counts(i.ref(), i.before()[0], i.before()[1], i.before()[2]))
                                .toList(),
                        refs(items, "SESSION"), what);
                case CONTACTS -> contacts.voidContacts(refs(items, "CONTACT"), words.undoReason(batch.fileName()), what);
                case TALLIES -> contacts.voidTallies(refs(items, "TALLY"), words.undoReason(batch.fileName()), what);
            }
        } catch (DataIntegrityViolationException e) {
            throw new ImportRefusal("import.undo.changedSince");
        }
        records.markUndone(batchId, caller().userId(), Instant.now(clock));
        return batch(batchId);
    }

    @Transactional(readOnly = true)
    public List<ImportBatch> batches() {
        return records.batches(isAdmin() ? null : caller().userId(), 100);
    }

    /** The import made of this file (the caller's, as {@link #requireFile}), the newest if it was imported again. */
    @Transactional(readOnly = true)
    public java.util.Optional<ImportBatch> batchOfFile(UUID fileId) {
        requireFile(fileId);
        return records.batchOfFile(fileId).filter(b -> isAdmin() || caller().userId().equals(b.importedBy()));
    }

    @Transactional(readOnly = true)
    public ImportBatch batch(UUID id) {
        ImportBatch batch = records.batch(id).orElseThrow(() -> new NotFoundException("Import"));
        if (!isAdmin() && !caller().userId().equals(batch.importedBy())) {
            throw new NotFoundException("Import");
        }
        return batch;
    }

    /** Throws «not found» unless the file (imported or not) is the caller's organisation's, and for a coordinator their own. */
    @Transactional(readOnly = true)
    public void requireFile(UUID fileId) {
        UUID by = records.uploader(fileId).orElseThrow(() -> new NotFoundException("Import file"));
        if (!isAdmin() && !caller().userId().equals(by)) {
            throw new NotFoundException("Import file");
        }
    }

    /**
     * Removes the organisation's uploaded files that were never imported and are older than {@link #UNDO_WINDOW} by
     * the application's clock: an upload left at its mapping or dry run does not keep its persons' data longer than
     * a day. An imported file has lost its content already; its row stays with its name and hash. Idempotent.
     *
     * @return how many files were removed
     */
    @Transactional
    public int removeUnimportedFiles() {
        int removed = records.deleteUnimportedBefore(Instant.now(clock).minus(UNDO_WINDOW));
        if (removed > 0) {
            audit.record(null, AuditAction.ERASE, "import.files.unimported:" + removed);
        }
        return removed;
    }

    /** Whether an import may still be undone now. */
    public boolean undoable(ImportBatch batch) {
        return batch.undoneAt() == null && !Instant.now(clock).isAfter(batch.importedAt().plus(UNDO_WINDOW));
    }

    private Runnable plan(ImportKind kind, Table table, Map<String, Integer> columns, Map<Integer, UUID> choices,
                          RowPlan plan, String what) {
        LocalDate today = LocalDate.now(clock);
        return switch (kind) {
            case PERSONS -> {
                PersonRows rows = new PersonRows(persons, validator, words, today, departments.list());
                rows.plan(table, columns, choices, plan);
                yield () -> persons.create(rows.newPersons, rows.newRoles, rows.newMemberships,
                        what);
            }
            case ATTENDANCE -> {
                AttendanceRows rows = new AttendanceRows(attendance, persons);
                rows.plan(table, columns, choices, plan);
                yield () -> attendance.write(rows.newSessions, rows.counts, rows.present,
                        what);
            }
            case CONTACTS -> {
                ContactRows rows = new ContactRows(contacts, persons, words);
                rows.plan(table, columns, choices, plan);
                yield () -> contacts.log(rows.newContacts, what);
            }
            case TALLIES -> {
                TallyRows rows = new TallyRows(contacts, words, departments.list());
                rows.plan(table, columns, plan);
                yield () -> contacts.record(rows.newTallies, what);
            }
        };
    }

    /** The audit trail's name for the import: the batch, whose row names the file. */
    static String what(ImportKind kind, UUID batch) {
        return "import." + kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + batch;
    }

    private record StoredFileView(String name, String sha256, byte[] content) {
    }

    private StoredFileView file(UUID id) {
        ImportRecords.StoredFile file = records.file(id).orElseThrow(() -> new NotFoundException("Import file"));
        if (!isAdmin() && !caller().userId().equals(file.uploadedBy())) {
            throw new NotFoundException("Import file");
        }
        return new StoredFileView(file.fileName(), file.sha256(), file.content());
    }

    private static List<UUID> refs(List<ImportRecords.StoredItem> items, String target) {
        return items.stream().filter(i -> i.target().equals(target)).map(ImportRecords.StoredItem::ref).toList();
    }

    private static TenantPrincipal caller() {
        return Tenancy.currentPrincipal().orElseThrow();
    }

    private static boolean isAdmin() {
        return caller().hasRole("ORG_ADMIN");
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
