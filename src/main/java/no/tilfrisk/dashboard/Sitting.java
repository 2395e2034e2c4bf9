package no.tilfrisk.dashboard;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A session the signed-in user runs, on the start page's «I dag»: what, when and where (never who).
 * {@code activityHref} is the activity's page; {@code rollCallHref}, where the user may take the roll call and the
 * session is not cancelled, its roll call, one tap away.
 */
public record Sitting(LocalDate date, LocalTime startTime, LocalTime endTime, String activityName, String place,
                      String activityHref, String rollCallHref, boolean cancelled) {
}
