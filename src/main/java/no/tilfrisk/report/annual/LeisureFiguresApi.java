package no.tilfrisk.report.annual;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import no.tilfrisk.platform.web.InvalidInputException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The leisure figures of a year through the API (issue 18 item 7): the annual report's «Fritid og inkludering»
 * numbers, with the same small-number protection. It lives with the report, which owns that protection; the leisure
 * module's own API keeps the records.
 */
@RestController
@Tag(name = "Leisure", description = "Leisure inclusion («Fritid med bistand»)")
class LeisureFiguresApi {

    private final LeisureReportFigures figures;

    LeisureFiguresApi(LeisureReportFigures figures) {
        this.figures = figures;
    }

    @GetMapping("/api/v1/leisure/figures")
    @Operation(summary = "The year's leisure figures of the whole organisation, as in the annual report",
            description = "Participants in an inclusion process and per step, the shares still active after 6 and 12 "
                    + "months and with a valued role (count, n, share, 95 % Wilson interval), moved on to work or "
                    + "studies, equipment loans. A report reader always gets the external version, and anyone who "
                    + "asks external=true: the figures the year's external reports hide are null and listed in "
                    + "«suppressed». Admins and report readers; a coordinator reads their department's report instead.")
    LeisureReportFigures.Figures year(@RequestParam(required = false) Integer year,
                                      @RequestParam(defaultValue = "false") boolean external, Locale locale) {
        if (year == null) {
            throw new InvalidInputException("year", "leisure.figures.year.required");
        }
        if (year < 2000 || year > 2100) {
            throw new InvalidInputException("year", "report.annual.year.invalid");
        }
        return figures.year(year, external, locale);
    }
}
