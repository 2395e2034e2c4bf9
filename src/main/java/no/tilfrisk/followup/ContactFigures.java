package no.tilfrisk.followup;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The volume of individual follow-up for the reports, counts only, never a person: logged contacts and tallied
 * contacts kept apart, so that a report can say which figure was counted one by one and which was tallied.
 * <ul>
 *   <li><b>logged</b>: contacts that stand (not voided) with their time in the period (Oslo days, both included),
 *       and the distinct persons they were with. For a department: contacts with persons who had a membership of
 *       it at some time in the period.</li>
 *   <li><b>tallied</b>: the counts of tallies that stand and whose own period ends in the report's period (a tally
 *       is counted once, in the period where it ends). For a department: its own tallies.</li>
 * </ul>
 */
@Service
@PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'REPORT_VIEWER')")
public class ContactFigures {

    /** One type's figures. */
    public record TypeFigures(ContactType type, long logged, long persons, long tallied) {

        public long total() {
            return logged + tallied;
        }
    }

    private final JdbcClient db;
    private final PersonLookup persons;

    ContactFigures(JdbcClient db, PersonLookup persons) {
        this.db = db;
        this.persons = persons;
    }

    /** Every type, in the order of {@link ContactType}, zeros included; department null for the organisation. */
    @Transactional(readOnly = true)
    public Map<ContactType, TypeFigures> byType(UUID departmentId, LocalDate from, LocalDate to) {
        UUID org = Tenancy.requireOrganisationId();
        UUID[] members = departmentId == null ? null : persons.membersDuring(departmentId, from, to).toArray(UUID[]::new);
        Map<ContactType, long[]> counts = new EnumMap<>(ContactType.class);
        for (ContactType t : ContactType.values()) {
            counts.put(t, new long[3]);
        }
        db.sql("""
                        SELECT type, count(*) AS logged, count(DISTINCT person_id) AS persons FROM contact
                         WHERE organisation_id = :org AND voided_at IS NULL
                           AND occurred_at >= :from AND occurred_at < :to
                           AND (CAST(:members AS uuid[]) IS NULL OR person_id = ANY(:members))
                         GROUP BY type""")
                .param("org", org).param("members", members)
                .param("from", ContactRecords.utc(ContactRecords.startOf(from)))
                .param("to", ContactRecords.utc(ContactRecords.startOf(to.plusDays(1))))
                .query((rs, i) -> {
                    long[] c = counts.get(ContactType.valueOf(rs.getString("type")));
                    c[0] = rs.getLong("logged");
                    c[1] = rs.getLong("persons");
                    return null;
                }).list();
        db.sql("""
                        SELECT type, sum(count) AS tallied FROM contact_tally
                         WHERE organisation_id = :org AND voided_at IS NULL AND period_to BETWEEN :from AND :to
                           AND (CAST(:department AS uuid) IS NULL OR department_id = :department)
                         GROUP BY type""")
                .param("org", org).param("department", departmentId).param("from", from).param("to", to)
                .query((rs, i) -> {
                    counts.get(ContactType.valueOf(rs.getString("type")))[2] = rs.getLong("tallied");
                    return null;
                }).list();
        Map<ContactType, TypeFigures> out = new EnumMap<>(ContactType.class);
        counts.forEach((t, c) -> out.put(t, new TypeFigures(t, c[0], c[1], c[2])));
        return out;
    }

    /**
     * The day of the person's first contact that stands (not voided) from {@code from} to {@code to} (Oslo days,
     * both included), if any: for the transitions' «first contact within 7 days». A date only, never what it was.
     */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF', 'REPORT_VIEWER')")
    @Transactional(readOnly = true)
    public Optional<LocalDate> firstContact(UUID personId, LocalDate from, LocalDate to) {
        return db.sql("""
                        SELECT min(occurred_at) FROM contact
                         WHERE organisation_id = ? AND person_id = ? AND voided_at IS NULL
                           AND occurred_at >= ? AND occurred_at < ?""")
                .params(Tenancy.requireOrganisationId(), personId, ContactRecords.utc(ContactRecords.startOf(from)),
                        ContactRecords.utc(ContactRecords.startOf(to.plusDays(1))))
                .query((rs, i) -> rs.getTimestamp(1)).list().stream().filter(java.util.Objects::nonNull).findFirst()
                .map(t -> t.toInstant().atZone(no.tilfrisk.platform.web.Dates.OSLO).toLocalDate());
    }
}
