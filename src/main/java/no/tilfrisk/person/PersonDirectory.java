package no.tilfrisk.person;

import static no.tilfrisk.platform.Text.blankToNull;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.organisation.Organisations;
import no.tilfrisk.person.internal.PersonAccess;
import no.tilfrisk.platform.Municipalities;
import no.tilfrisk.platform.crypto.FieldEncryption;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import no.tilfrisk.platform.web.ResultPage;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The persons of an organisation: registration with the least data that serves, search, their page, deactivation
 * (their roles, memberships and relatives after registration: {@link PersonSpans}). Every read and write of a
 * person's data is in the audit trail, in the same transaction. Other modules read persons through this service.
 */
@Service
@PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
public class PersonDirectory {

    /** The outcome of registering: done, or a warning that the person may already be registered. */
    public sealed interface Registration permits Registered, PossibleDuplicate {
    }

    public record Registered(UUID id) implements Registration {
    }

    public record PossibleDuplicate(int matches) implements Registration {
    }

    private final JdbcClient db;
    private final FieldEncryption crypto;
    private final AuditTrail audit;
    private final PersonAccess access;
    private final Organisations organisations;
    private final PersonRecords records;
    private final Municipalities municipalities;
    private final Consents consents;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    PersonDirectory(JdbcClient db, FieldEncryption crypto, AuditTrail audit, PersonAccess access,
                    Organisations organisations, PersonRecords records, Municipalities municipalities,
                    Consents consents, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.municipalities = municipalities;
        this.consents = consents;
        this.clock = clock;
        this.db = db;
        this.crypto = crypto;
        this.audit = audit;
        this.access = access;
        this.organisations = organisations;
        this.records = records;
    }

    /** Search by name, phone or e-mail (and by the exact national id number), filtered by department and role. */
    @Transactional
    public ResultPage<PersonSummary> search(String q, UUID departmentId, PersonRole role, int page, int size) {
        String query = q == null ? "" : q.strip();
        var params = new HashMap<String, Object>();
        params.put("org", Tenancy.requireOrganisationId());
        params.put("admin", PersonAccess.isAdmin());
        params.put("departments", PersonAccess.departments());
        // only the conditions that apply: a query with fewer OR-branches is planned and run faster
        StringBuilder sql = new StringBuilder("""
                SELECT p.id, p.display_name, p.full_name, p.birth_year, p.phone, p.email, p.active, count(*) OVER () AS total
                  FROM person p
                 WHERE p.organisation_id = :org AND p.erased_at IS NULL AND """).append(PersonAccess.VISIBLE);
        if (!query.isEmpty()) {
            List<String> any = new ArrayList<>(List.of("p.display_name ILIKE :like", "p.full_name ILIKE :like",
                    "p.email ILIKE :like"));
            params.put("like", "%" + escapeLike(query) + "%");
            String digits = query.replaceAll("[^0-9]", "");
            if (digits.length() >= 3) {
                any.add("regexp_replace(p.phone, '[^0-9]', '', 'g') LIKE :digits");
                params.put("digits", "%" + digits + "%");
            }
            if (NationalIdNumber.isValid(query)) {
                // under every enabled fingerprint key: a rotation's older fingerprints are found until made anew
                any.add("p.national_id_mac IN (:fingerprints)");
                params.put("fingerprints", crypto.fingerprints(NationalIdNumber.normalise(query)));
            }
            sql.append(" AND (").append(String.join(" OR ", any)).append(")");
        }
        if (departmentId != null) {
            sql.append("""
                     AND EXISTS (SELECT 1 FROM person_department d WHERE d.person_id = p.id AND d.department_id = :department
                                   AND (d.to_date IS NULL OR d.to_date >= (now() AT TIME ZONE 'Europe/Oslo')::date))""");
            params.put("department", departmentId);
        }
        if (role != null) {
            sql.append("""
                     AND EXISTS (SELECT 1 FROM person_role r WHERE r.person_id = p.id AND r.role = :role
                                   AND (r.to_date IS NULL OR r.to_date >= (now() AT TIME ZONE 'Europe/Oslo')::date))""");
            params.put("role", role.name());
        }
        sql.append(" ORDER BY p.active DESC, lower(p.display_name), p.id LIMIT :limit OFFSET :offset");
        params.put("limit", size);
        params.put("offset", (long) Math.min(page, 100_000) * size);
        long[] total = {0};
        List<PersonSummary> items = db.sql(sql.toString()).params(params).query((rs, i) -> {
            total[0] = rs.getLong("total");
            return new PersonSummary(rs.getObject("id", UUID.class), rs.getString("display_name"),
                    rs.getString("full_name"), (Integer) rs.getObject("birth_year"), rs.getString("phone"),
                    rs.getString("email"), rs.getBoolean("active"));
        }).list();
        if (items.isEmpty() && page > 0) {
            total[0] = db.sql("SELECT count(*) FROM (" + sql.substring(0, sql.indexOf(" ORDER BY")) + ") c")
                    .params(params).query(Long.class).single();
        }
        audit.record(null, AuditAction.LIST, "person.list");
        return new ResultPage<>(items, page, size, total[0]);
    }

