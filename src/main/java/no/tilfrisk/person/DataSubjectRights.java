package no.tilfrisk.person;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.organisation.Organisations;
import no.tilfrisk.person.internal.PersonAccess;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The person's rights: a copy of everything held about them, erasure, and the review of persons kept too long.
 * Erasure is the one place personal data is removed: identity goes, the anonymous counts (roles, memberships,
 * attendance in later modules) stay so that past reports stay true, and the audit trail keeps only the id.
 */
@Service
public class DataSubjectRights {

    /** A person with no activity for longer than the organisation keeps data without review. */
    public record ReviewItem(UUID id, String displayName, Instant lastActivityAt) {
    }

    private final JdbcClient db;
    private final PersonAccess access;
    private final PersonRecords records;
    private final AuditTrail audit;
    private final Organisations organisations;
    private final ApplicationEventPublisher events;

    private final List<PersonDataSection> sections;
    private final Clock clock;

    DataSubjectRights(JdbcClient db, PersonAccess access, PersonRecords records, AuditTrail audit,
                      Organisations organisations, ApplicationEventPublisher events, List<PersonDataSection> sections,
                      Clock clock) {
        this.events = events;
        this.clock = clock;
        this.sections = sections;
        this.db = db;
        this.access = access;
        this.records = records;
        this.audit = audit;
        this.organisations = organisations;
    }

    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional
    public PersonExport export(UUID id) {
        access.require(id);
        Map<String, Object> byName = new LinkedHashMap<>();
        sections.forEach(section -> byName.put(section.name(), section.reader().apply(id)));
        PersonExport export = new PersonExport(clock.instant(), organisations.current().name(), records.details(id),
                records.nationalId(id), byName, audit.accessTo(id, null));
        audit.record(id, AuditAction.EXPORT, "person.all");
        return export;
    }

    /**
     * The person's full national id number for a portable record (the FHIR export), only where the organisation has
     * national id numbers turned on; null otherwise or when none is held. The reading is in the audit trail.
     */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional
    public String nationalIdForExport(UUID id) {
        access.require(id);
        if (!organisations.settings().isNationalIdEnabled()) {
            return null;
        }
        String number = records.nationalId(id);
        if (number != null) {
            audit.record(id, AuditAction.READ, "person.national-id");
        }
        return number;
    }

    /** Each section's print fragment by the section's name: for the export's print page and PDF. */
    public Map<String, String> printFragments() {
        Map<String, String> byName = new LinkedHashMap<>();
        sections.forEach(section -> byName.put(section.name(), section.printFragment()));
        return byName;
    }

    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR')")
    @Transactional
    public void erase(UUID id, boolean confirmed) {
        access.require(id);
        if (!confirmed) {
            throw new InvalidInputException("confirm", "person.erase.confirm.required");
        }
        db.sql("""
                        UPDATE person SET display_name = 'Slettet person', full_name = NULL, birth_date = NULL,
                               phone = NULL, email = NULL, note_encrypted = NULL, national_id_encrypted = NULL,
                               national_id_mac = NULL, active = false, deactivated_at = coalesce(deactivated_at, now()),
                               deactivation_reason = NULL, erased_at = now(), updated_at = now()
                         WHERE id = ? AND organisation_id = ? AND erased_at IS NULL""")
                .params(id, Tenancy.requireOrganisationId()).update();
        // consents end with the person, also those that name them as the relative to involve
        db.sql("""
                        UPDATE consent SET withdrawn_at = now(), withdrawn_by = ?, withdrawal_method = 'VERBAL'
                         WHERE (person_id = ? OR relative_id = ?) AND withdrawn_at IS NULL""")
                .params(PersonAccess.caller().userId(), id, id).update();
        // who their relatives are is identity too
        db.sql("DELETE FROM person_relation WHERE participant_id = ? OR relative_id = ?").params(id, id).update();
        events.publishEvent(new PersonErased(id));
        audit.record(id, AuditAction.ERASE, "person.all");
    }

    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR')")
    @Transactional
    public List<ReviewItem> retentionReview() {
        int months = organisations.settings().retentionMonths();
        List<ReviewItem> due = db.sql("""
                        SELECT p.id, p.display_name, p.last_activity_at FROM person p
                         WHERE p.organisation_id = :org AND p.erased_at IS NULL
                           AND p.last_activity_at < now() - make_interval(months => :months) AND """ + PersonAccess.VISIBLE + """
                         ORDER BY p.last_activity_at LIMIT 500""")
                .param("org", Tenancy.requireOrganisationId()).param("months", months)
                .param("admin", PersonAccess.isAdmin()).param("departments", PersonAccess.departments())
                .query(ReviewItem.class).list();
        audit.record(null, AuditAction.LIST, "person.retention-review");
        return due;
    }
}
