package no.tilfrisk.dashboard;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Something the signed-in user should do by a date: a follow-up, and later evaluations and plan actions.
 * {@code messageKey} names a message with {@code subject} (usually a person's name) as its argument, so the
 * start page shows it in the reader's language; {@code href} is where the user acts on it, and {@code doneHref},
 * where there is one, takes a POST (with {@code from=start}) that marks it done and comes back to the start page.
 * {@code since} is when the task arose (the contact or the plan item was written), so the start page can mark it
 * «Ny» if that was after the user's last visit; null where the module cannot tell.
 */
public record Task(LocalDate due, String messageKey, String subject, String href, String doneHref, Instant since) {

    /** A task whose beginning is not known: never marked new. */
    public Task(LocalDate due, String messageKey, String subject, String href, String doneHref) {
        this(due, messageKey, subject, href, doneHref, null);
    }

    /** Past its date on {@code today} (Oslo's date). */
    public boolean overdue(LocalDate today) {
        return due.isBefore(today);
    }

    /** Arose after {@code lastVisit} (null: the user's first visit, when nothing is marked). */
    public boolean newSince(Instant lastVisit) {
        return since != null && lastVisit != null && since.isAfter(lastVisit);
    }
}
