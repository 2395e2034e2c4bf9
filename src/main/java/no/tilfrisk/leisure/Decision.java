package no.tilfrisk.leisure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A municipal decision (vedtak om støttekontakt): hours per week or month, from and to, and the hours used. */
public record Decision(UUID id, UUID processId, String reference, String municipality, SupportForm form,
                       BigDecimal hours, HoursPer per, LocalDate validFrom, LocalDate validTo, BigDecimal hoursUsed) {

    /** Per week or per month. */
    public enum HoursPer { WEEK, MONTH }

    /** Ends within 30 days of today (today included), and has not ended. */
    public boolean endsSoon(LocalDate today) {
        return !validTo.isBefore(today) && !validTo.isAfter(today.plusDays(30));
    }

    public boolean ended(LocalDate today) {
        return validTo.isBefore(today);
    }
}
