package no.tilfrisk.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.volunteer.VolunteerFigures.Figures;
import no.tilfrisk.volunteer.VolunteerFigures.MatchRow;
import no.tilfrisk.volunteer.VolunteerFigures.MeetingRow;
import no.tilfrisk.volunteer.VolunteerFigures.NewVolunteer;
import no.tilfrisk.volunteer.VolunteerFigures.Share;
import no.tilfrisk.volunteer.matching.Wish;
import org.junit.jupiter.api.Test;

/** The figures computed from rows, on a fixture worked out by hand for the year 2025. */
class VolunteerFiguresTest {

    static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    static final LocalDate TO = LocalDate.of(2025, 12, 31);

    static final UUID P1 = id("P1"), P2 = id("P2"), P3 = id("P3"), P4 = id("P4"), P5 = id("P5");
    static final UUID V1 = id("V1"), V2 = id("V2"), V3 = id("V3"), V4 = id("V4");

    static final List<MatchRow> MATCHES = List.of(
            // m1 under way all year, started before it: not in the retention cohorts
            new MatchRow(P1, V1, Wish.COMPANY, d("2024-10-01"), null),
            // m2 42 days (1 Feb → 1 Mar 28, → 15 Mar 14); ended before its 3 months (1 May) and 6 months (1 Aug)
            new MatchRow(P2, V1, Wish.FINANCES, d("2025-02-01"), d("2025-03-15")),
            // m3 255 days (10 Mar → 10 Nov 245, → 20 Nov 10); still going at 3 months (10 Jun) and 6 (10 Sep)
            new MatchRow(P3, V2, Wish.WALK_OUTDOORS, d("2025-03-10"), d("2025-11-20")),
            // m4 going; 3 months on 1 Dec (passed by 31 Dec), 6 months on 1 Mar 2026 (not yet)
            new MatchRow(P4, V3, Wish.COMPANY, d("2025-09-01"), null),
            // m5 ended the day before the year: not counted
            new MatchRow(P1, V3, Wish.LEISURE_ACTIVITY, d("2024-01-01"), d("2024-12-31")),
            // m6 starts after the year: not counted
            new MatchRow(P5, V4, Wish.COMPANY, d("2026-01-05"), null),
            // m7 under way, ends after the year: no duration; its 3 months not passed
            new MatchRow(P3, V4, Wish.FINANCES, d("2025-12-01"), d("2026-01-10")),
            // m8 ends on the year's first day: under way; 214 days (1 Jun → 1 Jan: 30+31+31+30+31+30+31)
            new MatchRow(P2, V2, Wish.COMPANY, d("2024-06-01"), d("2025-01-01")),
            // m9 proposed, never started, refused in May: counts nowhere
            new MatchRow(P5, V2, Wish.OTHER, null, d("2025-05-05")));

    static final List<MeetingRow> MEETINGS = List.of(
            new MeetingRow(V1, d("2025-01-10"), new BigDecimal("2.50")),
            new MeetingRow(V1, d("2025-06-01"), new BigDecimal("1.50")),
            new MeetingRow(V2, d("2025-12-31"), new BigDecimal("3.00")),
            new MeetingRow(V3, d("2024-12-31"), new BigDecimal("4.00")),
            new MeetingRow(V4, d("2026-01-01"), new BigDecimal("2.00")));

    static final List<NewVolunteer> NEW_VOLUNTEERS = List.of(
            new NewVolunteer(id("N1"), d("2025-05-01"), d("2023-02-01")), // a participant first: counts
            new NewVolunteer(id("N2"), d("2025-06-01"), null), // never a participant
            new NewVolunteer(id("N3"), d("2025-07-01"), d("2025-08-01"))); // a participant only afterwards

    @Test
    void theYearWorkedOutByHand() {
        Figures f = VolunteerFigures.compute(FROM, TO, TO, MATCHES, MEETINGS, NEW_VOLUNTEERS);

        // under way in 2025: m1, m2, m3, m4, m7, m8
        assertThat(f.volunteersEngaged()).as("V1 (m1, m2), V2 (m3, m8), V3 (m4), V4 (m7)").isEqualTo(4);
        assertThat(f.participantsWithVolunteer()).as("P1, P2, P3, P4").isEqualTo(4);
        assertThat(f.hours()).as("2.50 + 1.50 + 3.00").isEqualByComparingTo("7.00");
        assertThat(f.arsverk()).as("7 / 1703 = 0.004").isEqualByComparingTo("0.00");
        assertThat(f.medianMatchDays()).as("ended in 2025: 42, 214, 255").isEqualByComparingTo("214");
        assertThat(f.stillGoingAfter3Months()).as("m2 no, m3 yes, m4 yes").isEqualTo(new Share(2, 3));
        assertThat(f.stillGoingAfter6Months()).as("m2 no, m3 yes").isEqualTo(new Share(1, 2));
        assertThat(f.participantsBecameVolunteers()).as("N1").isEqualTo(1);
        assertThat(f.matchesByHelp()).containsEntry(Wish.COMPANY, 3L).containsEntry(Wish.FINANCES, 2L)
                .containsEntry(Wish.WALK_OUTDOORS, 1L).containsEntry(Wish.LEISURE_ACTIVITY, 0L)
                .containsEntry(Wish.OTHER, 0L).hasSize(Wish.values().length);
    }

    @Test
    void retentionIsJudgedOnTheDayGivenWhenThePeriodIsNotOver() {
        // on 30 Nov 2025 m4's 3 months (1 Dec) have not passed: only m2 (no) and m3 (yes)
        Figures f = VolunteerFigures.compute(FROM, TO, d("2025-11-30"), MATCHES, MEETINGS, NEW_VOLUNTEERS);
        assertThat(f.stillGoingAfter3Months()).isEqualTo(new Share(1, 2));
    }

    @Test
    void arsverkAndAnEvenMedian() {
        List<MeetingRow> meetings = new ArrayList<>();
        for (int i = 0; i < 36; i++) {
            meetings.add(new MeetingRow(V1, FROM.plusDays(i), new BigDecimal("24")));
        }
        List<MatchRow> matches = List.of(new MatchRow(P1, V1, Wish.COMPANY, d("2025-03-01"), d("2025-03-11")),
                new MatchRow(P2, V1, Wish.COMPANY, d("2025-04-01"), d("2025-04-16")));

        Figures f = VolunteerFigures.compute(FROM, TO, TO, matches, meetings, List.of());

        assertThat(f.hours()).isEqualByComparingTo("864");
        assertThat(f.arsverk()).as("36 × 24 = 864 hours / 1703 = 0.507").isEqualByComparingTo("0.51");
        assertThat(f.medianMatchDays()).as("10 and 15 days").isEqualByComparingTo("12.5");
        assertThat(f.volunteersEngaged()).isEqualTo(1);
    }

    @Test
    void nothingGivesZerosAndNoMedian() {
        Figures f = VolunteerFigures.compute(FROM, TO, TO, List.of(), List.of(), List.of());
        assertThat(f.volunteersEngaged()).isZero();
        assertThat(f.hours()).isEqualByComparingTo("0");
        assertThat(f.medianMatchDays()).isNull();
        assertThat(f.stillGoingAfter3Months()).isEqualTo(new Share(0, 0));
        assertThat(f.matchesByHelp().values()).containsOnly(0L);
    }

    static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes());
    }
}
