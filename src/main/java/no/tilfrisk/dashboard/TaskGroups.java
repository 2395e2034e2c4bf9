package no.tilfrisk.dashboard;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * «Mine oppgaver» in three groups by Oslo's date: «Forfalt» (due before today), «Denne uka» (today to this week's
 * Sunday; the Norwegian week runs Monday to Sunday) and «Senere». Each keeps the order it was given (soonest first).
 */
public record TaskGroups(List<Task> overdue, List<Task> thisWeek, List<Task> later) {

    public static TaskGroups of(List<Task> tasks, LocalDate today) {
        LocalDate sunday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        List<Task> overdue = new ArrayList<>();
        List<Task> thisWeek = new ArrayList<>();
        List<Task> later = new ArrayList<>();
        for (Task task : tasks) {
            (task.overdue(today) ? overdue : task.due().isAfter(sunday) ? later : thisWeek).add(task);
        }
        return new TaskGroups(List.copyOf(overdue), List.copyOf(thisWeek), List.copyOf(later));
    }

    public boolean isEmpty() {
        return overdue.isEmpty() && thisWeek.isEmpty() && later.isEmpty();
    }
}
