package no.tilfrisk.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import no.tilfrisk.platform.web.Dates;
import org.junit.jupiter.api.Test;

/**
 * «Åpent nå», «i kveld» and «i helgen» on a fixed clock in Oslo, with Norway's public holidays computed from
 * Easter (checked here against known Easter dates, not a table). The same offers are searched through SQL in
 * {@code DirectorySearchTest}.
 */
class OpenNowTest {

    /** Weekdays 09–16, Tuesday and Thursday also 18–21; Christmas Eve 09–12 (its own hours). */
    static final OpeningHours DAYTIME = new OpeningHours(true, List.of(
            weekly(DayOfWeek.MONDAY, "09:00", "16:00"), weekly(DayOfWeek.TUESDAY, "09:00", "16:00"),
            weekly(DayOfWeek.WEDNESDAY, "09:00", "16:00"), weekly(DayOfWeek.THURSDAY, "09:00", "16:00"),
            weekly(DayOfWeek.FRIDAY, "09:00", "16:00"), weekly(DayOfWeek.TUESDAY, "18:00", "21:00"),
            weekly(DayOfWeek.THURSDAY, "18:00", "21:00")),
            List.of(DateHours.openOn(LocalDate.of(2026, 12, 24), LocalTime.of(9, 0), LocalTime.of(12, 0), false, "julaften")));
    /** Saturday and Sunday 11–15, and open on Easter Monday 2027 12–16 although it is a holiday. */
    static final OpeningHours WEEKEND = new OpeningHours(true, List.of(
            weekly(DayOfWeek.SATURDAY, "11:00", "15:00"), weekly(DayOfWeek.SUNDAY, "11:00", "15:00")),
            List.of(DateHours.openOn(LocalDate.of(2027, 3, 29), LocalTime.of(12, 0), LocalTime.of(16, 0), false, "2. påskedag")));
    /** Friday 20:00 to 02:00 and Wednesday 22:00 to 03:00, both past midnight. */
    static final OpeningHours NIGHT = new OpeningHours(true, List.of(
            new WeeklyHours(DayOfWeek.FRIDAY, LocalTime.of(20, 0), LocalTime.of(2, 0), true),
            new WeeklyHours(DayOfWeek.WEDNESDAY, LocalTime.of(22, 0), LocalTime.of(3, 0), true)), List.of());

    static WeeklyHours weekly(DayOfWeek day, String opens, String closes) {
        return new WeeklyHours(day, LocalTime.parse(opens), LocalTime.parse(closes), false);
    }

    static boolean open(OpeningHours hours, OpenWhen when, String osloTime) {
        Clock clock = Clock.fixed(ZonedDateTime.of(LocalDateTime.parse(osloTime), Dates.OSLO).toInstant(), Dates.OSLO);
        return hours.open(when, LocalDateTime.now(clock));
    }

