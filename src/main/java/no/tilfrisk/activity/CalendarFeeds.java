package no.tilfrisk.activity;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import no.tilfrisk.activity.internal.ActivityAccess;
import no.tilfrisk.organisation.Departments;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A department's sessions as an iCal feed for a phone's or a shared calendar, behind an unguessable address that
 * can be revoked. The feed lists titles and times only, never persons. Only the token's SHA-256 is kept.
 */
@Service
public class CalendarFeeds {

    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final SecureRandom random = new SecureRandom();

    /** A feed as its page lists it; the token itself is shown once, when made. */
    public record Feed(UUID id, UUID departmentId, Instant createdAt, boolean revoked) {
    }

    /** A new feed and its secret token, to show once. */
    public record NewFeed(UUID id, String token) implements Serializable {
    }

    private record Owner(UUID organisationId, UUID departmentId) {
    }

    private final JdbcClient db;
    private final TransactionTemplate tx;

    private final Departments departments;
    private final Clock clock;

    CalendarFeeds(JdbcClient db, TransactionTemplate tx, Departments departments,
                  Clock clock) {
        this.clock = clock;
        this.departments = departments;
        this.db = db;
        this.tx = tx;
    }

    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional(readOnly = true)
    public List<Feed> list() {
        return db.sql("""
                        SELECT id, department_id, created_at, revoked_at IS NOT NULL AS revoked FROM calendar_feed
                         WHERE organisation_id = ? ORDER BY created_at DESC""")
                .param(Tenancy.requireOrganisationId())
                .query((rs, i) -> new Feed(rs.getObject("id", UUID.class), rs.getObject("department_id", UUID.class),
                        rs.getTimestamp("created_at").toInstant(), rs.getBoolean("revoked")))
                .list().stream().filter(f -> ActivityAccess.mayManage(f.departmentId())).toList();
    }

    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional
    public NewFeed create(UUID departmentId) {
        if (departmentId == null || !ActivityAccess.mayManage(departmentId) || !departments.exists(departmentId)) {
            throw new InvalidInputException("departmentId", "activity.department.denied");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID id = UUID.randomUUID();
        db.sql("""
                        INSERT INTO calendar_feed (id, organisation_id, department_id, token_hash, created_by)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(id, Tenancy.requireOrganisationId(), departmentId, hash(token), ActivityAccess.caller().userId())
                .update();
        return new NewFeed(id, token);
    }

    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional
    public void revoke(UUID id) {
        UUID department = db.sql("SELECT department_id FROM calendar_feed WHERE id = ? AND organisation_id = ?")
                .params(id, Tenancy.requireOrganisationId()).query(UUID.class).optional()
                .orElseThrow(() -> new NotFoundException("Feed"));
        if (!ActivityAccess.mayManage(department)) {
            throw new NotFoundException("Feed");
        }
        db.sql("UPDATE calendar_feed SET revoked_at = coalesce(revoked_at, now()) WHERE id = ?").param(id).update();
    }

    /**
     * The feed for a token: the department's sessions from three months back to a year ahead. Empty when the
     * token is unknown or revoked, so a calendar client cannot tell the two apart.
     */
    public Optional<String> render(String token, String calendarName) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        Owner owner = db.sql("SELECT organisation_id, department_id FROM calendar_feed_lookup(?)")
                .param(hash(token))
                .query((rs, i) -> new Owner(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .optional().orElse(null);
        if (owner == null) {
            return Optional.empty();
        }
        return Optional.of(Tenancy.runAs(owner.organisationId(),
                () -> tx.execute(status -> ics(owner.departmentId(), calendarName))));
    }

    private String ics(UUID departmentId, String calendarName) {
        LocalDate today = LocalDate.now(clock);
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Tilfrisk//Aktiviteter//NO"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new XProperty("X-WR-CALNAME", calendarName));
        db.sql("""
                        SELECT s.id, s.date, s.start_time, s.end_time, s.cancelled_at IS NOT NULL AS cancelled, a.name
                          FROM activity_session s JOIN activity a ON a.id = s.activity_id
                         WHERE a.department_id = ? AND a.archived_at IS NULL AND s.date BETWEEN ? AND ?
                         ORDER BY s.date, s.start_time""")
                .params(departmentId, today.minusMonths(3), today.plusYears(1))
                .query((rs, i) -> {
                    LocalDate date = rs.getObject("date", LocalDate.class);
                    LocalTime start = rs.getObject("start_time", LocalTime.class);
                    LocalTime end = rs.getObject("end_time", LocalTime.class);
                    VEvent event;
                    if (start == null) {
                        event = new VEvent(date, date.plusDays(1), rs.getString("name"));
                    } else {
                        // in UTC: every calendar app reads that without a time-zone block
                        ZonedDateTime from = ZonedDateTime.of(date, start, OSLO);
                        ZonedDateTime to = end != null ? ZonedDateTime.of(date, end, OSLO) : from.plusHours(1);
                        event = new VEvent(from.toInstant(), to.toInstant(), rs.getString("name"));
                    }
                    event.add(new Uid(rs.getObject("id", UUID.class) + "@tilfrisk"));
                    if (rs.getBoolean("cancelled")) {
                        event.add(new Status(Status.VALUE_CANCELLED));
                    }
                    return event;
                })
                .list().forEach(calendar::add);
        return calendar.toString();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
