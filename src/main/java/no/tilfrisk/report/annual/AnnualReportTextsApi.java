package no.tilfrisk.report.annual;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.tilfrisk.organisation.Departments;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import no.tilfrisk.report.NarrativeSection;
import no.tilfrisk.report.ReportNarratives;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The annual report's narrative texts per year and scope, and the organisation's saving assumption: what the
 * report's text pages and its settings page do. A text is put whole (the same text twice leaves one text), an empty
 * text removes it. The texts are the organisation's own words about its year, not personal data.
 */
@RestController
@RequestMapping("/api/v1/reports/annual")
@Tag(name = "Annual report", description = "The annual report computed from the year's records")
class AnnualReportTextsApi {

    /** One section's text: the Markdown as written, the plain text, and who wrote it when. */
    record Text(String section, boolean computed, String markdown, String text, Instant updatedAt, String updatedBy) {
    }

    /** The text; the year and department as in the address, where it does not name them. */
    record TextBody(Integer year, UUID department, String markdown) {
    }

    record SavingBody(Long savingLowNok, Long savingHighNok, String savingSource) {
    }

    private final ReportNarratives narratives;
    private final Departments departments;

    AnnualReportTextsApi(ReportNarratives narratives, Departments departments) {
        this.narratives = narratives;
        this.departments = departments;
    }

    @GetMapping("/texts")
    @Operation(summary = "The narrative texts of a year's report, of the organisation or one department",
            description = "Every section, the computed ones included; a section with no text has markdown null.")
    List<Text> texts(@RequestParam(required = false) Integer year, @RequestParam(required = false) UUID department) {
        ReportAccess.requireRead();
        if (department != null && (!departments.exists(department) || !ReportAccess.mayUse(department))) {
            throw new NotFoundException("Department");
        }
        Map<NarrativeSection, ReportNarratives.Narrative> texts = narratives.forReport(year(year), department);
        return Arrays.stream(NarrativeSection.values()).map(s -> {
            ReportNarratives.Narrative n = texts.get(s);
            return n == null ? new Text(s.key(), s.computed(), null, null, null, null)
                    : new Text(s.key(), s.computed(), n.markdown(), n.text(), n.updatedAt(), n.updatedBy());
        }).toList();
    }

    @PutMapping("/texts/{section}")
    @Operation(summary = "Write a section's text (Markdown; an empty text removes it)",
            description = "Admins write the organisation's texts; coordinators those of their departments. Scripts "
                    + "and HTML are removed when the report is made.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "section 1", value = """
                            {"year": 2024, "markdown": "Vi er en **frivillig** organisasjon i Skien, startet i 2019."}"""))))
    ResponseEntity<Text> saveText(@PathVariable String section, @RequestParam(required = false) Integer year,
                                  @RequestParam(required = false) UUID department, @RequestBody TextBody body) {
        ReportAccess.requireRead();
        NarrativeSection s = NarrativeSection.byKey(section);
        if (s == null) {
            throw new NotFoundException("Section");
        }
        int y = year(year != null ? year : body == null ? null : body.year());
        UUID scope = department != null ? department : body == null ? null : body.department();
        narratives.requireWritable(scope);
        narratives.save(y, scope, s, body == null ? null : body.markdown());
        ReportNarratives.Narrative n = narratives.forReport(y, scope).get(s);
        return n == null ? ResponseEntity.noContent().build()
                : ResponseEntity.ok(new Text(s.key(), s.computed(), n.markdown(), n.text(), n.updatedAt(), n.updatedBy()));
    }

    @GetMapping("/settings")
    @Operation(summary = "The saving assumption of the socio-economic estimate (organisation admins)")
    ReportNarratives.SavingAssumption settings() {
        return narratives.savingAssumptionToEdit();
    }

    @PutMapping("/settings")
    @Operation(summary = "Change the saving assumption (organisation admins)",
            description = "Kroner per person per year, low and high, and where the figures come from; errors name "
                    + "the fields savingLowNok, savingHighNok and savingSource.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "the national estimate", value = """
                            {"savingLowNok": 500000, "savingHighNok": 1000000, "savingSource": "Helsedirektoratet, FHI og SSB"}"""))))
    ReportNarratives.SavingAssumption saveSettings(@RequestBody SavingBody body) {
        narratives.changeSavingAssumption(body.savingLowNok(), body.savingHighNok(), body.savingSource());
        return narratives.savingAssumptionToEdit();
    }

    private static int year(Integer year) {
        if (year == null) {
            throw new InvalidInputException("year", "report.annual.year.required");
        }
        if (year < 2000 || year > 2100) {
            throw new InvalidInputException("year", "report.annual.year.invalid");
        }
        return year;
    }
}