    @Test
    void easterIsComputedForAnyYear() {
        assertThat(NorwegianHolidays.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(NorwegianHolidays.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(NorwegianHolidays.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(NorwegianHolidays.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
        assertThat(NorwegianHolidays.easterSunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
        assertThat(NorwegianHolidays.easterSunday(2285)).isEqualTo(LocalDate.of(2285, 3, 22));
        assertThat(NorwegianHolidays.of(2027)).containsKeys(LocalDate.of(2027, 3, 25), LocalDate.of(2027, 3, 26),
                LocalDate.of(2027, 3, 29), LocalDate.of(2027, 5, 6), LocalDate.of(2027, 5, 16), LocalDate.of(2027, 5, 17))
                .as("Whit Monday 2027 falls on 17 May: eleven days, not twelve").hasSize(11);
        assertThat(NorwegianHolidays.of(2026)).hasSize(12);
        assertThat(NorwegianHolidays.isHoliday(LocalDate.of(2026, 12, 24))).as("Christmas Eve is no public holiday").isFalse();
    }

    @Test
    void aWeekdayEvening() {
        // Tuesday 8 December 2026
        assertThat(open(DAYTIME, OpenWhen.NOW, "2026-12-08T19:30")).isTrue();
        assertThat(open(DAYTIME, OpenWhen.NOW, "2026-12-08T21:00")).as("closes at 21:00").isFalse();
        // Wednesday: only daytime
        assertThat(open(DAYTIME, OpenWhen.NOW, "2026-12-09T19:30")).isFalse();
        assertThat(open(DAYTIME, OpenWhen.TONIGHT, "2026-12-09T10:00")).isFalse();
        assertThat(open(DAYTIME, OpenWhen.TONIGHT, "2026-12-10T10:00")).as("Thursday evening").isTrue();
        assertThat(open(DAYTIME, OpenWhen.TONIGHT, "2026-12-10T21:30")).as("the evening is over").isFalse();
    }

    @Test
    void aSunday() {
        assertThat(open(DAYTIME, OpenWhen.NOW, "2026-12-13T12:00")).isFalse();
        assertThat(open(WEEKEND, OpenWhen.NOW, "2026-12-13T12:00")).isTrue();
        assertThat(open(WEEKEND, OpenWhen.NOW, "2026-12-13T15:00")).isFalse();
        assertThat(open(WEEKEND, OpenWhen.WEEKEND, "2026-12-09T12:00")).isTrue();
        assertThat(open(DAYTIME, OpenWhen.WEEKEND, "2026-12-09T12:00")).isFalse();
        assertThat(open(WEEKEND, OpenWhen.WEEKEND, "2026-12-13T16:00")).as("Sunday after closing").isFalse();
    }

    @Test
    void easterMonday() {
        assertThat(open(DAYTIME, OpenWhen.NOW, "2027-03-29T10:00")).as("a Monday, but a holiday").isFalse();
        assertThat(open(DAYTIME, OpenWhen.NOW, "2027-03-30T10:00")).as("the Tuesday after").isTrue();
        assertThat(open(WEEKEND, OpenWhen.NOW, "2027-03-29T13:00")).as("open on the holiday by exception").isTrue();
        assertThat(open(WEEKEND, OpenWhen.NOW, "2027-03-29T11:00")).isFalse();
    }

    @Test
    void theSeventeenthOfMay() {
        // a Monday in 2027
        assertThat(open(DAYTIME, OpenWhen.NOW, "2027-05-17T10:00")).isFalse();
        assertThat(open(DAYTIME, OpenWhen.NOW, "2027-05-18T10:00")).isTrue();
    }

    @Test
    void christmasEveWithItsOwnHours() {
        // a Thursday: the week would have it open 09–16 and 18–21
        assertThat(open(DAYTIME, OpenWhen.NOW, "2026-12-24T11:00")).isTrue();
        assertThat(open(DAYTIME, OpenWhen.NOW, "2026-12-24T13:00")).isFalse();
        assertThat(open(DAYTIME, OpenWhen.TONIGHT, "2026-12-24T11:00")).isFalse();
        assertThat(open(DAYTIME, OpenWhen.NOW, "2026-12-25T11:00")).as("Christmas Day").isFalse();
    }

    @Test
    void openPastMidnight() {
        // Friday 11 December 2026, 20:00 to Saturday 02:00
        assertThat(open(NIGHT, OpenWhen.NOW, "2026-12-11T23:00")).isTrue();
        assertThat(open(NIGHT, OpenWhen.NOW, "2026-12-12T01:30")).isTrue();
        assertThat(open(NIGHT, OpenWhen.NOW, "2026-12-12T02:30")).isFalse();
        assertThat(open(NIGHT, OpenWhen.NOW, "2026-12-11T19:59")).isFalse();
        assertThat(open(NIGHT, OpenWhen.WEEKEND, "2026-12-09T12:00")).as("Saturday's early hours").isTrue();
        // Wednesday 5 May 2027 22:00 to Thursday 03:00; the Thursday is Ascension Day, the night still counts
        assertThat(open(NIGHT, OpenWhen.NOW, "2027-05-06T01:00")).isTrue();
    }

    @Test
    void unknownHoursAreNeverOpen() {
        assertThat(open(OpeningHours.UNKNOWN, OpenWhen.NOW, "2026-12-08T12:00")).isFalse();
        assertThat(open(OpeningHours.UNKNOWN, OpenWhen.WEEKEND, "2026-12-08T12:00")).isFalse();
    }

    @Test
    void closingBeforeOpeningMustBeSaidToBePastMidnight() {
        assertThat(new WeeklyHours(DayOfWeek.FRIDAY, LocalTime.of(20, 0), LocalTime.of(2, 0), false).consistent()).isFalse();
        assertThat(new WeeklyHours(DayOfWeek.FRIDAY, LocalTime.of(20, 0), LocalTime.of(2, 0), true).consistent()).isTrue();
        assertThat(new WeeklyHours(DayOfWeek.FRIDAY, LocalTime.of(9, 0), LocalTime.of(16, 0), true).consistent()).isFalse();
    }
}
