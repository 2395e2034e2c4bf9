package no.tilfrisk.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The dry run being built and what the real import would write: each planner notes every row's outcome here, and
 * adds its writes to its own lists. Package-private: only the planners and {@link Imports} use it.
 */
final class RowPlan {

    private final ImportKind kind;
    private final int rows;
    private final Map<Integer, DryRun.Outcome> outcomes = new LinkedHashMap<>();
    private final List<DryRun.Note> notes = new ArrayList<>();
    private final List<DryRun.Choice> choices = new ArrayList<>();
    /** What the batch made, for its undo: target, ref, ref2, before. */
    final List<Item> items = new ArrayList<>();

    record Item(String target, UUID ref, UUID ref2, Integer[] before) {
    }

    RowPlan(ImportKind kind, int rows) {
        this.kind = kind;
        this.rows = rows;
    }

    static MessageSourceResolvable message(String key, Object... args) {
        return new DefaultMessageSourceResolvable(new String[] {key}, args);
    }

    static MessageSourceResolvable field(String field) {
        return message("import.field." + field);
    }

    void refuse(int row, String key, Object... args) {
        outcomes.put(row, DryRun.Outcome.REFUSE);
        notes.add(new DryRun.Note(row, DryRun.Outcome.REFUSE, message(key, args)));
    }

    boolean refused(int row) {
        return outcomes.get(row) == DryRun.Outcome.REFUSE;
    }

    /** The row's outcome; the strongest of several wins (refuse, then create, change, skip). */
    void outcome(int row, DryRun.Outcome outcome) {
        DryRun.Outcome was = outcomes.get(row);
        if (was == null || was == DryRun.Outcome.SKIP || (was == DryRun.Outcome.CHANGE && outcome == DryRun.Outcome.CREATE)) {
            outcomes.put(row, outcome);
        }
    }

    void note(int row, DryRun.Outcome outcome, String key, Object... args) {
        notes.add(new DryRun.Note(row, outcome, message(key, args)));
    }

    void choice(DryRun.Choice choice) {
        choices.add(choice);
    }

    void item(String target, UUID ref, UUID ref2, Integer[] before) {
        items.add(new Item(target, ref, ref2, before));
    }

    int count(DryRun.Outcome outcome) {
        return (int) outcomes.values().stream().filter(o -> o == outcome).count();
    }

    DryRun dryRun(boolean alreadyImported) {
        notes.sort(java.util.Comparator.comparingInt(DryRun.Note::row));
        return new DryRun(kind, rows, count(DryRun.Outcome.CREATE), count(DryRun.Outcome.CHANGE),
                count(DryRun.Outcome.SKIP), count(DryRun.Outcome.REFUSE), List.copyOf(notes), List.copyOf(choices),
                alreadyImported);
    }
}
