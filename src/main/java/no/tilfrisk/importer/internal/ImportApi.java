package no.tilfrisk.importer.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import no.tilfrisk.importer.DryRun;
import no.tilfrisk.importer.ImportBatch;
import no.tilfrisk.importer.ImportKind;
import no.tilfrisk.importer.ImportRefusal;
import no.tilfrisk.importer.Imports;
import no.tilfrisk.importer.Mapping;
import no.tilfrisk.importer.Spreadsheets;
import no.tilfrisk.platform.web.IdempotencyKey;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The spreadsheet import through the API, the twin of the import pages: upload a file (with its kind, and a mapping
 * as JSON for a dry run at once), dry-run it, run it (beside the request, as the page does: the file's status tells
 * the progress and, at the end, the row report), and undo a whole import within 24 hours. A refusal is problem+json
 * with the field it concerns; row messages are in the caller's language.
 */
@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Imports", description = "Spreadsheet import of persons, attendance, contacts and tallies: upload, dry "
        + "run, run, status and row report, undo within 24 hours")
class ImportApi {

    /** What a dry run or a run is asked for: the kind, the mapping (the saved one when left out), and the choices. */
    record RunBody(ImportKind kind, Map<String, String> mapping, String charset, Map<Integer, UUID> choices,
                   Boolean skipRefused) {
    }

    /** An uploaded file: its headings, rows, how it was read, the mapping suggested, and a dry run if one was asked. */
    record FileView(UUID id, String fileName, ImportKind kind, List<String> header, int rows, String encoding,
                    boolean guessedLatin1, Map<String, String> mapping, Report dryRun) {
    }

    /** One row's message, in the caller's language. */
    record Note(int row, DryRun.Outcome outcome, String message) {
    }

    /** A dry run's or a run's counts, its row messages and the choices of person it needs. */
    record Report(ImportKind kind, int rows, int created, int changed, int skipped, int refused,
                  boolean alreadyImported, List<Note> notes, List<DryRun.Choice> choices) {
    }

    /**
     * A file's import: running (with its share done) or finished (with its batch and its report), refused or failed;
     * {@code known} is false when this node runs nothing for the file, and then {@code batch} is the import made of
     * it, if any.
     */
    record Status(UUID fileId, boolean known, boolean finished, int percent, ImportBatch batch, Report report,
                  String refusal, boolean failed) {
    }

    record BatchView(ImportBatch batch, boolean undoable) {
    }

    private static final String MAPPING_EXAMPLE = """
            {"name": "Navn", "birthYear": "Fødselsår", "role": "Rolle", "department": "Avdeling", "from": "Fra"}""";
    private static final String RUN_EXAMPLE = """
            {"kind": "CONTACTS",
             "mapping": {"person": "Navn", "date": "Dato", "type": "Type", "duration": "Minutter", "note": "Tema"},
             "choices": {"23": "0b7e4c1d-2f3a-4b5c-8d9e-0f1a2b3c4d5e"},
             "skipRefused": true}""";

    private final Imports imports;
    private final ImportJobs jobs;
    private final MessageSource messages;
    private final JsonMapper json = JsonMapper.builder().build();

    ImportApi(Imports imports, ImportJobs jobs, MessageSource messages) {
        this.imports = imports;
        this.jobs = jobs;
        this.messages = messages;
    }

    @GetMapping
    @Operation(summary = "The imports made (an admin's: all of the organisation; a coordinator's: their own), newest first")
    List<BatchView> list() {
        return imports.batches().stream().map(b -> new BatchView(b, imports.undoable(b))).toList();
    }

    @GetMapping("/{batchId}")
    @Operation(summary = "One import: its file, counts, who and when, whether it was undone or may still be")
    BatchView batch(@PathVariable UUID batchId) {
        ImportBatch batch = imports.batch(batchId);
        return new BatchView(batch, imports.undoable(batch));
    }

