package no.tilfrisk.followup;

import java.util.List;
import java.util.UUID;
import no.tilfrisk.person.PersonDirectory;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.person.PersonSummary;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whom the caller may log a contact with: «Logg kontakt» at the top of the contact list finds the person, then opens
 * their contact form ({@link ContactLog} logs it). For the same roles as the contact log.
 */
@Service
@PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
public class LoggablePersons {

    private final PersonDirectory directory;
    private final PersonLookup persons;

    LoggablePersons(PersonDirectory directory, PersonLookup persons) {
        this.directory = directory;
        this.persons = persons;
    }

    /**
     * Found by name, phone or e-mail among those the caller may see (the person register's search, which records the
     * listing in the audit trail). Nothing is searched for a blank query.
     */
    @Transactional
    public List<PersonSummary> find(String query, int limit) {
        return query == null || query.isBlank() ? List.of() : directory.search(query, null, null, 0, limit).items();
    }

    /** «Not found» unless the caller may log a contact with the person. */
    @Transactional(readOnly = true)
    public void require(UUID personId) {
        persons.requireVisible(personId);
    }
}
