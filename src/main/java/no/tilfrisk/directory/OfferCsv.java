package no.tilfrisk.directory;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The published offers as CSV: one row each, tags by code, the week's hours as text, semicolons. */
public final class OfferCsv {

    static final String[] HEADER = {"id", "name", "operator_name", "operator_kind", "description", "needs",
            "target_groups", "target_text", "low_threshold", "referral_from", "free", "cost", "address", "area",
            "municipality", "phone", "web", "languages", "accessibility", "capacity", "hours", "last_confirmed"};

    private OfferCsv() {
    }

    public static String write(List<Offer> offers) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader(HEADER).get())) {
            for (Offer o : offers) {
                csv.printRecord(o.id(), o.name(), o.operatorName(), o.operatorKind(), o.description(),
                        o.needs().stream().map(Need::code).collect(Collectors.joining(",")),
                        o.targetGroups().stream().map(TargetGroup::code).collect(Collectors.joining(",")),
                        o.targetText(), o.lowThreshold(), o.referralFrom(), o.free(), o.cost(), o.address(), o.area(),
                        o.municipality(), o.phone(), o.web(), String.join(",", o.languages()),
                        String.join(",", o.accessibility()), o.capacity(), hours(o.hours()), o.lastConfirmed());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** «MONDAY 09:00-16:00, FRIDAY 20:00-02:00+» (+: past midnight), or empty when unknown. */
    static String hours(OpeningHours hours) {
        if (!hours.known()) {
            return "";
        }
        return hours.week().stream().map(h -> h.weekday() + " " + h.opens() + "-" + h.closes() + (h.pastMidnight() ? "+" : ""))
                .collect(Collectors.joining(", "));
    }
}
