package no.tilfrisk.report.annual;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import no.tilfrisk.organisation.Department;
import no.tilfrisk.organisation.Departments;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import no.tilfrisk.report.NarrativeSection;
import no.tilfrisk.report.ReportNarratives;
import no.tilfrisk.report.export.PdfExport;
import no.tilfrisk.report.export.ReportFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The annual report as a page with its year and department pickers, its downloads (PDF, DOCX, XLSX, CSV of the same
 * document), and the pages where its texts and the assumption of the socio-economic estimate are written. Rights
 * are checked in {@link AnnualReport} and {@link ReportNarratives}; a bad choice shows the page with its error.
 */
@Controller
class AnnualReportController {

    private final AnnualReport report;
    private final ReportNarratives narratives;
    private final Departments departments;
    private final PdfExport pdf;
    private final Clock clock;

    AnnualReportController(AnnualReport report, ReportNarratives narratives, Departments departments, PdfExport pdf,
                           Clock clock) {
        this.clock = clock;
        this.report = report;
        this.narratives = narratives;
        this.departments = departments;
        this.pdf = pdf;
    }

    /** The choices as the address gave them, each checked; errors as message codes. */
    record Choice(int year, UUID department, boolean external, String departmentParam, List<String> errors) {

        String query() {
            return "year=" + year + (department == null ? "" : "&department=" + department)
                    + (external ? "&external=true" : "");
        }
    }

    private Choice choice(String year, String department, String external) {
        List<String> errors = new ArrayList<>();
        int thisYear = LocalDate.now(clock).getYear();
        int chosenYear = thisYear - 1;
        if (year != null && !year.isBlank()) {
            try {
                chosenYear = Integer.parseInt(year.strip());
            } catch (NumberFormatException e) {
                chosenYear = -1;
            }
            if (chosenYear < 2000 || chosenYear > thisYear + 1) {
                errors.add("report.annual.year.invalid");
                chosenYear = thisYear - 1;
            }
        }
        UUID chosenDepartment = null;
        if (department != null && !department.isBlank()) {
            try {
                chosenDepartment = UUID.fromString(department.strip());
            } catch (IllegalArgumentException e) {
                errors.add("report.annual.department.unknown");
            }
        } else if (!ReportAccess.isAdmin() && !ReportAccess.caller().hasRole("REPORT_VIEWER")) {
            // a coordinator's report is of a department: their first one unless they choose
            chosenDepartment = departments.list().stream().map(Department::id)
                    .filter(id -> ReportAccess.caller().departmentIds().contains(id)).findFirst().orElse(null);
        }
        return new Choice(chosenYear, chosenDepartment, "true".equals(external), department, errors);
    }

    @GetMapping("/reports/annual")
    String page(@RequestParam(required = false) String year, @RequestParam(required = false) String department,
                @RequestParam(required = false) String external, Model model, Locale locale) {
        ReportAccess.requireRead();
        Choice c = choice(year, department, external);
        List<String> errors = new ArrayList<>(c.errors());
        ReportDocument doc = null;
        AnnualReport.Request checked = null;
        if (errors.isEmpty()) {
            try {
                checked = report.check(AnnualReport.Request.year(c.year(), c.department(), c.external()));
                doc = report.build(checked, locale);
            } catch (InvalidInputException e) {
                e.all().forEach(x -> errors.add(x.code()));
            }
        }
        int thisYear = LocalDate.now(clock).getYear();
        List<Integer> years = new ArrayList<>();
        for (int y = thisYear; y >= thisYear - 6; y--) {
            years.add(y);
        }
        model.addAttribute("errors", errors);
        model.addAttribute("doc", doc);
        model.addAttribute("year", c.year());
        model.addAttribute("years", years);
        model.addAttribute("department", c.department());
        model.addAttribute("departments", departments.list().stream()
                .filter(d -> ReportAccess.mayUse(d.id())).toList());
        model.addAttribute("mayChooseOrganisation", ReportAccess.mayUse(null));
        model.addAttribute("external", checked != null ? checked.external() : c.external());
        model.addAttribute("mayChooseExternal", ReportAccess.maySeePersons());
        model.addAttribute("mayWrite", checked != null && ReportAccess.mayWrite(c.department()));
        model.addAttribute("query", c.query());
        model.addAttribute("mayEditSettings", ReportAccess.isAdmin());
        model.addAttribute("sections", NarrativeSection.values());
        return "report/annual";
    }

