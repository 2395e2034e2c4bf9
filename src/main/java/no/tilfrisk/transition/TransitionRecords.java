package no.tilfrisk.transition;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The transition tables read and written without rights checks or audit: {@link Transitions},
 * {@link TransitionAlerts} and {@link MyTransition} do those. Every statement stays inside the caller's
 * organisation.
 */
@Component
class TransitionRecords {

    private static final String TRANSITION = """
            SELECT t.id, t.person_id, t.kind, t.institution_id, i.name AS institution_name, t.stay_started_on,
                   t.expected_on, t.actual_on, t.municipality, t.own_words, t.coordinator_id, t.created_at,
                   t.cancelled_at, t.cancelled_reason, t.cancelled_by
              FROM transition t LEFT JOIN transition_institution i ON i.id = t.institution_id
            """;

    private static final String ITEM = """
            SELECT id, transition_id, code, label, status, responsible_kind, responsible_account_id,
                   responsible_partner_org, due_on, note, updated_at, updated_as FROM transition_checklist_item""";

    private static final String ALERT = """
            SELECT id, transition_id, step, target_date, recipient_id, open_items, created_on FROM transition_alert""";

    private final JdbcClient db;
    private final Clock clock;

    TransitionRecords(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The clock's instant, so a fixed clock governs when an alert closed (the figure «open at a date» reads it). */
    private OffsetDateTime now() {
        return Instant.now(clock).atOffset(ZoneOffset.UTC);
    }

    static UUID org() {
        return Tenancy.requireOrganisationId();
    }

    /** A transition, cancelled or not (for reading: a cancelled one says so). */
    Optional<Transition> findAny(UUID id) {
        return db.sql(TRANSITION + " WHERE t.id = ? AND t.organisation_id = ?")
                .params(id, org()).query((rs, i) -> transition(rs)).optional();
    }

    /** A transition not cancelled (for every change and for the alerts). */
    Optional<Transition> find(UUID id) {
        return db.sql(TRANSITION + " WHERE t.id = ? AND t.organisation_id = ? AND t.cancelled_at IS NULL")
                .params(id, org()).query((rs, i) -> transition(rs)).optional();
    }

    boolean exists(UUID id) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM transition WHERE id = ?)").param(id).query(Boolean.class).single();
    }

    /** The person's transitions, the cancelled ones included (they say so). */
    List<Transition> ofPerson(UUID personId) {
        return db.sql(TRANSITION + """
                         WHERE t.person_id = ? AND t.organisation_id = ?
                         ORDER BY t.expected_on DESC, t.id""")
                .params(personId, org()).query((rs, i) -> transition(rs)).list();
    }

    /** Transitions not cancelled whose date (actual, else expected) is in [from, to]. */
    List<Transition> between(LocalDate from, LocalDate to) {
        return db.sql(TRANSITION + """
                         WHERE t.organisation_id = ? AND t.cancelled_at IS NULL
                           AND COALESCE(t.actual_on, t.expected_on) BETWEEN ? AND ?
                         ORDER BY COALESCE(t.actual_on, t.expected_on), t.id""")
                .params(org(), from, to).query((rs, i) -> transition(rs)).list();
    }

    boolean insert(UUID id, UUID personId, TransitionForm f, String municipality, String ownWords, UUID coordinator,
                   UUID by) {
        return db.sql("""
                        INSERT INTO transition (id, organisation_id, person_id, kind, institution_id, stay_started_on,
                                                expected_on, actual_on, municipality, own_words, coordinator_id,
                                                created_by, updated_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")
                .params(id, org(), personId, f.getKind().name(), f.getInstitutionId(), f.getStayStartedOn(),
                        f.getExpectedOn(), f.getActualOn(), municipality, ownWords, coordinator, by, by)
                .update() > 0;
    }

    void update(UUID id, TransitionForm f, String municipality, String ownWords, UUID coordinator, UUID by) {
        db.sql("""
                        UPDATE transition SET kind = ?, institution_id = ?, stay_started_on = ?, actual_on = ?,
                               municipality = ?, own_words = ?, coordinator_id = ?, updated_at = now(), updated_by = ?
                         WHERE id = ? AND organisation_id = ?""")
                .params(f.getKind().name(), f.getInstitutionId(), f.getStayStartedOn(), f.getActualOn(), municipality,
                        ownWords, coordinator, by, id, org())
                .update();
    }

    /** Cancels a transition not yet cancelled; false if it was (a double submit cancels once). */
    boolean cancel(UUID id, String reason, UUID by) {
        return db.sql("""
                        UPDATE transition SET cancelled_at = ?, cancelled_reason = ?, cancelled_by = ?, updated_at = now(),
                               updated_by = ?
                         WHERE id = ? AND organisation_id = ? AND cancelled_at IS NULL""")
                .params(now(), reason, by, by, id, org()).update() > 0;
    }

    int nextPosition(UUID transitionId) {
        return db.sql("SELECT COALESCE(max(position), -1) + 1 FROM transition_checklist_item WHERE transition_id = ? AND organisation_id = ?")
                .params(transitionId, org()).query(Integer.class).single();
    }

    boolean itemExists(UUID id) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM transition_checklist_item WHERE id = ?)").param(id)
                .query(Boolean.class).single();
    }

    void moveDate(UUID moveId, Transition t, LocalDate to, String reason, UUID by) {
        db.sql("""
                        INSERT INTO transition_date_move (id, organisation_id, transition_id, from_date, to_date, reason,
                                                          moved_by) VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(moveId, org(), t.id(), t.expectedOn(), to, reason, by).update();
        db.sql("UPDATE transition SET expected_on = ?, updated_at = now(), updated_by = ? WHERE id = ? AND organisation_id = ?")
                .params(to, by, t.id(), org()).update();
    }

    List<DateMove> moves(UUID transitionId) {
        return db.sql("""
                        SELECT m.from_date, m.to_date, m.reason, m.moved_at, m.moved_by, u.display_name
                          FROM transition_date_move m LEFT JOIN app_user u ON u.id = m.moved_by
                         WHERE m.transition_id = ? AND m.organisation_id = ? ORDER BY m.moved_at, m.id""")
                .params(transitionId, org())
                .query((rs, i) -> new DateMove(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class),
                        rs.getString(3), instant(rs, 4), rs.getObject(5, UUID.class), rs.getString(6)))
                .list();
    }

    // ---- checklist

    void insertItem(UUID id, UUID transitionId, ChecklistCode code, UUID extraId, String label, int position) {
        db.sql("""
                        INSERT INTO transition_checklist_item (id, organisation_id, transition_id, code, extra_id, label,
                                                               position)
                        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(id, org(), transitionId, code.name(), extraId, label, position).update();
    }

    List<ChecklistItem> items(UUID transitionId) {
        return db.sql(ITEM + " WHERE transition_id = ? AND organisation_id = ? ORDER BY position, id")
                .params(transitionId, org()).query((rs, i) -> item(rs)).list();
    }

    List<ChecklistItem> itemsOf(List<UUID> transitionIds) {
        return db.sql(ITEM + " WHERE transition_id = ANY(?) AND organisation_id = ? ORDER BY position, id")
                .params(transitionIds.toArray(UUID[]::new), org()).query((rs, i) -> item(rs)).list();
    }

    Optional<ChecklistItem> item(UUID id) {
        return db.sql(ITEM + " WHERE id = ? AND organisation_id = ?").params(id, org())
                .query((rs, i) -> item(rs)).optional();
    }

    void setItem(UUID id, ItemForm f, String note, UUID by) {
        db.sql("""
                        UPDATE transition_checklist_item
                           SET status = ?, responsible_kind = ?, responsible_account_id = ?, responsible_partner_org = ?,
                               due_on = ?, note = ?, updated_at = now(), updated_by = ?, updated_as = 'STAFF'
                         WHERE id = ? AND organisation_id = ?""")
                .params(f.getStatus().name(), f.getResponsibleKind() == null ? null : f.getResponsibleKind().name(),
                        f.getResponsibleKind() == ResponsibleKind.STAFF ? f.getResponsibleAccountId() : null,
                        f.getResponsibleKind() == ResponsibleKind.PARTNER ? f.getResponsiblePartnerOrg() : null,
                        f.getDueOn(), note, by, id, org())
                .update();
    }

    void updateItem(UUID id, ItemStatus status, String note, UUID by, Actor as) {
        db.sql("""
                        UPDATE transition_checklist_item SET status = ?, note = ?, updated_at = now(), updated_by = ?,
                               updated_as = ? WHERE id = ? AND organisation_id = ?""")
                .params(status.name(), note, by, as.name(), id, org()).update();
    }

    /** Keeps a status change with its day (the clock's, in Oslo), when the status changed. */
    void statusEvent(UUID itemId, ItemStatus before, ItemStatus after, UUID by, Actor as) {
        if (before == after) {
            return;
        }
        db.sql("""
                        INSERT INTO transition_item_event (id, organisation_id, item_id, status, on_date, at, by_user, acted_as)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), org(), itemId, after.name(), LocalDate.now(clock), now(), by, as.name())
                .update();
    }

    // ---- alerts

    List<Alert> openAlerts(UUID transitionId) {
        return db.sql(ALERT + " WHERE transition_id = ? AND organisation_id = ? AND closed_at IS NULL ORDER BY created_on, id")
                .params(transitionId, org()).query((rs, i) -> alert(rs)).list();
    }

    List<Alert> openAlertsFor(UUID recipientId) {
        return db.sql(ALERT + " WHERE recipient_id = ? AND organisation_id = ? AND closed_at IS NULL ORDER BY created_on, id")
                .params(recipientId, org()).query((rs, i) -> alert(rs)).list();
    }

    Optional<Alert> alert(UUID id) {
        return db.sql(ALERT + " WHERE id = ? AND organisation_id = ?").params(id, org())
                .query((rs, i) -> alert(rs)).optional();
    }

    /** Inserts an alert unless the same step of the same date already went to the recipient; true if new. */
    boolean insertAlert(UUID transitionId, AlertStep step, LocalDate target, UUID recipient, List<UUID> openItems,
                        LocalDate today) {
        return db.sql("""
                        INSERT INTO transition_alert (id, organisation_id, transition_id, step, target_date, recipient_id,
                                                      open_items, created_on, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (transition_id, step, target_date, recipient_id)
                        DO NOTHING""")
                .params(UUID.randomUUID(), org(), transitionId, step.name(), target, recipient,
                        openItems.toArray(UUID[]::new), today, now())
                .update() > 0;
    }

    /** Closes the open alerts of a transition (all, or those to one recipient) with a reason. */
    int closeAlerts(UUID transitionId, UUID recipient, String reason) {
        return db.sql("""
                        UPDATE transition_alert SET closed_at = ?, closed_reason = ?
                         WHERE transition_id = ? AND organisation_id = ? AND closed_at IS NULL
                           AND (CAST(? AS uuid) IS NULL OR recipient_id = ?)""")
                .params(now(), reason, transitionId, org(), recipient, recipient).update();
    }

    /**
     * Closes the open alerts about items not in place (every step but the missing first contact) whose items are
     * all in place or not needed now: «ready».
     */
    void closeReadyAlerts(UUID transitionId) {
        db.sql("""
                        UPDATE transition_alert a SET closed_at = ?, closed_reason = 'READY'
                         WHERE a.transition_id = ? AND a.organisation_id = ? AND a.closed_at IS NULL
                           AND a.step <> 'NO_CONTACT'
                           AND NOT EXISTS (SELECT 1 FROM transition_checklist_item i
                                            WHERE i.id = ANY(a.open_items) AND i.status NOT IN ('IN_PLACE', 'NOT_NEEDED'))""")
                .params(now(), transitionId, org()).update();
    }

    /** A newer readiness step replaces the recipient's earlier ones: they close as «next». */
    void closeEarlierSteps(UUID transitionId, UUID recipient, AlertStep step) {
        db.sql("""
                        UPDATE transition_alert SET closed_at = ?, closed_reason = 'NEXT'
                         WHERE transition_id = ? AND organisation_id = ? AND recipient_id = ? AND closed_at IS NULL
                           AND step NOT IN (?, 'NO_CONTACT')""")
                .params(now(), transitionId, org(), recipient, step.name()).update();
    }

    void closeAlert(UUID id, String reason) {
        db.sql("UPDATE transition_alert SET closed_at = ?, closed_reason = ? WHERE id = ? AND organisation_id = ? AND closed_at IS NULL")
                .params(now(), reason, id, org()).update();
    }

    void markEmailed(UUID transitionId, AlertStep step, LocalDate target, UUID recipient) {
        db.sql("""
                        UPDATE transition_alert SET emailed_at = ?
                         WHERE transition_id = ? AND step = ? AND target_date = ? AND recipient_id = ?
                           AND organisation_id = ?""")
                .params(now(), transitionId, step.name(), target, recipient, org()).update();
    }

    boolean wantsEmail(UUID userId) {
        return userId != null && db.sql("SELECT EXISTS (SELECT 1 FROM transition_alert_email WHERE user_id = ? AND organisation_id = ?)")
                .params(userId, org()).query(Boolean.class).single();
    }

    void chooseEmail(UUID userId, boolean chosen) {
        if (chosen) {
            db.sql("INSERT INTO transition_alert_email (user_id, organisation_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                    .params(userId, org()).update();
        } else {
            db.sql("DELETE FROM transition_alert_email WHERE user_id = ? AND organisation_id = ?").params(userId, org()).update();
        }
    }

    // ---- mapping

    private static Transition transition(ResultSet rs) throws SQLException {
        return new Transition(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                TransitionKind.valueOf(rs.getString("kind")), rs.getObject("institution_id", UUID.class),
                rs.getString("institution_name"), rs.getObject("stay_started_on", LocalDate.class),
                rs.getObject("expected_on", LocalDate.class), rs.getObject("actual_on", LocalDate.class),
                rs.getString("municipality"), rs.getString("own_words"), rs.getObject("coordinator_id", UUID.class),
                instant(rs, "created_at"), instant(rs, "cancelled_at"), rs.getString("cancelled_reason"),
                rs.getObject("cancelled_by", UUID.class));
    }

    private static ChecklistItem item(ResultSet rs) throws SQLException {
        String kind = rs.getString("responsible_kind");
        String as = rs.getString("updated_as");
        return new ChecklistItem(rs.getObject("id", UUID.class), rs.getObject("transition_id", UUID.class),
                ChecklistCode.valueOf(rs.getString("code")), rs.getString("label"),
                ItemStatus.valueOf(rs.getString("status")), kind == null ? null : ResponsibleKind.valueOf(kind),
                rs.getObject("responsible_account_id", UUID.class), rs.getObject("responsible_partner_org", UUID.class),
                rs.getObject("due_on", LocalDate.class), rs.getString("note"), instant(rs, "updated_at"),
                as == null ? null : Actor.valueOf(as));
    }

    private static Alert alert(ResultSet rs) throws SQLException {
        Array a = rs.getArray("open_items");
        List<UUID> open = a == null ? List.of() : Arrays.stream((Object[]) a.getArray()).map(o -> (UUID) o).toList();
        return new Alert(rs.getObject("id", UUID.class), rs.getObject("transition_id", UUID.class),
                AlertStep.valueOf(rs.getString("step")), rs.getObject("target_date", LocalDate.class),
                rs.getObject("recipient_id", UUID.class), open, rs.getObject("created_on", LocalDate.class));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
