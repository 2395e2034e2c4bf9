package no.tilfrisk.importer.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.tilfrisk.importer.DryRun;
import no.tilfrisk.importer.ImportBatch;
import no.tilfrisk.importer.ImportKind;
import no.tilfrisk.importer.ImportRefusal;
import no.tilfrisk.importer.Imports;
import no.tilfrisk.importer.Mapping;
import no.tilfrisk.importer.Spreadsheets;
import no.tilfrisk.platform.web.Confirmation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The import pages: upload (with the list of imports done and their undo), the column mapping, the dry run with its
 * row-by-row report and the choices of person, the progress of the real import. Columns are sent as {@code col.<field>},
 * choices as {@code choice.<row>}.
 */
@Controller
@RequestMapping("/imports")
class ImportController {

    static final int NOTES_SHOWN = 1000;

    private final Imports imports;
    private final ImportJobs jobs;
    private final MessageSource messages;

    ImportController(Imports imports, ImportJobs jobs, MessageSource messages) {
        this.imports = imports;
        this.jobs = jobs;
        this.messages = messages;
    }

    @GetMapping
    String start(Model model) {
        List<ImportBatch> batches = imports.batches();
        model.addAttribute("batches", batches);
        model.addAttribute("undoable", batches.stream().filter(imports::undoable).map(ImportBatch::id).toList());
        model.addAttribute("kinds", ImportKind.values());
        model.addAttribute("formId", UUID.randomUUID());
        return "importer/start";
    }

    @PostMapping
    String upload(HttpServletRequest request, @RequestParam ImportKind kind, @RequestParam UUID formId)
            throws IOException {
        // a form sent without its file (not multipart at all) is told to choose one, as an empty choice is
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        MultipartFile file = multipart == null ? null : multipart.getFile("file");
        if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
            throw new ImportRefusal("import.file.required");
        }
        if (file.getSize() > Spreadsheets.MAX_BYTES) {
            throw new ImportRefusal("import.file.tooLarge", Spreadsheets.MAX_BYTES / (1024 * 1024));
        }
        imports.upload(formId, file.getOriginalFilename(), file.getBytes());
        return "redirect:/imports/files/" + formId + "?kind=" + kind.name();
    }

    @GetMapping("/files/{id}")
    String mapping(@PathVariable UUID id, @RequestParam ImportKind kind,
                   @RequestParam(required = false) String charset, Model model) {
        Imports.Uploaded file = imports.read(id, charset(charset));
        model.addAttribute("file", file);
        model.addAttribute("kind", kind);
        model.addAttribute("fields", kind.fields());
        model.addAttribute("required", kind.required());
        model.addAttribute("columns", imports.mapping(kind, file.header()));
        model.addAttribute("charset", charset == null ? "" : charset);
        return "importer/mapping";
    }

    @PostMapping("/files/{id}/dry-run")
    String dryRun(@PathVariable UUID id, @RequestParam ImportKind kind, @RequestParam(required = false) String charset,
                  @RequestParam Map<String, String> params, Model model) {
        Mapping mapping = mapping(kind, params);
        DryRun run = imports.dryRun(id, mapping, charset(charset), choices(params));
        model.addAttribute("file", imports.read(id, charset(charset)));
        model.addAttribute("kind", kind);
        model.addAttribute("run", run);
        model.addAttribute("columns", mapping.columns());
        model.addAttribute("charset", charset == null ? "" : charset);
        model.addAttribute("chosen", choices(params));
        var locale = LocaleContextHolder.getLocale();
        model.addAttribute("notes", run.notes().stream().limit(NOTES_SHOWN)
                .map(n -> new ShownNote(n.row(), n.outcome(), messages.getMessage(n.message(), locale))).toList());
        model.addAttribute("moreNotes", Math.max(0, run.notes().size() - NOTES_SHOWN));
        return "importer/report";
    }

    record ShownNote(int row, DryRun.Outcome outcome, String text) {
    }

    @PostMapping("/files/{id}/run")
    String run(@PathVariable UUID id, @RequestParam ImportKind kind, @RequestParam(required = false) String charset,
               @RequestParam(defaultValue = "false") boolean skipRefused, @RequestParam Map<String, String> params) {
        imports.read(id, charset(charset));
        jobs.start(id, mapping(kind, params), charset(charset), choices(params), skipRefused);
        return "redirect:/imports/files/" + id + "/progress";
    }

    /** The progress of a running import, or its end; a file of the caller's that this node runs nothing for says so. */
    @GetMapping("/files/{id}/progress")
    String progress(@PathVariable UUID id, Model model) {
        ImportJobs.Job job = jobs.job(id);
        if (job == null) {
            imports.requireFile(id);
            model.addAttribute("job", new ShownJob(false, false, 0, null, null, false));
            return "importer/progress";
        }
        String refusal = job.refusal == null ? null : messages.getMessage(job.refusal.messageKey(), job.refusal.args(),
                LocaleContextHolder.getLocale());
        model.addAttribute("job", new ShownJob(true, job.finished(), job.percent,
                job.result == null ? null : job.result.run(), refusal, job.failed));
        return "importer/progress";
    }

    /** What the progress page shows. */
    record ShownJob(boolean known, boolean finished, int percent, DryRun result, String refusal, boolean failed) {
    }

    @PostMapping("/{batchId}/undo")
    String undo(@PathVariable UUID batchId, @RequestParam(name = Confirmation.CONFIRMED, defaultValue = "false")
                boolean confirmed, Model model, HttpServletRequest request, RedirectAttributes redirect) {
        ImportBatch batch = imports.batch(batchId);
        if (!confirmed) {
            return Confirmation.ask(model, request, "/imports", "import.undo", "import.undo.confirm", batch.fileName());
        }
        imports.undo(batchId);
        redirect.addFlashAttribute("undone", true);
        return "redirect:/imports";
    }

    @ExceptionHandler(ImportRefusal.class)
    String refused(ImportRefusal e, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("message", messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale()));
        return "importer/refused";
    }

    private static Mapping mapping(ImportKind kind, Map<String, String> params) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (String field : kind.fields()) {
            String heading = params.get("col." + field);
            if (heading != null && !heading.isBlank()) {
                columns.put(field, heading);
            }
        }
        return new Mapping(kind, columns);
    }

    private static Map<Integer, UUID> choices(Map<String, String> params) {
        Map<Integer, UUID> choices = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith("choice.") && value != null && !value.isBlank()) {
                try {
                    choices.put(Integer.parseInt(name.substring(7)), UUID.fromString(value));
                } catch (IllegalArgumentException e) {
                    // a choice that is no row or no person is no choice
                }
            }
        });
        return choices;
    }

    static Charset charset(String name) {
        if ("UTF-8".equals(name)) {
            return StandardCharsets.UTF_8;
        }
        return "windows-1252".equals(name) ? Spreadsheets.LATIN1 : null;
    }
}
