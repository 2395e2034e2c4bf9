package no.tilfrisk.activity;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A session to add: one date, or a weekly series on a weekday between two dates (when {@code until} is given).
 * A mutable bean so that a value that cannot be converted becomes a field error.
 */
public class SessionForm {

    @NotNull(message = "{session.date.required}")
    private LocalDate date;

    /** The last date of a weekly series; empty for one session. */
    private LocalDate until;

    /** The weekday of a series; the first date's weekday when empty. */
    private DayOfWeek weekday;

    private LocalTime startTime;

    private LocalTime endTime;

    @Size(max = 200, message = "{session.place.size}")
    private String place;

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public LocalDate getUntil() {
        return until;
    }

    public void setUntil(LocalDate until) {
        this.until = until;
    }

    public DayOfWeek getWeekday() {
        return weekday;
    }

    public void setWeekday(DayOfWeek weekday) {
        this.weekday = weekday;
    }

    public LocalTime getStartTime() {
        return startTime;
    }

    public void setStartTime(LocalTime startTime) {
        this.startTime = startTime;
    }

    public LocalTime getEndTime() {
        return endTime;
    }

    public void setEndTime(LocalTime endTime) {
        this.endTime = endTime;
    }

    public String getPlace() {
        return place;
    }

    public void setPlace(String place) {
        this.place = place;
    }
}
