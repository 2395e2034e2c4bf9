package no.tilfrisk.outcome;

import java.time.LocalDate;

/** An instrument the participant should answer by a date, and which occasion of the schedule it is for. */
public record DueMeasurement(String instrumentId, Text instrumentName, LocalDate due, Schedule.Occasion occasion) {
}
