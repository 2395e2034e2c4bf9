package no.tilfrisk.person;

import java.time.Instant;
import java.util.List;
import no.tilfrisk.audit.AuditEntry;

/** Everything Tilfrisk holds about one person, for the person's right of access (GDPR art. 15 and 20). */
public record PersonExport(Instant exportedAt, String organisation, PersonDetails person, String nationalId,
                           List<AuditEntry> accessLog) {
}
