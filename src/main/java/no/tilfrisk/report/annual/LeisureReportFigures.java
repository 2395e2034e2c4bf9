package no.tilfrisk.report.annual;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import no.tilfrisk.leisure.LeisureFigures;
import no.tilfrisk.leisure.Step;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The annual report's «Fritid og inkludering» figures of a year as data (issue 18 item 7, for the API): the same
 * numbers for the same readers, and in the external version (always for report readers) the same figures hidden as
 * in the year's external reports, since the hidden ones are taken from {@link AnnualReport#disclose}. A hidden
 * figure is null and its key is listed in {@code suppressed}. The organisation as a whole only, as in the report,
 * so a coordinator (who reads their department's report) is refused as there.
 */
@Service
@PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'REPORT_VIEWER')")
public class LeisureReportFigures {

    /** Some of a cohort: the count, n, the share and its 95 % Wilson interval; all null where hidden. */
    public record Share(Long count, Long of, Double share, Double low, Double high, boolean suppressed) {
    }

    /** The figures of a year; {@code perStep} by the steps' names, in the method's order. */
    public record Figures(int year, boolean external, Long inProcess, Map<String, Long> perStep, Long notBegun,
                          Share activeAfter6Months, Share valuedRole, Share activeAfter12Months, Long workOrStudies,
                          Long loans, List<String> suppressed) {
    }

    private final AnnualReport annual;
    private final LeisureFigures leisure;

    LeisureReportFigures(AnnualReport annual, LeisureFigures leisure) {
        this.annual = annual;
        this.leisure = leisure;
    }

    @Transactional(readOnly = true)
    public Figures year(int year, boolean external, Locale locale) {
        AnnualReport.Request r = annual.check(AnnualReport.Request.year(year, null, external));
        Predicate<String> hidden;
        LeisureFigures.Figures f;
        if (r.external()) {
            // a year without leisure work registers nothing, and then nothing is hidden: its figures are all 0
            hidden = annual.disclose(year, locale).result()::hidden;
            f = ReportReaderView.run(() -> leisure.forPeriod(r.from(), r.to()));
        } else {
            hidden = key -> false;
            f = leisure.forPeriod(r.from(), r.to());
        }
        String k = LeisureTable.ORG;
        List<String> suppressed = new ArrayList<>();
        Map<String, Long> perStep = new LinkedHashMap<>();
        for (Map.Entry<Step, Long> e : f.perStep().entrySet()) {
            perStep.put(e.getKey().name(), shown(k + "step/" + e.getKey().name(), e.getValue(), hidden, suppressed));
        }
        return new Figures(year, r.external(), shown(k + "inProcess", f.inProcess(), hidden, suppressed), perStep,
                shown(k + "step/none", f.notBegun(), hidden, suppressed),
                share(k, "active6", "cohort6", f.activeAfter6Months(), hidden, suppressed),
                share(k, "role6", "cohort6", f.valuedRole(), hidden, suppressed),
                share(k, "active12", "cohort12", f.activeAfter12Months(), hidden, suppressed),
                shown(k + "workOrStudies", f.workOrStudies(), hidden, suppressed),
                shown(k + "loans", f.loans(), hidden, suppressed), suppressed);
    }

    private static Long shown(String key, long value, Predicate<String> hidden, List<String> suppressed) {
        if (hidden.test(key)) {
            suppressed.add(key);
            return null;
        }
        return value;
    }

    private static Share share(String k, String what, String cohort, LeisureFigures.Share s, Predicate<String> hidden,
                               List<String> suppressed) {
        String yes = k + what;
        String n = k + cohort;
        String derived = k + what + "/share";
        if (hidden.test(yes) || hidden.test(n) || hidden.test(derived)) {
            suppressed.add(derived);
            return new Share(null, null, null, null, null, true);
        }
        return new Share(s.count(), s.of(), s.of() == 0 ? null : (double) s.count() / s.of(),
                s.interval() == null ? null : s.interval()[0], s.interval() == null ? null : s.interval()[1], false);
    }
}
