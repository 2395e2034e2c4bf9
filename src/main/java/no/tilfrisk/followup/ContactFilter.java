package no.tilfrisk.followup;

import java.time.LocalDate;
import java.util.UUID;

/** What a contact list is narrowed to; each part optional. The period's dates are both included. */
public record ContactFilter(UUID personId, UUID staffId, ContactType type, LocalDate from, LocalDate to) {

    public static ContactFilter none() {
        return new ContactFilter(null, null, null, null, null);
    }
}