    @PostMapping
    @Operation(summary = "Upload a CSV or XLSX file (multipart: file, kind, and optionally mapping as JSON)",
            description = "The file is read at once: one that cannot be read is refused with the field «file». With "
                    + "a mapping (field → column heading) the answer carries the dry run, and the mapping is saved for "
                    + "the organisation; without one, the mapping saved before (or guessed from the headings) is "
                    + "suggested. An Idempotency-Key (a UUID) becomes the file's id, so a retried upload stores one.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    examples = @ExampleObject(name = "the mapping part of persons", value = MAPPING_EXAMPLE))))
    ResponseEntity<FileView> upload(@RequestHeader(name = IdempotencyKey.HEADER, required = false) UUID key,
                                    @RequestParam(required = false) MultipartFile file,
                                    @RequestParam(required = false) ImportKind kind,
                                    @RequestParam(required = false) String mapping) throws IOException {
        imports.requireImporter();
        List<InvalidInputException> broken = new ArrayList<>();
        if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
            broken.add(new InvalidInputException("file", "import.file.required"));
        } else if (file.getSize() > Spreadsheets.MAX_BYTES) {
            broken.add(new InvalidInputException("file", "import.file.tooLarge", Spreadsheets.MAX_BYTES / (1024 * 1024)));
        }
        if (kind == null) {
            broken.add(new InvalidInputException("kind", "problem.missing"));
        }
        Map<String, String> columns = null;
        if (mapping != null && !mapping.isBlank()) {
            try {
                columns = json.readValue(mapping, new TypeReference<Map<String, String>>() { });
            } catch (JacksonException e) {
                broken.add(new InvalidInputException("mapping", "import.mapping.unreadable"));
            }
        }
        InvalidInputException.throwIfAny(broken);
        UUID id = IdempotencyKey.idFor(key);
        Imports.Uploaded uploaded = imports.upload(id, file.getOriginalFilename(), file.getBytes());
        Report dryRun = null;
        if (columns != null) {
            dryRun = report(imports.dryRun(id, new Mapping(kind, columns), null, Map.of()));
        } else {
            columns = imports.mapping(kind, uploaded.header());
        }
        return ResponseEntity.created(URI.create("/api/v1/imports/files/" + id))
                .body(new FileView(id, uploaded.fileName(), kind, uploaded.header(), uploaded.rows(), uploaded.encoding(),
                        uploaded.guessedLatin1(), columns, dryRun));
    }

