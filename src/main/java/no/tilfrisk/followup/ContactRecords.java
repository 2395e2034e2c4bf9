package no.tilfrisk.followup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.Dates;
import no.tilfrisk.platform.web.NotFoundException;
import no.tilfrisk.platform.web.ResultPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The contact tables (contacts, their staff and the relatives present), read and written without rights checks or
 * audit: {@link ContactLog} does those, and encrypts and decrypts the note, which is bytes here. Every statement
 * stays inside the caller's organisation.
 */
@Component
class ContactRecords {

    private static final String ROW = """
            SELECT id, person_id, occurred_at, type, escort_kind, duration_minutes, note_encrypted,
                   follow_up_on, follow_up_done_at, created_at, created_by, voided_at, voided_by, void_reason
              FROM contact""";

    /** A contact as stored; a list's rows leave the note, the creation and the voiding's who and why null. */
    record Row(UUID id, UUID personId, Instant occurredAt, ContactType type, EscortKind escortKind,
               Integer durationMinutes, byte[] noteEncrypted, LocalDate followUpOn, Instant followUpDoneAt,
               Instant createdAt, UUID createdBy, Instant voidedAt, UUID voidedBy, String voidReason) {

        static Row summaryOf(ResultSet rs) throws SQLException {
            String kind = rs.getString("escort_kind");
            var done = rs.getObject("follow_up_done_at", OffsetDateTime.class);
            var voided = rs.getObject("voided_at", OffsetDateTime.class);
            return new Row(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                    rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                    ContactType.valueOf(rs.getString("type")), kind == null ? null : EscortKind.valueOf(kind),
                    (Integer) rs.getObject("duration_minutes"), null, rs.getObject("follow_up_on", LocalDate.class),
                    done == null ? null : done.toInstant(), null, null, voided == null ? null : voided.toInstant(),
                    null, null);
        }
    }

    /** An open follow-up of a contact. */
    record Due(UUID contactId, UUID personId, ContactType type, LocalDate followUpOn, Instant createdAt) {
    }

    private final JdbcClient db;

    ContactRecords(JdbcClient db) {
        this.db = db;
    }

    /** Instants go to PostgreSQL with their offset, so no time zone of the JVM or the session can shift them. */
    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Instant startOf(LocalDate date) {
        return date.atStartOfDay(Dates.OSLO).toInstant();
    }

    // ---------------------------------------------------------------- reading

    /** Contacts that stand per type in the period (Oslo dates, both included), of these persons; null is all. */
    Map<ContactType, Long> countsByType(UUID[] members, LocalDate from, LocalDate to) {
        Map<ContactType, Long> out = new EnumMap<>(ContactType.class);
        for (ContactType t : ContactType.values()) {
            out.put(t, 0L);
        }
        db.sql("""
                        SELECT type, count(*) FROM contact
                         WHERE organisation_id = :org AND voided_at IS NULL
                           AND occurred_at >= :from AND occurred_at < :until
                           AND (CAST(:members AS uuid[]) IS NULL OR person_id = ANY(:members))
                         GROUP BY type""")
                .param("org", Tenancy.requireOrganisationId()).param("members", members)
                .param("from", from.atStartOfDay(Dates.OSLO).toOffsetDateTime())
                .param("until", to.plusDays(1).atStartOfDay(Dates.OSLO).toOffsetDateTime())
                .query((rs, i) -> out.put(ContactType.valueOf(rs.getString(1)), rs.getLong(2))).list();
        return out;
    }

