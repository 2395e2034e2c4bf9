package no.tilfrisk.dashboard;

import java.time.LocalDate;

/**
 * Something the signed-in user should do by a date: a follow-up, and later evaluations and plan actions.
 * {@code messageKey} names a message with {@code subject} (usually a person's name) as its argument, so the
 * start page shows it in the reader's language; {@code href} is where the user acts on it, and {@code doneHref},
 * where there is one, takes a POST (with {@code from=start}) that marks it done and comes back to the start page.
 */
public record Task(LocalDate due, String messageKey, String subject, String href, String doneHref) {

    /** Past its date on {@code today} (Oslo's date). */
    public boolean overdue(LocalDate today) {
        return due.isBefore(today);
    }
}
