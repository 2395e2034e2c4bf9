package no.tilfrisk.person;

import static no.tilfrisk.platform.Text.blankToNull;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import no.tilfrisk.organisation.Department;
import no.tilfrisk.organisation.Departments;
import no.tilfrisk.person.internal.PersonAccess;
import no.tilfrisk.platform.crypto.FieldEncryption;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.Dates;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The person tables, read and written without rights checks or audit: the services around it do those. */
@Component
class PersonRecords {

    private final JdbcClient db;
    private final FieldEncryption crypto;
    private final Departments departments;
    private final List<TimelineSource> timelineSources;
    private final Clock clock;

    PersonRecords(JdbcClient db, FieldEncryption crypto, Departments departments, List<TimelineSource> timelineSources,
                  Clock clock) {
        this.db = db;
        this.crypto = crypto;
        this.departments = departments;
        this.timelineSources = timelineSources;
        this.clock = clock;
    }

    static String noteContext(UUID personId) {
        return "person.note:" + personId;
    }

    static String nationalIdContext(UUID personId) {
        return "person.national_id:" + personId;
    }

    boolean exists(UUID id) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM person WHERE id = ? AND organisation_id = ?)")
                .params(id, Tenancy.requireOrganisationId()).query(Boolean.class).single();
    }

    int possibleDuplicates(UUID except, String displayName, String fullName, Integer birthYear) {
        if (birthYear == null) {
            return 0;
        }
        return db.sql("""
                        SELECT count(*) FROM person
                         WHERE organisation_id = :org AND birth_year = :year AND erased_at IS NULL
                           AND id IS DISTINCT FROM :except
                           AND (lower(display_name) IN (lower(:display), lower(:full)) OR lower(full_name) IN (lower(:display), lower(:full)))""")
                .param("org", Tenancy.requireOrganisationId()).param("year", birthYear).param("except", except)
                .param("display", displayName == null ? "" : displayName.strip())
                .param("full", fullName == null || fullName.isBlank() ? displayName.strip() : fullName.strip())
                .query(Integer.class).single();
    }

    record Row(UUID id, String displayName, String fullName, Integer birthYear, LocalDate birthDate, String gender,
               String phone, String email, String municipality, byte[] noteEncrypted, byte[] nationalIdEncrypted,
               boolean active, Instant deactivatedAt, String deactivationReason, Instant createdAt) {
    }

    Row row(UUID id) {
        return db.sql("""
                        SELECT id, display_name, full_name, birth_year, birth_date, gender, phone, email, municipality,
                               note_encrypted, national_id_encrypted, active, deactivated_at, deactivation_reason, created_at
                          FROM person WHERE id = ? AND organisation_id = ?""")
                .params(id, Tenancy.requireOrganisationId())
                .query(Row.class).optional().orElseThrow(() -> new NotFoundException("Person"));
    }

    PersonDetails details(UUID id) {
        Row r = row(id);
        String nationalId = crypto.decryptText(r.nationalIdEncrypted(), nationalIdContext(id));
        List<RoleSpan> roles = roles(id);
        List<Membership> memberships = memberships(id);
        List<Consent> consents = consents(id);
        return new PersonDetails(r.id(), r.displayName(), r.fullName(), r.birthYear(), r.birthDate(),
                r.gender() == null ? null : Gender.valueOf(r.gender()), r.phone(), r.email(), r.municipality(),
                crypto.decryptText(r.noteEncrypted(), noteContext(id)), true,
                nationalId == null ? null : NationalIdNumber.masked(nationalId), r.active(), r.deactivatedAt(),
                r.deactivationReason(), r.createdAt(), roles, memberships, consents, relatives(id),
                timeline(r, roles, memberships, consents));
    }

    String nationalId(UUID id) {
        return crypto.decryptText(row(id).nationalIdEncrypted(), nationalIdContext(id));
    }

    List<RoleSpan> roles(UUID id) {
        return db.sql("SELECT id, role, from_date AS \"from\", to_date AS \"to\" FROM person_role WHERE person_id = ? ORDER BY from_date, role")
                .param(id).query(RoleSpan.class).list();
    }

    List<Membership> memberships(UUID id) {
        Map<UUID, String> names = departments.list().stream().collect(Collectors.toMap(Department::id, Department::name));
        return db.sql("SELECT id, department_id, from_date, to_date FROM person_department WHERE person_id = ? ORDER BY from_date")
                .param(id)
                .query((rs, i) -> new Membership(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        names.get(rs.getObject(2, UUID.class)), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class)))
                .list();
    }

    List<Consent> consents(UUID id) {
        return db.sql("""
                        SELECT id, purpose, relative_id, partner, volunteer_id,
                               (SELECT v.display_name FROM person v WHERE v.id = consent.volunteer_id) AS volunteer_name,
                               given_at, given_by, method, withdrawn_at, withdrawn_by, withdrawal_method
                          FROM consent WHERE person_id = ? ORDER BY given_at DESC""")
                .param(id).query(Consent.class).list();
    }

    /** The relatives the reader may see: a link to someone outside the reader's departments stays hidden. */
    List<Relative> relatives(UUID id) {
        return db.sql("""
                        SELECT r.id AS link_id, p.id AS person_id, p.display_name, r.relation
                          FROM person_relation r JOIN person p ON p.id = CASE WHEN r.participant_id = :id THEN r.relative_id ELSE r.participant_id END
                         WHERE (r.participant_id = :id OR r.relative_id = :id) AND p.erased_at IS NULL AND """
                        + PersonAccess.VISIBLE + " ORDER BY lower(p.display_name)")
                .param("id", id).param("admin", PersonAccess.isAdmin())
                .param("departments", PersonAccess.departments())
                .query(Relative.class).list();
    }

    List<PersonSummary> visibleWithRole(PersonRole role, boolean admin, UUID[] departments) {
        return db.sql("""
                        SELECT p.id, p.display_name, p.full_name, p.birth_year, p.phone, p.email, p.active FROM person p
                         WHERE p.organisation_id = :org AND p.erased_at IS NULL AND """ + PersonAccess.VISIBLE + """
                           AND EXISTS (SELECT 1 FROM person_role r WHERE r.person_id = p.id AND r.role = :role
                                         AND (r.to_date IS NULL OR r.to_date >= (now() AT TIME ZONE 'Europe/Oslo')::date))
                         ORDER BY lower(p.display_name) LIMIT 200""")
                .param("org", Tenancy.requireOrganisationId()).param("admin", admin).param("departments", departments)
                .param("role", role.name()).query(PersonSummary.class).list();
    }

    void linkRelative(UUID participantId, UUID relativeId, String relation) {
        if (participantId.equals(relativeId)) {
            throw new InvalidInputException("relativeId", "relative.self");
        }
        db.sql("""
                        INSERT INTO person_relation (id, organisation_id, participant_id, relative_id, relation)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT (participant_id, relative_id) DO UPDATE SET relation = EXCLUDED.relation""")
                .params(UUID.randomUUID(), Tenancy.requireOrganisationId(), participantId, relativeId,
                        blankToNull(relation))
                .update();
        touch(participantId);
    }

    /** Removing a link that is not there (a second click) changes nothing and is no error. */
    void unlinkRelative(UUID personId, UUID linkId) {
        db.sql("DELETE FROM person_relation WHERE id = ? AND (participant_id = ? OR relative_id = ?)")
                .params(linkId, personId, personId).update();
    }

    /** The timeline, newest first: registration, roles, memberships, consents, and what other modules add. */
    private List<TimelineEntry> timeline(Row r, List<RoleSpan> roles, List<Membership> memberships,
                                         List<Consent> consents) {
        List<TimelineEntry> entries = new ArrayList<>();
        entries.add(new TimelineEntry(r.createdAt(), "timeline.registered", null));
        ZoneId oslo = Dates.OSLO;
        for (RoleSpan role : roles) {
            entries.add(new TimelineEntry(role.from().atStartOfDay(oslo).toInstant(), "timeline.role.from", role.role().name()));
            if (role.to() != null) {
                entries.add(new TimelineEntry(role.to().atStartOfDay(oslo).toInstant(), "timeline.role.to", role.role().name()));
            }
        }
        for (Membership m : memberships) {
            entries.add(new TimelineEntry(m.from().atStartOfDay(oslo).toInstant(), "timeline.membership.from", m.departmentName()));
            if (m.to() != null) {
                entries.add(new TimelineEntry(m.to().atStartOfDay(oslo).toInstant(), "timeline.membership.to", m.departmentName()));
            }
        }
        for (Consent c : consents) {
            entries.add(new TimelineEntry(c.givenAt(), "timeline.consent.given", c.purpose().name()));
            if (c.withdrawnAt() != null) {
                entries.add(new TimelineEntry(c.withdrawnAt(), "timeline.consent.withdrawn", c.purpose().name()));
            }
        }
        if (r.deactivatedAt() != null) {
            entries.add(new TimelineEntry(r.deactivatedAt(), "timeline.deactivated", null));
        }
        timelineSources.forEach(source -> entries.addAll(source.entriesFor(r.id())));
        entries.sort(Comparator.comparing(TimelineEntry::at).reversed());
        return entries;
    }

    void addRole(UUID id, PersonRole role, LocalDate from) {
        if (role == null) {
            throw new InvalidInputException("role", "person.role.required");
        }
        db.sql("INSERT INTO person_role (id, organisation_id, person_id, role, from_date) VALUES (?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), Tenancy.requireOrganisationId(), id, role.name(),
                        from == null ? LocalDate.now(clock) : from)
                .update();
        touch(id);
    }

    void addMembership(UUID id, UUID departmentId, LocalDate from) {
        // only a department of this organisation: a foreign key alone would accept another organisation's id
        if (departmentId == null || departments.list().stream().noneMatch(d -> d.id().equals(departmentId))) {
            throw new InvalidInputException("departmentId", "person.department.unknown");
        }
        db.sql("INSERT INTO person_department (id, organisation_id, person_id, department_id, from_date) VALUES (?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), Tenancy.requireOrganisationId(), id, departmentId,
                        from == null ? LocalDate.now(clock) : from)
                .update();
        touch(id);
    }

    void touch(UUID id) {
        db.sql("UPDATE person SET last_activity_at = now(), updated_at = now() WHERE id = ?").param(id).update();
    }
}
