package no.tilfrisk.report.annual;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.tilfrisk.report.annual.ReportDocument.Block;
import no.tilfrisk.report.annual.ReportDocument.Cell;
import no.tilfrisk.report.annual.ReportDocument.Chart;
import no.tilfrisk.report.annual.ReportDocument.Section;
import no.tilfrisk.report.annual.ReportDocument.Table;

/**
 * The figures form of a report: every figure of its tables once, each with a stable key, its value or its
 * suppression, the rule of the table it stands in, and its unit. It is read from the document's own cells (those
 * that name their {@link ReportDocument.Figure}), so it cannot say other than the tables: a hidden cell is a hidden
 * figure, with no value.
 *
 * <p>The key is the section's key and the figure's key in the report's publication, dotted:
 * {@code followup.contacts.org.ONE_TO_ONE.logged}, {@code activity.roles.org.PARTICIPANT},
 * {@code activity.roles.org.total} (distinct persons in any role). The scope part is {@code org} for the
 * organisation or a department's id; an activity's figures carry the activity's id.
 */
public final class ReportFigures {

    /**
     * One figure. {@code value} is the number behind it (null when hidden, or when the figure is words, such as an
     * interval), {@code text} as the tables show it («:» when hidden).
     */
    public record Figure(String key, Number value, String text, boolean suppressed, ReportDocument.Unit unit,
                         String rule, String section, String table, String row, String column) {
    }

    private ReportFigures() {
    }

    public static List<Figure> of(ReportDocument doc) {
        Map<String, Figure> figures = new LinkedHashMap<>();
        for (Section s : doc.sections()) {
            for (Block b : s.blocks()) {
                Table t = b instanceof Table table ? table : b instanceof Chart c ? c.data() : null;
                if (t == null) {
                    continue;
                }
                for (List<Cell> row : t.rows()) {
                    for (int i = 0; i < row.size(); i++) {
                        Cell c = row.get(i);
                        if (c.figure() == null) {
                            continue;
                        }
                        // a figure shown twice (the participants in sections 3 and 8) is listed where it first stands
                        String key = key(s.key(), c.figure().key());
                
                        figures.putIfAbsent(c.figure().key(), new Figure(key, c.suppressed() ? null : c.number(),
                                c.text(), c.suppressed(), c.figure().unit(), t.note(), s.key(), t.caption(),
                                t.rowHeaders() && !row.isEmpty() ? row.get(0).text() : null,
                                i < t.headers().size() ? t.headers().get(i) : null));
                    }
                }
            }
        }
        return new ArrayList<>(figures.values());
    }

    /** The section's key and the publication key, dotted; «*» (any role) is «total». */
    static String key(String section, String publicationKey) {
        List<String> parts = new ArrayList<>(Arrays.stream(publicationKey.split("/"))
                .filter(p -> !p.isEmpty()).map(p -> p.equals("*") ? "total" : p).toList());
        if (!parts.isEmpty() && parts.get(0).equals(section)) {
            parts.remove(0);
        }
        parts.add(0, section);
        return String.join(".", parts);
    }
}
