package no.tilfrisk.person;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.person.internal.PersonAccess;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Purpose-bound consents. A withdrawal takes effect at once: {@link ConsentCheck} reads the table, nothing
 * caches it.
 */
@Service
@PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
public class Consents {

    private final JdbcClient db;
    private final PersonAccess access;
    private final AuditTrail audit;
    private final PersonRecords records;

    Consents(JdbcClient db, PersonAccess access, AuditTrail audit, PersonRecords records) {
        this.db = db;
        this.access = access;
        this.audit = audit;
        this.records = records;
    }

    @Transactional
    public List<Consent> of(UUID personId) {
        access.require(personId);
        audit.record(personId, AuditAction.READ, "person.consents");
        return records.consents(personId);
    }

    @Transactional
    public Consent give(UUID personId, ConsentForm form) {
        access.require(personId);
        if (form.getPurpose() == ConsentPurpose.INVOLVE_RELATIVE) {
            if (form.getRelativeId() == null) {
                throw new InvalidInputException("relativeId", "consent.relative.required");
            }
            access.require(form.getRelativeId());
        }
        if (form.getPurpose() == ConsentPurpose.SHARE_WITH_PARTNER
                && (form.getPartner() == null || form.getPartner().isBlank())) {
            throw new InvalidInputException("partner", "consent.partner.required");
        }
        UUID relative = form.getPurpose() == ConsentPurpose.INVOLVE_RELATIVE ? form.getRelativeId() : null;
        String partner = form.getPurpose() == ConsentPurpose.SHARE_WITH_PARTNER ? form.getPartner().strip() : null;
        // one consent in force per purpose (and relative or partner): a second «yes» changes nothing, so one
        // withdrawal always ends it
        int inserted = db.sql("""
                        INSERT INTO consent (id, organisation_id, person_id, purpose, relative_id, partner, given_by, method)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(UUID.randomUUID(), Tenancy.requireOrganisationId(), personId, form.getPurpose().name(), relative,
                        partner, PersonAccess.caller().userId(), form.getMethod().name())
                .update();
        if (inserted > 0) {
            records.touch(personId);
            audit.record(personId, AuditAction.CONSENT_GIVEN, "person.consent." + form.getPurpose().name().toLowerCase());
        }
        return records.consents(personId).stream()
                .filter(c -> c.active() && c.purpose() == form.getPurpose() && Objects.equals(c.relativeId(), relative)
                        && (partner == null || partner.equalsIgnoreCase(c.partner())))
                .findFirst().orElseThrow();
    }

    @Transactional
    public void withdraw(UUID personId, UUID consentId, ConsentMethod method) {
        access.require(personId);
        if (method == null) {
            throw new InvalidInputException("method", "consent.method.required");
        }
        int withdrawn = db.sql("""
                        UPDATE consent SET withdrawn_at = now(), withdrawn_by = ?, withdrawal_method = ?
                         WHERE id = ? AND person_id = ? AND withdrawn_at IS NULL""")
                .params(PersonAccess.caller().userId(), method.name(), consentId, personId).update();
        if (withdrawn == 0) {
            throw new NotFoundException("Consent");
        }
        records.touch(personId);
        audit.record(personId, AuditAction.CONSENT_WITHDRAWN, "person.consent");
    }
}
