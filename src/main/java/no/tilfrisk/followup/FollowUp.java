package no.tilfrisk.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A follow-up that is due: on the task list of each staff member who took part in the contact. {@code since} is when
 * the contact was written.
 */
public record FollowUp(UUID contactId, UUID personId, String personName, ContactType type, LocalDate due,
                       Instant since) {
}