    @Transactional
    public PersonDetails get(UUID id) {
        access.require(id);
        PersonDetails details = records.details(id);
        audit.record(id, AuditAction.READ, details.note() == null ? "person.profile" : "person.profile+note");
        return details;
    }

    /**
     * Registers a person under the id the form carried (so a double submit registers one), unless someone with
     * the same name and birth year exists and the user has not confirmed. The consents ticked are recorded in the
     * same transaction: a form that fails anywhere saves nothing.
     */
    @Transactional
    public Registration register(UUID id, PersonForm form) {
        if (records.exists(id)) {
            access.require(id);
            return new Registered(id);
        }
        if (form.getDepartmentId() == null && !PersonAccess.isAdmin()) {
            throw new InvalidInputException("departmentId", "person.department.required");
        }
        if (form.getDepartmentId() != null && !PersonAccess.mayUseDepartment(form.getDepartmentId())) {
            throw new InvalidInputException("departmentId", "person.department.notYours");
        }
        List<ConsentPurpose> purposes = Consents.checkAtRegistration(form);
        if (!form.isConfirmDuplicate()) {
            int matches = records.possibleDuplicates(null, form.getDisplayName(), form.getFullName(), form.effectiveBirthYear());
            if (matches > 0) {
                return new PossibleDuplicate(matches);
            }
        }
        checkBirth(form);
        String nationalId = nationalId(form);
        // an id that exists but is not visible (another organisation's) registers nothing and reveals nothing
        int inserted = db.sql("""
                        INSERT INTO person (id, organisation_id, display_name, full_name, birth_year, birth_date, gender,
                                            phone, email, municipality)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")
                .params(id, Tenancy.requireOrganisationId(), form.getDisplayName().strip(),
                        blankToNull(form.getFullName()), form.effectiveBirthYear(), form.getBirthDate(),
                        form.getGender() == null ? null : form.getGender().name(), blankToNull(form.getPhone()),
                        blankToNull(form.getEmail()), municipality(form))
                .update();
        requireFound(inserted);
        writeSecrets(id, form.getNote(), nationalId);
        LocalDate today = LocalDate.now(clock);
        if (form.getRole() != null) {
            records.addRole(id, form.getRole(), today);
        }
        if (form.getDepartmentId() != null) {
            records.addMembership(id, form.getDepartmentId(), today);
        }
        audit.record(id, AuditAction.CREATE, "person.profile");
        consents.recordAtRegistration(id, purposes, form.getConsentMethod());
        events.publishEvent(new PersonRegistered(Tenancy.requireOrganisationId(), id, Instant.now(clock)));
        return new Registered(id);
    }

    @Transactional
    public void update(UUID id, PersonForm form) {
        access.require(id);
        checkBirth(form);
        String nationalId = nationalId(form);
        int updated = db.sql("""
                        UPDATE person SET display_name = ?, full_name = ?, birth_year = ?, birth_date = ?, gender = ?,
                               phone = ?, email = ?, municipality = ?, updated_at = now(), last_activity_at = now()
                         WHERE id = ? AND organisation_id = ? AND erased_at IS NULL""")
                .params(form.getDisplayName().strip(), blankToNull(form.getFullName()), form.effectiveBirthYear(),
                        form.getBirthDate(), form.getGender() == null ? null : form.getGender().name(),
                        blankToNull(form.getPhone()), blankToNull(form.getEmail()),
                        municipality(form), id, Tenancy.requireOrganisationId())
                .update();
        requireFound(updated);
        writeSecrets(id, form.getNote(), nationalId);
        audit.record(id, AuditAction.UPDATE, form.getNote() == null ? "person.profile" : "person.profile+note");
    }

    @Transactional
    public void deactivate(UUID id, String reason) {
        access.require(id);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "person.deactivate.reason.required");
        }
        if (reason.length() > 500) {
            throw new InvalidInputException("reason", "person.deactivate.reason.size");
        }
        db.sql("UPDATE person SET active = false, deactivated_at = now(), deactivation_reason = ?, updated_at = now() WHERE id = ?")
                .params(reason.strip(), id).update();
        audit.record(id, AuditAction.DEACTIVATE, "person.status");
    }

    @Transactional
    public void reactivate(UUID id) {
        access.require(id);
        db.sql("UPDATE person SET active = true, deactivated_at = NULL, deactivation_reason = NULL, updated_at = now() WHERE id = ?")
                .param(id).update();
        audit.record(id, AuditAction.REACTIVATE, "person.status");
    }

    /** The municipality in its official spelling, from the shipped list. */
    private String municipality(PersonForm form) {
        String typed = blankToNull(form.getMunicipality());
        return typed == null ? null : municipalities.official(typed)
                .orElseThrow(() -> new InvalidInputException("municipality", "municipality.unknown"));
    }

    /** Dates the database would refuse, and a birth year that contradicts the birth date. */
    private void checkBirth(PersonForm form) {
        LocalDate date = form.getBirthDate();
        if (date != null && date.getYear() < 1900) {
            throw new InvalidInputException("birthDate", "person.birthDate.range");
        }
        if (date != null && form.getBirthYear() != null && date.getYear() != form.getBirthYear()) {
            throw new InvalidInputException("birthYear", "person.birthYear.mismatch");
        }
        if (form.getBirthYear() != null && form.getBirthYear() > Year.now(clock).getValue()) {
            throw new InvalidInputException("birthYear", "person.birthYear.range");
        }
    }

    private String nationalId(PersonForm form) {
        String given = NationalIdNumber.normalise(form.getNationalId());
        if (given.isEmpty()) {
            return null;
        }
        if (!organisations.settings().nationalIdEnabled()) {
            throw new InvalidInputException("nationalId", "person.nationalId.disabled");
        }
        if (!NationalIdNumber.isValid(given)) {
            throw new InvalidInputException("nationalId", "person.nationalId.invalid");
        }
        return given;
    }

    /** A note left out (null, as from an API client that does not send it) stays as it is; an empty one is cleared. */
    private void writeSecrets(UUID id, String note, String nationalId) {
        if (note != null) {
            db.sql("UPDATE person SET note_encrypted = ? WHERE id = ?")
                    .params(crypto.encryptText(blankToNull(note), PersonRecords.noteContext(id)), id).update();
        }
        if (nationalId != null) {
            // the unique index sees one key's fingerprints; while the fingerprint key rotates, the older ones are asked too
            List<String> all = crypto.fingerprints(nationalId);
            lockNumber(all);
            List<String> older = all.stream().skip(1).toList();
            if (!older.isEmpty() && db.sql("SELECT count(*) FROM person WHERE national_id_mac IN (:older) AND id <> :id")
                    .param("older", older).param("id", id).query(Long.class).single() > 0) {
                throw new InvalidInputException("nationalId", "person.nationalId.taken");
            }
            try {
                db.sql("UPDATE person SET national_id_encrypted = ?, national_id_mac = ? WHERE id = ?")
                        .params(crypto.encryptText(nationalId, PersonRecords.nationalIdContext(id)),
                                crypto.fingerprint(nationalId), id)
                        .update();
            } catch (DuplicateKeyException e) {
                throw new InvalidInputException("nationalId", "person.nationalId.taken");
            }
        }
    }

    /**
     * Makes saves of one national id number wait for each other until the first commits, so that the check of the
     * older keys' fingerprints sees the other's row: during a rotation of the fingerprint key two nodes (one with
     * the new key primary, one with the old) make two different fingerprints of one number, which the unique index
     * alone lets through. Locked on the number's fingerprint under every enabled key (both nodes hold both keys while
     * the rotation rolls out), in one order so that two saves never wait on each other crosswise; transaction-scoped.
     */
    private void lockNumber(List<String> fingerprints) {
        fingerprints.stream()
                .mapToLong(f -> HexFormat.fromHexDigitsToLong(f, f.length() - 16, f.length()))
                .sorted().distinct()
                .forEach(key -> db.sql("SELECT pg_advisory_xact_lock(?)").param(key).query((rs, i) -> 1).list());
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static void requireFound(int rows) {
        if (rows == 0) {
            throw new NotFoundException("Person");
        }
    }
}
