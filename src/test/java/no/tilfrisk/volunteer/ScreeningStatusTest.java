package no.tilfrisk.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The screening's state on a given day: what is missing, and when the police certificate runs out. */
class ScreeningStatusTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    static final UUID ID = UUID.randomUUID();

    private static Screening seenOn(LocalDate police) {
        return new Screening(ID, police, "Kari", TODAY.minusYears(1), "Grunnkurs", TODAY.minusYears(1), TODAY.minusYears(1));
    }

    @Test
    void nothingRecordedMissesEveryStep() {
        Screening.Status s = Screening.none(ID).status(TODAY, 3);
        assertThat(s.missing()).containsExactly(ScreeningStep.values());
        assertThat(s.complete()).isFalse();
        assertThat(s.policeExpiresOn()).isNull();
    }

    @Test
    void aCertificateCountsItsYearsAndWarnsSixtyDaysBefore() {
        Screening.Status fresh = seenOn(TODAY.minusYears(1)).status(TODAY, 3);
        assertThat(fresh.complete()).isTrue();
        assertThat(fresh.expiring()).isFalse();
        assertThat(fresh.policeExpiresOn()).isEqualTo(TODAY.plusYears(2));
        // runs out in exactly 60 days: a warning, still complete
        Screening.Status soon = seenOn(TODAY.minusYears(3).plusDays(60)).status(TODAY, 3);
        assertThat(soon.expiring()).isTrue();
        assertThat(soon.complete()).isTrue();
        // in 61 days: no warning yet
        assertThat(seenOn(TODAY.minusYears(3).plusDays(61)).status(TODAY, 3).expiring()).isFalse();
        // the day it runs out it no longer counts
        Screening.Status gone = seenOn(TODAY.minusYears(3)).status(TODAY, 3);
        assertThat(gone.expired()).isTrue();
        assertThat(gone.expiring()).isFalse();
        assertThat(gone.complete()).isFalse();
        assertThat(gone.missing()).isEmpty();
        // the organisation's setting decides: five years make the same certificate valid
        assertThat(seenOn(TODAY.minusYears(3)).status(TODAY, 5).complete()).isTrue();
    }
}
