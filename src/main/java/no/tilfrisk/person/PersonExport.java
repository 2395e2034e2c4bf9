package no.tilfrisk.person;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import no.tilfrisk.audit.AuditEntry;

/**
 * Everything Tilfrisk holds about one person, for the person's right of access (GDPR art. 15 and 20): the register's
 * data, the other modules' {@link PersonDataSection sections} by name, and who has read the person's data.
 */
public record PersonExport(Instant exportedAt, String organisation, PersonDetails person, String nationalId,
                           Map<String, Object> sections, List<AuditEntry> accessLog) {
}