    /** One page of the contacts that stand, of the visible persons, newest first, as list rows. */
    ResultPage<Row> search(ContactFilter filter, UUID[] visible, int page, int size) {
        var params = new HashMap<String, Object>();
        params.put("org", Tenancy.requireOrganisationId());
        params.put("visible", visible);
        // only the conditions that apply, as in the person search
        StringBuilder sql = new StringBuilder("""
                SELECT c.id, c.person_id, c.occurred_at, c.type, c.escort_kind, c.duration_minutes, c.follow_up_on,
                       c.follow_up_done_at, c.voided_at, count(*) OVER () AS total
                  FROM contact c
                 WHERE c.organisation_id = :org AND c.voided_at IS NULL AND c.person_id = ANY(:visible)""");
        if (filter.personId() != null) {
            sql.append(" AND c.person_id = :person");
            params.put("person", filter.personId());
        }
        if (filter.staffId() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM contact_staff s WHERE s.contact_id = c.id AND s.user_id = :staff)");
            params.put("staff", filter.staffId());
        }
        if (filter.type() != null) {
            sql.append(" AND c.type = :type");
            params.put("type", filter.type().name());
        }
        if (filter.from() != null) {
            sql.append(" AND c.occurred_at >= :from");
            params.put("from", utc(startOf(filter.from())));
        }
        if (filter.to() != null) {
            sql.append(" AND c.occurred_at < :to");
            params.put("to", utc(startOf(filter.to().plusDays(1))));
        }
        sql.append(" ORDER BY c.occurred_at DESC, c.id LIMIT :limit OFFSET :offset");
        params.put("limit", size);
        params.put("offset", (long) Math.min(page, 100_000) * size);
        long[] total = {0};
        List<Row> rows = db.sql(sql.toString()).params(params).query((rs, i) -> {
            total[0] = rs.getLong("total");
            return Row.summaryOf(rs);
        }).list();
        if (rows.isEmpty() && page > 0) {
            total[0] = db.sql("SELECT count(*) FROM (" + sql.substring(0, sql.indexOf(" ORDER BY")) + ") c")
                    .params(params).query(Long.class).single();
        }
        return new ResultPage<>(rows, page, size, total[0]);
    }

    /** All the person's contacts, voided ones too, newest first, as list rows (at most 1000). */
    List<Row> summariesOf(UUID personId) {
        return db.sql("""
                        SELECT c.id, c.person_id, c.occurred_at, c.type, c.escort_kind, c.duration_minutes,
                               c.follow_up_on, c.follow_up_done_at, c.voided_at
                          FROM contact c WHERE c.person_id = ? AND c.organisation_id = ?
                         ORDER BY c.occurred_at DESC, c.id LIMIT 1000""")
                .params(personId, Tenancy.requireOrganisationId())
                .query((rs, i) -> Row.summaryOf(rs)).list();
    }

    /** All the person's contacts, whole, voided ones too, oldest first. */
    List<Row> allOf(UUID personId) {
        return db.sql(ROW + " WHERE person_id = ? AND organisation_id = ? ORDER BY occurred_at, id")
                .params(personId, Tenancy.requireOrganisationId()).query(Row.class).list();
    }

    /** The organisation's contact with this id, whole, or «not found». */
    Row row(UUID id) {
        return db.sql(ROW + " WHERE id = ? AND organisation_id = ?")
                .params(id, Tenancy.requireOrganisationId())
                .query(Row.class).optional().orElseThrow(() -> new NotFoundException("Contact"));
    }

    /** The participant of the organisation's contact with this id, if there is one. */
    Optional<UUID> personOf(UUID id) {
        return db.sql("SELECT person_id FROM contact WHERE id = ? AND organisation_id = ?")
                .params(id, Tenancy.requireOrganisationId()).query(UUID.class).optional();
    }

    boolean exists(UUID id) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM contact WHERE id = ? AND organisation_id = ?)")
                .params(id, Tenancy.requireOrganisationId()).query(Boolean.class).single();
    }

    /** The open follow-ups of the contacts the user took part in, of these persons, soonest first. */
    List<Due> followUpsDue(UUID userId, UUID[] visible, int limit) {
        return db.sql("""
                        SELECT c.id AS contact_id, c.person_id, c.type, c.follow_up_on, c.created_at
                          FROM contact c JOIN contact_staff s ON s.contact_id = c.id AND s.user_id = :me
                         WHERE c.organisation_id = :org AND c.follow_up_on IS NOT NULL AND c.follow_up_done_at IS NULL
                           AND c.voided_at IS NULL AND c.person_id = ANY(:visible)
                         ORDER BY c.follow_up_on, c.occurred_at, c.id LIMIT :limit""")
                .param("me", userId).param("org", Tenancy.requireOrganisationId())
                .param("visible", visible).param("limit", limit)
                .query(Due.class).list();
    }

    /** Those of these persons who have contacts that stand (at most 2000). */
    List<UUID> personsWithContacts(UUID[] visible) {
        return db.sql("""
                        SELECT DISTINCT c.person_id FROM contact c
                         WHERE c.organisation_id = ? AND c.voided_at IS NULL AND c.person_id = ANY(?) LIMIT 2000""")
                .params(Tenancy.requireOrganisationId(), visible)
                .query(UUID.class).list();
    }

    /** The staff (user ids) of each contact, in no particular order. */
    /** The contacts that stand of these persons in the period (Oslo dates, both included): person, moment, type. */
    List<ContactImport.Existing> standing(UUID[] persons, LocalDate from, LocalDate to) {
        return db.sql("""
                        SELECT person_id, occurred_at, type FROM contact
                         WHERE organisation_id = ? AND person_id = ANY(?) AND voided_at IS NULL
                           AND occurred_at >= ? AND occurred_at < ?""")
                .params(Tenancy.requireOrganisationId(), persons, utc(startOf(from)), utc(startOf(to.plusDays(1))))
                .query((rs, i) -> new ContactImport.Existing(rs.getObject(1, UUID.class),
                        rs.getObject(2, OffsetDateTime.class).toInstant(), ContactType.valueOf(rs.getString(3))))
                .list();
    }

    Map<UUID, List<UUID>> staffOf(Collection<UUID> contactIds) {
        if (contactIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<UUID>> byContact = new HashMap<>();
        db.sql("SELECT contact_id, user_id FROM contact_staff WHERE contact_id = ANY(?)")
                .param(contactIds.toArray(UUID[]::new))
                .query((rs, i) -> Map.entry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list()
                .forEach(e -> byContact.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return byContact;
    }

    /** The relatives present at each contact, in id order. */
    Map<UUID, List<UUID>> relativesOf(Collection<UUID> contactIds) {
        Map<UUID, List<UUID>> byContact = new HashMap<>();
        db.sql("SELECT contact_id, relative_id FROM contact_relative WHERE contact_id = ANY(?) ORDER BY relative_id")
                .param(contactIds.toArray(UUID[]::new))
                .query((rs, i) -> Map.entry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list()
                .forEach(e -> byContact.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return byContact;
    }

    // ---------------------------------------------------------------- writing

    /**
     * Inserts the contact from the form, with the note as encrypted; false (and nothing written) if the id is taken,
     * in any organisation.
     */
    boolean insert(UUID id, UUID personId, ContactForm form, byte[] noteEncrypted, UUID by) {
        return db.sql("""
                        INSERT INTO contact (id, organisation_id, person_id, occurred_at, type, escort_kind, duration_minutes,
                                             note_encrypted, follow_up_on, created_by, updated_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")
                .params(id, Tenancy.requireOrganisationId(), personId, utc(ContactRules.occurredAt(form)),
                        form.getType().name(), escortKind(form), form.getDurationMinutes(), noteEncrypted,
                        form.getFollowUpOn(), by, by)
                .update() > 0;
    }

    /** Writes the form's time, type and follow-up date (not the note); a changed follow-up date is open again. */
    void update(UUID id, ContactForm form, UUID by) {
        db.sql("""
                        UPDATE contact SET occurred_at = ?, type = ?, escort_kind = ?, duration_minutes = ?,
                               follow_up_done_at = CASE WHEN follow_up_on IS NOT DISTINCT FROM CAST(? AS date) THEN follow_up_done_at END,
                               follow_up_done_by = CASE WHEN follow_up_on IS NOT DISTINCT FROM CAST(? AS date) THEN follow_up_done_by END,
                               follow_up_on = ?, updated_at = now(), updated_by = ?
                         WHERE id = ? AND organisation_id = ?""")
                .params(utc(ContactRules.occurredAt(form)), form.getType().name(), escortKind(form),
                        form.getDurationMinutes(), form.getFollowUpOn(), form.getFollowUpOn(), form.getFollowUpOn(),
                        by, id, Tenancy.requireOrganisationId())
                .update();
    }

    void updateNote(UUID id, byte[] noteEncrypted) {
        db.sql("UPDATE contact SET note_encrypted = ? WHERE id = ?").params(noteEncrypted, id).update();
    }

    /** Voids the contact with the reason; false if it was voided already. */
    boolean markVoided(UUID id, String reason, UUID by) {
        return db.sql("""
                        UPDATE contact SET voided_at = now(), voided_by = ?, void_reason = ?, updated_at = now(), updated_by = ?
                         WHERE id = ? AND organisation_id = ? AND voided_at IS NULL""")
                .params(by, reason, by, id, Tenancy.requireOrganisationId()).update() > 0;
    }

    /** Marks the follow-up done; false if it was done already. */
    boolean markFollowUpDone(UUID id, UUID by, Instant at) {
        return db.sql("""
                        UPDATE contact SET follow_up_done_at = ?, follow_up_done_by = ?
                         WHERE id = ? AND organisation_id = ? AND follow_up_done_at IS NULL""")
                .params(utc(at), by, id, Tenancy.requireOrganisationId()).update() > 0;
    }

    /** Takes back «done» if {@code by} marked it at or after {@code notBefore}. */
    boolean unmarkFollowUpDone(UUID id, UUID by, Instant notBefore) {
        return db.sql("""
                        UPDATE contact SET follow_up_done_at = NULL, follow_up_done_by = NULL
                         WHERE id = ? AND organisation_id = ? AND follow_up_done_by = ? AND follow_up_done_at >= ?""")
                .params(id, Tenancy.requireOrganisationId(), by, utc(notBefore)).update() > 0;
    }

    void insertStaff(UUID contactId, Collection<UUID> staff) {
        UUID org = Tenancy.requireOrganisationId();
        for (UUID user : staff) {
            db.sql("INSERT INTO contact_staff (contact_id, user_id, organisation_id) VALUES (?, ?, ?)")
                    .params(contactId, user, org).update();
        }
    }

    void replaceStaff(UUID contactId, Collection<UUID> staff) {
        db.sql("DELETE FROM contact_staff WHERE contact_id = ?").param(contactId).update();
        insertStaff(contactId, staff);
    }

    /** Links the relatives present; nulls and repeats are left out. */
    void insertRelatives(UUID contactId, List<UUID> relatives) {
        UUID org = Tenancy.requireOrganisationId();
        for (UUID relative : relatives.stream().filter(Objects::nonNull).distinct().toList()) {
            db.sql("INSERT INTO contact_relative (contact_id, relative_id, organisation_id) VALUES (?, ?, ?)")
                    .params(contactId, relative, org).update();
        }
    }

    void replaceRelatives(UUID contactId, List<UUID> relatives) {
        db.sql("DELETE FROM contact_relative WHERE contact_id = ?").param(contactId).update();
        insertRelatives(contactId, relatives);
    }

    private static String escortKind(ContactForm form) {
        return form.getType() == ContactType.ESCORT && form.getEscortKind() != null ? form.getEscortKind().name() : null;
    }
}