    @PostMapping("/files/{id}/dry-run")
    @Operation(summary = "What the import of the file would do, row by row; nothing is written but the mapping",
            description = "A mapping left out is the organisation's saved one for the kind. choices names, per row, "
                    + "the person meant where a name matches several. Safe to repeat; an Idempotency-Key is accepted "
                    + "and changes nothing.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "contacts", value = RUN_EXAMPLE))))
    Report dryRun(@PathVariable UUID id, @RequestHeader(name = IdempotencyKey.HEADER, required = false) UUID key,
                  @RequestBody(required = false) RunBody body) {
        imports.requireFile(id);
        RunBody b = required(body);
        return report(imports.dryRun(id, mapping(id, b), ImportController.charset(b.charset()), choices(b)));
    }

    @PostMapping("/files/{id}/run")
    @Operation(summary = "Import the file for real, in one transaction, beside the request: 202 and the status",
            description = "Refused rows stop the import unless skipRefused is true. The file is the key: the same "
                    + "file is imported once (until undone), and a repeated request while it runs answers the same "
                    + "job, so an Idempotency-Key is accepted and needs nothing more. Follow the Location for the "
                    + "progress and, at the end, the row report.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "contacts", value = RUN_EXAMPLE))))
    ResponseEntity<Status> run(@PathVariable UUID id,
                               @RequestHeader(name = IdempotencyKey.HEADER, required = false) UUID key,
                               @RequestBody(required = false) RunBody body) {
        imports.requireFile(id);
        RunBody b = required(body);
        try {
            imports.read(id, ImportController.charset(b.charset()));
        } catch (NotFoundException e) {
            // the file was imported (its content is gone): a repeated request answers that import
            ImportBatch done = imports.batchOfFile(id).orElseThrow(() -> e);
            return ResponseEntity.ok(new Status(id, false, true, 100, done, null, null, false));
        }
        Mapping mapping = mapping(id, b);
        jobs.start(id, mapping, ImportController.charset(b.charset()), choices(b), Boolean.TRUE.equals(b.skipRefused()));
        return ResponseEntity.accepted().location(URI.create("/api/v1/imports/files/" + id)).body(status(id));
    }

    @GetMapping("/files/{id}")
    @Operation(summary = "The status of the file's import: its progress, and at the end its batch and row report")
    Status status(@PathVariable UUID id) {
        ImportJobs.Job job = jobs.job(id);
        if (job == null) {
            return new Status(id, false, false, 0, imports.batchOfFile(id).orElse(null), null, null, false);
        }
        Imports.Result result = job.result;
        ImportBatch batch = result == null || result.batchId() == null ? null : imports.batch(result.batchId());
        String refusal = job.refusal == null ? null
                : messages.getMessage(job.refusal.messageKey(), job.refusal.args(), LocaleContextHolder.getLocale());
        return new Status(id, true, job.finished(), job.percent, batch, result == null ? null : report(result.run()),
                refusal, job.failed);
    }

    @PostMapping("/{batchId}/undo")
    @Operation(summary = "Undo a whole import, within 24 hours of it",
            description = "Everything the import made is taken back (contacts and tallies voided with a reason), and "
                    + "head-counts set back. An import already undone answers as it is, so a repeated request (with "
                    + "or without an Idempotency-Key) undoes once.")
    BatchView undo(@PathVariable UUID batchId, @RequestHeader(name = IdempotencyKey.HEADER, required = false) UUID key) {
        ImportBatch batch = imports.batch(batchId);
        if (batch.undoneAt() == null) {
            batch = imports.undo(batchId);
        }
        return new BatchView(batch, imports.undoable(batch));
    }

    /** A refusal of the file, the mapping, the run or the undo: problem+json naming the field it concerns. */
    @ExceptionHandler(ImportRefusal.class)
    ResponseEntity<ProblemDetail> refused(ImportRefusal e) {
        Locale locale = LocaleContextHolder.getLocale();
        String key = e.messageKey();
        boolean conflict = key.equals("import.run.alreadyImported") || key.startsWith("import.undo.");
        String field = key.startsWith("import.mapping.") ? "mapping" : key.equals("import.run.refusedRows")
                ? "skipRefused" : key.startsWith("import.undo.") ? "batchId" : "file";
        HttpStatus status = conflict ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                messages.getMessage(key, e.args(), locale));
        problem.setTitle(messages.getMessage("problem.invalid.title", null, locale));
        problem.setType(URI.create("about:blank"));
        problem.setProperty("errors", List.of(Map.of("field", field, "message",
                messages.getMessage(key, e.args(), locale))));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static RunBody required(RunBody body) {
        if (body == null || body.kind() == null) {
            throw new InvalidInputException("kind", "problem.missing");
        }
        return body;
    }

    private Mapping mapping(UUID file, RunBody body) {
        if (body.mapping() != null && !body.mapping().isEmpty()) {
            return new Mapping(body.kind(), body.mapping());
        }
        return new Mapping(body.kind(), imports.mapping(body.kind(),
                imports.read(file, ImportController.charset(body.charset())).header()));
    }

    private static Map<Integer, UUID> choices(RunBody body) {
        return body.choices() == null ? Map.of() : body.choices();
    }

    private Report report(DryRun run) {
        Locale locale = LocaleContextHolder.getLocale();
        return new Report(run.kind(), run.rows(), run.created(), run.changed(), run.skipped(), run.refused(),
                run.alreadyImported(), run.notes().stream()
                .map(n -> new Note(n.row(), n.outcome(), messages.getMessage(n.message(), locale))).toList(),
                run.choices());
    }
}
