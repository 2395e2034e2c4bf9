package no.tilfrisk.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Hides counts of persons so small that they could point to a person, for readers who may not see persons (report
 * readers, boards, funders, any export for external use).
 * <ol>
 * <li><b>Primary</b>: a count from 1 to 4 is shown as «&lt;5». A 0 is shown.</li>
 * <li><b>Complementary</b>: no hidden count may be worked out from the totals. In every row and every column of
 * the table with its totals (the row of column totals and the column of row totals included), the number of hidden
 * entries is never exactly 1. Further entries are hidden until that holds, choosing where a choice is open: one
 * that mends two lines at once, then an inner cell before a total, then a count above 0, then the smallest; a final
 * pass shows again every further entry that is not needed. In a table of one row or one column the total is
 * hidden rather than a second cell (the total there is the figure that gives a single hidden cell away).</li>
 * <li>A percentage whose denominator is under 5 is not shown ({@link #showsPercentage}).</li>
 * </ol>
 * The rule is the linear one: a reader cannot solve one row or column sum for a single unknown. It does not claim
 * to stop every inference over several lines at once (the general problem is far harder), and the choice of further
 * cells is a careful heuristic that finds the fewest for the tables reports have, not a proof of the minimum.
 * Pure and without state: the same table gives the same result.
 */
public final class SmallNumberSuppression {

    /** Counts below this (and above 0) are hidden. */
    public static final int THRESHOLD = 5;

    /** Why an entry is hidden. */
    public enum Rule {
        /** A count from 1 to 4. */
        PRIMARY,
        /** Hidden so that a primary-hidden count cannot be worked out from the totals. */
        COMPLEMENTARY
    }

    private SmallNumberSuppression() {
    }

    /** Whether a percentage with this denominator may be shown. */
    public static boolean showsPercentage(long denominator) {
        return denominator >= THRESHOLD;
    }

    /** Whether a single count of persons, with no table around it, may be shown. */
    public static boolean showsCount(long count) {
        return count == 0 || count >= THRESHOLD;
    }

    /**
     * A table of person counts: {@code cells[row][column]}, all rows as long, no negative counts. Row totals, column
     * totals and the grand total are the sums.
     */
    public record CountTable(long[][] cells) {

        public CountTable {
            if (cells.length == 0 || cells[0].length == 0) {
                throw new IllegalArgumentException("A table needs at least one row and one column");
            }
            for (long[] row : cells) {
                if (row.length != cells[0].length) {
                    throw new IllegalArgumentException("Every row needs the same number of columns");
                }
                for (long v : row) {
                    if (v < 0) {
                        throw new IllegalArgumentException("Counts cannot be negative");
                    }
                }
            }
        }

        public int rows() {
            return cells.length;
        }

        public int columns() {
            return cells[0].length;
        }
    }

    /** One entry of the result: its count, and the rule that hides it (null when shown). */
    public record Entry(long value, Rule hiddenBy) {

        public boolean hidden() {
            return hiddenBy != null;
        }

        /** The count, «&lt;5» where the primary rule hides it, «x» where the complementary one does. */
        public String display() {
            if (hiddenBy == null) {
                return Long.toString(value);
            }
            return hiddenBy == Rule.PRIMARY ? "<5" : "x";
        }
    }

    /**
     * The table with its totals, each entry shown or hidden. {@code entry(r, c)} with {@code r == rows()} is the row
     * of column totals and {@code c == columns()} the column of row totals; {@code entry(rows(), columns())} the
     * grand total.
     */
    public record SuppressedTable(int rows, int columns, Entry[][] grid, Set<Rule> rulesApplied) {

        public Entry cell(int row, int column) {
            return grid[row][column];
        }

        public Entry rowTotal(int row) {
            return grid[row][columns];
        }

        public Entry columnTotal(int column) {
            return grid[rows][column];
        }

        public Entry grandTotal() {
            return grid[rows][columns];
        }

        public Entry entry(int row, int column) {
            return grid[row][column];
        }

        public boolean anyHidden() {
            return !rulesApplied.isEmpty();
        }
    }

    public static SuppressedTable apply(CountTable table) {
        int rows = table.rows();
        int columns = table.columns();
        long[][] values = new long[rows + 1][columns + 1];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                long v = table.cells()[r][c];
                values[r][c] = v;
                values[r][columns] += v;
                values[rows][c] += v;
                values[rows][columns] += v;
            }
        }
        Rule[][] hidden = new Rule[rows + 1][columns + 1];
        for (int r = 0; r <= rows; r++) {
            for (int c = 0; c <= columns; c++) {
                if (values[r][c] > 0 && values[r][c] < THRESHOLD) {
                    hidden[r][c] = Rule.PRIMARY;
                }
            }
        }
        Grid grid = new Grid(values, hidden, rows, columns);
        grid.complete();
        grid.showWhatIsNotNeeded();
        Set<Rule> applied = EnumSet.noneOf(Rule.class);
        Entry[][] result = new Entry[rows + 1][columns + 1];
        for (int r = 0; r <= rows; r++) {
            for (int c = 0; c <= columns; c++) {
                result[r][c] = new Entry(values[r][c], hidden[r][c]);
                if (hidden[r][c] != null) {
                    applied.add(hidden[r][c]);
                }
            }
        }
        return new SuppressedTable(rows, columns, result, Set.copyOf(applied));
    }

    /** The table with its totals as one grid of (rows + 1) × (columns + 1) entries and its row and column lines. */
    private record Grid(long[][] values, Rule[][] hidden, int rows, int columns) {

        /** A line: a row (all its columns and its total) or a column (all its rows and its total). */
        private record Line(boolean row, int index) {
        }

        private record Position(int r, int c) {
        }

        private List<Position> entries(Line line) {
            List<Position> out = new ArrayList<>();
            if (line.row()) {
                for (int c = 0; c <= columns; c++) {
                    out.add(new Position(line.index(), c));
                }
            } else {
                for (int r = 0; r <= rows; r++) {
                    out.add(new Position(r, line.index()));
                }
            }
            return out;
        }

        private List<Line> lines() {
            List<Line> out = new ArrayList<>();
            for (int r = 0; r <= rows; r++) {
                out.add(new Line(true, r));
            }
            for (int c = 0; c <= columns; c++) {
                out.add(new Line(false, c));
            }
            return out;
        }

        private int hiddenIn(Line line) {
            int n = 0;
            for (Position p : entries(line)) {
                if (hidden[p.r()][p.c()] != null) {
                    n++;
                }
            }
            return n;
        }

        private boolean safe() {
            return lines().stream().noneMatch(l -> hiddenIn(l) == 1);
        }

        private boolean isTotal(Position p) {
            return p.r() == rows || p.c() == columns;
        }

        /** Hides further entries until no line has exactly one hidden entry. */
        void complete() {
            boolean oneRowOrColumn = rows == 1 || columns == 1;
            while (true) {
                Line open = lines().stream().filter(l -> hiddenIn(l) == 1).findFirst().orElse(null);
                if (open == null) {
                    return;
                }
                Comparator<Position> preference = Comparator
                        .comparing((Position p) -> mendsAnother(p, open) ? 0 : 1)
                        .thenComparing(p -> oneRowOrColumn ? (isTotal(p) ? 0 : 1) : (isTotal(p) ? 1 : 0))
                        .thenComparing(p -> values[p.r()][p.c()] == 0 ? 1 : 0)
                        .thenComparing(p -> values[p.r()][p.c()])
                        .thenComparing(Position::r).thenComparing(Position::c);
                Position chosen = entries(open).stream().filter(p -> hidden[p.r()][p.c()] == null)
                        .min(preference).orElseThrow();
                hidden[chosen.r()][chosen.c()] = Rule.COMPLEMENTARY;
            }
        }

        /** Whether hiding the entry also mends the other line it lies on (which has exactly one hidden entry now). */
        private boolean mendsAnother(Position p, Line open) {
            Line other = open.row() ? new Line(false, p.c()) : new Line(true, p.r());
            return hiddenIn(other) == 1;
        }

        /** Shows again, largest first, every complementary entry the rule does not need. */
        void showWhatIsNotNeeded() {
            List<Position> further = new ArrayList<>();
            for (int r = 0; r <= rows; r++) {
                for (int c = 0; c <= columns; c++) {
                    if (hidden[r][c] == Rule.COMPLEMENTARY) {
                        further.add(new Position(r, c));
                    }
                }
            }
            further.sort(Comparator.comparing((Position p) -> values[p.r()][p.c()]).reversed());
            for (Position p : further) {
                hidden[p.r()][p.c()] = null;
                if (!safe()) {
                    hidden[p.r()][p.c()] = Rule.COMPLEMENTARY;
                }
            }
        }
    }
}
