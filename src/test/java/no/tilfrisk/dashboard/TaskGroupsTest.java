package no.tilfrisk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import no.tilfrisk.platform.web.Dates;
import org.junit.jupiter.api.Test;

/**
 * «Mine oppgaver» grouped on a fixed clock: «Forfalt» before today, «Denne uka» from today to this week's Sunday
 * (the Norwegian week runs Monday to Sunday), «Senere» after; «Ny» for what arose after the last visit.
 */
class TaskGroupsTest {

    private static Task due(String day) {
        return new Task(LocalDate.parse(day), "task.followUp", day, "/contacts/" + day, null);
    }

    private static LocalDate todayAt(String instant) {
        return LocalDate.now(Clock.fixed(Instant.parse(instant), Dates.OSLO));
    }

    @Test
    void onAWednesdayTheWeekRunsToSunday() {
        LocalDate wednesday = todayAt("2025-03-12T09:00:00Z");
        TaskGroups groups = TaskGroups.of(List.of(due("2025-03-03"), due("2025-03-11"), due("2025-03-12"),
                due("2025-03-16"), due("2025-03-17"), due("2025-04-30")), wednesday);
        assertThat(groups.overdue()).extracting(Task::subject).containsExactly("2025-03-03", "2025-03-11");
        assertThat(groups.thisWeek()).extracting(Task::subject).containsExactly("2025-03-12", "2025-03-16");
        assertThat(groups.later()).extracting(Task::subject).containsExactly("2025-03-17", "2025-04-30");
    }

    @Test
    void onASundayOnlyTodayIsThisWeekAndMondayIsLater() {
        LocalDate sunday = todayAt("2025-03-16T12:00:00Z");
        TaskGroups groups = TaskGroups.of(List.of(due("2025-03-15"), due("2025-03-16"), due("2025-03-17")), sunday);
        assertThat(groups.overdue()).extracting(Task::subject).containsExactly("2025-03-15");
        assertThat(groups.thisWeek()).extracting(Task::subject).containsExactly("2025-03-16");
        assertThat(groups.later()).extracting(Task::subject).containsExactly("2025-03-17");
    }

    @Test
    void lateSundayEveningUtcIsAlreadyMondayInOsloAndANewWeek() {
        // 23:30 UTC on Sunday 16 March is 00:30 on Monday 17 March in Oslo
        LocalDate monday = todayAt("2025-03-16T23:30:00Z");
        assertThat(monday).isEqualTo(LocalDate.of(2025, 3, 17));
        TaskGroups groups = TaskGroups.of(List.of(due("2025-03-16"), due("2025-03-17"), due("2025-03-23"),
                due("2025-03-24")), monday);
        assertThat(groups.overdue()).extracting(Task::subject).containsExactly("2025-03-16");
        assertThat(groups.thisWeek()).extracting(Task::subject).containsExactly("2025-03-17", "2025-03-23");
        assertThat(groups.later()).extracting(Task::subject).containsExactly("2025-03-24");
        assertThat(TaskGroups.of(List.of(), monday).isEmpty()).isTrue();
    }

    @Test
    void aTaskIsNewOnlyIfItAroseAfterTheLastVisit() {
        Instant visit = Instant.parse("2025-03-12T08:00:00Z");
        Task before = new Task(LocalDate.parse("2025-03-13"), "task.followUp", "a", "/a", null, visit.minusSeconds(1));
        Task after = new Task(LocalDate.parse("2025-03-13"), "task.followUp", "b", "/b", null, visit.plusSeconds(1));
        Task unknown = new Task(LocalDate.parse("2025-03-13"), "task.followUp", "c", "/c", null);
        assertThat(before.newSince(visit)).isFalse();
        assertThat(after.newSince(visit)).isTrue();
        assertThat(unknown.newSince(visit)).isFalse();
        // the first visit ever marks nothing
        assertThat(after.newSince(null)).isFalse();
    }
}
