package no.tilfrisk.transition;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Which alert a transition is due on a day, as pure arithmetic on its dates (tested on fixed dates).
 * <ul>
 *   <li>Readiness (only while items are not in place, and only before the person has actually left): {@code WEEKS_8}
 *       from 56 days before the expected date, {@code WEEKS_4} from 28, {@code WEEK_1} from 7, {@code DAY} on the
 *       day and for {@value #DAY_CATCH_UP} days after it (a missed run catches up). Each window holds until the
 *       next step, so a transition made three weeks ahead gets its 4-week alert at once, and a daily run that
 *       was missed makes the step of the day it runs, never the ones skipped.</li>
 *   <li>{@code NO_CONTACT}: no contact within {@value #FIRST_CONTACT_DAYS} days after the date the person left
 *       (actual, else expected), from the day after that and for {@value #NO_CONTACT_WINDOW} days, so an old
 *       transition does not raise one when the job first runs.</li>
 * </ul>
 */
public final class AlertSchedule {

    public static final int FIRST_CONTACT_DAYS = 7;
    static final int DAY_CATCH_UP = 6;
    static final int NO_CONTACT_WINDOW = 30;

    private AlertSchedule() {
    }

    /** The readiness step due on {@code today} for this expected date, if any. */
    public static Optional<AlertStep> readiness(LocalDate expectedOn, LocalDate actualOn, LocalDate today) {
        if (actualOn != null && !actualOn.isAfter(today)) {
            return Optional.empty();
        }
        long days = ChronoUnit.DAYS.between(today, expectedOn);
        if (days > AlertStep.WEEKS_8.daysBefore() || days < -DAY_CATCH_UP) {
            return Optional.empty();
        }
        if (days > AlertStep.WEEKS_4.daysBefore()) {
            return Optional.of(AlertStep.WEEKS_8);
        }
        if (days > AlertStep.WEEK_1.daysBefore()) {
            return Optional.of(AlertStep.WEEKS_4);
        }
        if (days > 0) {
            return Optional.of(AlertStep.WEEK_1);
        }
        return Optional.of(AlertStep.DAY);
    }

    /** Whether the first-contact check is due on {@code today} for a person who left on {@code leftOn}. */
    public static boolean firstContactDue(LocalDate leftOn, LocalDate today) {
        LocalDate from = lastContactDay(leftOn).plusDays(1);
        return !today.isBefore(from) && !today.isAfter(from.plusDays(NO_CONTACT_WINDOW));
    }

    /** The last day a first contact counts as «within 7 days». */
    public static LocalDate lastContactDay(LocalDate leftOn) {
        return leftOn.plusDays(FIRST_CONTACT_DAYS);
    }
}