    @GetMapping("/reports/annual/{format}")
    ResponseEntity<byte[]> download(@PathVariable String format, @RequestParam(required = false) String year,
                                    @RequestParam(required = false) String department,
                                    @RequestParam(required = false) String external, Locale locale) {
        ReportAccess.requireRead();
        ReportFormat kind = ReportFormat.named(format).orElseThrow(() -> new NotFoundException("Format"));
        Choice c = choice(year, department, external);
        if (!c.errors().isEmpty()) {
            return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                    .body(c.errors().get(0).getBytes(StandardCharsets.UTF_8));
        }
        ReportDocument doc;
        try {
            doc = report.build(AnnualReport.Request.year(c.year(), c.department(), c.external()), locale);
        } catch (InvalidInputException e) {
            return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                    .body(e.code().getBytes(StandardCharsets.UTF_8));
        }
        String name = "arsrapport-" + c.year() + (c.external() || !ReportAccess.maySeePersons() ? "-ekstern" : "");
        return kind.download(doc, name, locale, pdf);
    }

    @GetMapping("/reports/annual/texts/{section}")
    String editText(@PathVariable String section, @RequestParam(required = false) String year,
                    @RequestParam(required = false) String department, Model model) {
        ReportAccess.requireRead();
        NarrativeSection s = NarrativeSection.byKey(section);
        if (s == null) {
            throw new NotFoundException("Section");
        }
        Choice c = choice(year, department, null);
        if (!c.errors().isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, c.errors().get(0));
        }
        narratives.requireWritable(c.department());
        var existing = narratives.forReport(c.year(), c.department()).get(s);
        return textPage(s, c, existing == null ? "" : existing.markdown(), existing, null, model);
    }

    @PostMapping("/reports/annual/texts/{section}")
    String saveText(@PathVariable String section, @RequestParam(required = false) String year,
                    @RequestParam(required = false) String department, @RequestParam(defaultValue = "") String markdown,
                    Model model, RedirectAttributes redirect) {
        ReportAccess.requireRead();
        NarrativeSection s = NarrativeSection.byKey(section);
        if (s == null) {
            throw new NotFoundException("Section");
        }
        Choice c = choice(year, department, null);
        if (!c.errors().isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, c.errors().get(0));
        }
        narratives.requireWritable(c.department());
        try {
            narratives.save(c.year(), c.department(), s, markdown);
        } catch (InvalidInputException e) {
            return textPage(s, c, markdown, null, e.code(), model);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/reports/annual?" + c.query() + "#section-" + s.key();
    }

    private String textPage(NarrativeSection s, Choice c, String markdown, ReportNarratives.Narrative existing,
                            String error, Model model) {
        model.addAttribute("section", s);
        model.addAttribute("year", c.year());
        model.addAttribute("department", c.department());
        model.addAttribute("departmentName", c.department() == null ? null : departments.get(c.department()).name());
        model.addAttribute("markdown", markdown);
        model.addAttribute("existing", existing);
        model.addAttribute("error", error);
        model.addAttribute("maxLength", ReportNarratives.MAX_LENGTH);
        return "report/annual-text";
    }

    @GetMapping("/reports/annual/settings")
    String settings(Model model) {
        var a = narratives.savingAssumptionToEdit();
        return settingsPage(String.valueOf(a.lowNok()), String.valueOf(a.highNok()), a.source(), List.of(), model);
    }

    @PostMapping("/reports/annual/settings")
    String saveSettings(@RequestParam(defaultValue = "") String savingLowNok,
                        @RequestParam(defaultValue = "") String savingHighNok,
                        @RequestParam(defaultValue = "") String savingSource, Model model, RedirectAttributes redirect) {
        List<InvalidInputException> errors = new ArrayList<>();
        try {
            narratives.changeSavingAssumption(number(savingLowNok), number(savingHighNok), savingSource);
        } catch (InvalidInputException e) {
            errors.addAll(e.all());
        }
        if (!errors.isEmpty()) {
            return settingsPage(savingLowNok, savingHighNok, savingSource, errors, model);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/reports/annual/settings";
    }

    private String settingsPage(String low, String high, String source, List<InvalidInputException> errors, Model model) {
        model.addAttribute("savingLowNok", low);
        model.addAttribute("savingHighNok", high);
        model.addAttribute("savingSource", source);
        Map<String, String> byField = new LinkedHashMap<>();
        errors.forEach(e -> byField.putIfAbsent(e.field(), e.code()));
        model.addAttribute("fieldErrors", byField);
        return "report/annual-settings";
    }

    private static Long number(String s) {
        try {
            return Long.parseLong(s.strip().replace(" ", "").replace("\u00a0", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
