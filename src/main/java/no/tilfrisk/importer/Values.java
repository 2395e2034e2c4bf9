package no.tilfrisk.importer;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.function.Function;

/** One row's mapped cells, read as text, whole numbers, dates or times; a cell that cannot be read refuses the row. */
final class Values {

    private final Table.Row row;
    private final Map<String, Integer> columns;
    private final RowPlan plan;

    Values(Table.Row row, Map<String, Integer> columns, RowPlan plan) {
        this.row = row;
        this.columns = columns;
        this.plan = plan;
    }

    String text(String field) {
        Integer column = columns.get(field);
        return column == null ? "" : row.cell(column).strip();
    }

    Integer whole(String field) {
        return read(field, Cells::whole);
    }

    LocalDate date(String field) {
        return read(field, Cells::date);
    }

    LocalTime time(String field) {
        return read(field, Cells::time);
    }

    /**
     * Refuses the row for each rule a module's service says it breaks, each once, named by the import's field ({@code
     * fields} renames the service's field names where they differ) with the cell's text where there is one.
     */
    void refuse(java.util.List<no.tilfrisk.platform.web.InvalidInputException> broken, Map<String, String> fields) {
        java.util.Set<String> said = new java.util.HashSet<>();
        broken.stream().flatMap(e -> e.all().stream()).forEach(e -> {
            String field = fields.getOrDefault(e.field(), e.field());
            if (!said.add(field + " " + e.code())) {
                return;
            }
            var rule = RowPlan.message(e.code(), e.args() == null ? new Object[0] : e.args());
            String text = field.equals("note") ? "" : text(field);
            if (text.isEmpty()) {
                plan.refuse(row.number(), "import.row.rule", RowPlan.field(field), rule);
            } else {
                plan.refuse(row.number(), "import.row.invalid", RowPlan.field(field), text, rule);
            }
        });
    }

    /** The cell read by {@code parse}; null if empty, and null with the row refused if it cannot be read. */
    private <T> T read(String field, Function<String, T> parse) {
        String text = text(field);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return parse.apply(text);
        } catch (Cells.BadCell e) {
            plan.refuse(row.number(), "import.row.invalid", RowPlan.field(field), text, RowPlan.message(e.key()));
            return null;
        }
    }
}
