package no.tilfrisk.importer;

import java.time.LocalDate;
import java.util.Map;

/** One row's mapped cells, read as text, whole numbers or dates; a cell that cannot be read refuses the row. */
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
        String text = text(field);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Cells.whole(text);
        } catch (Cells.BadCell e) {
            plan.refuse(row.number(), "import.row.invalid", RowPlan.field(field), text, RowPlan.message(e.key()));
            return null;
        }
    }

    LocalDate date(String field) {
        String text = text(field);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Cells.date(text);
        } catch (Cells.BadCell e) {
            plan.refuse(row.number(), "import.row.invalid", RowPlan.field(field), text, RowPlan.message(e.key()));
            return null;
        }
    }
}
