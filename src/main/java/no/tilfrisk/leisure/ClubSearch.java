package no.tilfrisk.leisure;

import java.math.BigDecimal;
import java.time.DayOfWeek;

/** The catalogue's search: words in the name, a kind, a municipality, a weekday, a highest cost per year (kroner). */
public record ClubSearch(String q, ClubKind kind, String municipality, DayOfWeek day, BigDecimal maxCost) {
}
