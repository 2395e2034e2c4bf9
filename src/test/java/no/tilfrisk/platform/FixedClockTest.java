package no.tilfrisk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.UUID;
import no.tilfrisk.dashboard.Task;
import no.tilfrisk.followup.ContactForm;
import no.tilfrisk.plan.PlanAction;
import no.tilfrisk.plan.PlanStatus;
import no.tilfrisk.plan.Responsible;
import no.tilfrisk.platform.web.Dates;
import org.junit.jupiter.api.Test;

/**
 * «Today» and «now» come from the application's {@link Clock}, read as Oslo's date: stood on a fixed instant late
 * in the evening (UTC), when Oslo has already passed midnight, the task list and the new contact form follow it.
 */
class FixedClockTest {

    /** 23:30 UTC on 10 March 2025: 00:30 on the 11th in Oslo. */
    private static final Instant LATE_EVENING_UTC = Instant.parse("2025-03-10T23:30:00Z");

    @Test
    void myTasksAreOverdueFromTheDayAfterTheirDateInOslo() {
        // the start page's «Forfalt» asks @dates for today
        Dates dates = new Dates(Clock.fixed(LATE_EVENING_UTC, Dates.OSLO));
        LocalDate today = dates.today();
        assertThat(today).isEqualTo(LocalDate.of(2025, 3, 11));

        Task dueYesterday = new Task(LocalDate.of(2025, 3, 10), "task.followUp", "Kari", "/contacts/1", null);
        Task dueToday = new Task(LocalDate.of(2025, 3, 11), "task.followUp", "Kari", "/contacts/2", null);
        assertThat(dueYesterday.overdue(today)).isTrue();
        assertThat(dueToday.overdue(today)).isFalse();

        PlanAction open = new PlanAction(UUID.randomUUID(), UUID.randomUUID(), "Søke bolig", Responsible.PARTICIPANT,
                null, null, LocalDate.of(2025, 3, 10), PlanStatus.IN_PROGRESS);
        PlanAction reached = new PlanAction(UUID.randomUUID(), UUID.randomUUID(), "Søke bolig", Responsible.PARTICIPANT,
                null, null, LocalDate.of(2025, 3, 10), PlanStatus.REACHED);
        assertThat(open.overdue(today)).isTrue();
        assertThat(reached.overdue(today)).isFalse();
    }

    @Test
    void aNewContactIsDatedNowInOsloWhateverTheClocksZone() {
        UUID me = UUID.randomUUID();
        ContactForm form = ContactForm.now(me, Clock.fixed(LATE_EVENING_UTC, ZoneOffset.UTC));
        assertThat(form.getDate()).isEqualTo(LocalDate.of(2025, 3, 11));
        assertThat(form.getTime()).isEqualTo(LocalTime.of(0, 30));
        assertThat(form.getStaffIds()).containsExactly(me);
    }
}
