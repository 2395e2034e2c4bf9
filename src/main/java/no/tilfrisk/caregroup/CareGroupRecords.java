package no.tilfrisk.caregroup;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.tilfrisk.platform.crypto.FieldEncryption;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of the responsibility-group tables, without rights checks or audit (those are in the service). */
@Component
class CareGroupRecords {

    record MemberRow(UUID id, MemberKind kind, UUID userId, UUID partnerOrganisationId, UUID relativeId, String role,
                     boolean notifyEmail) {
    }

    record MeetingRow(UUID id, LocalDate heldOn, byte[] minutesEncrypted) {
    }

    record DecisionRow(UUID id, UUID meetingId, String what, UUID responsibleMemberId, LocalDate dueOn,
                       UUID planActionId, UUID checklistItemId) {
    }

    private final JdbcClient db;
    private final FieldEncryption crypto;

    CareGroupRecords(JdbcClient db, FieldEncryption crypto) {
        this.db = db;
        this.crypto = crypto;
    }

    Optional<UUID> groupOf(UUID personId) {
        return db.sql("SELECT id FROM care_group WHERE organisation_id = ? AND person_id = ?")
                .params(org(), personId).query(UUID.class).optional();
    }

    /** The person's group, made now if it is not there yet. */
    UUID ensureGroup(UUID personId, UUID by) {
        db.sql("""
                        INSERT INTO care_group (id, organisation_id, person_id, created_by) VALUES (?, ?, ?, ?)
                        ON CONFLICT (organisation_id, person_id) DO NOTHING""")
                .params(UUID.randomUUID(), org(), personId, by).update();
        return groupOf(personId).orElseThrow();
    }

    List<MemberRow> members(UUID groupId) {
        return db.sql("""
                        SELECT id, kind, user_id, partner_organisation_id, relative_id, role, notify_email FROM care_group_member
                         WHERE organisation_id = ? AND group_id = ? AND removed_at IS NULL ORDER BY added_at, id""")
                .params(org(), groupId).query(MemberRow.class).list();
    }

    boolean addMember(UUID id, UUID groupId, MemberForm form, String role) {
        return db.sql("""
                        INSERT INTO care_group_member (id, organisation_id, group_id, kind, user_id, partner_organisation_id,
                                                       relative_id, role, notify_email)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(id, org(), groupId, form.getKind().name(),
                        form.getKind() == MemberKind.COORDINATOR || form.getKind() == MemberKind.STAFF ? form.getUserId() : null,
                        form.getKind() == MemberKind.PARTNER ? form.getPartnerId() : null,
                        form.getKind() == MemberKind.RELATIVE ? form.getRelativeId() : null, role,
                        (form.getKind() == MemberKind.COORDINATOR || form.getKind() == MemberKind.STAFF) && form.isNotifyEmail())
                .update() > 0;
    }

    int removeMember(UUID groupId, UUID memberId) {
        return db.sql("""
                        UPDATE care_group_member SET removed_at = now()
                         WHERE organisation_id = ? AND group_id = ? AND id = ? AND removed_at IS NULL""")
                .params(org(), groupId, memberId).update();
    }

    boolean meetingExists(UUID id) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM care_meeting WHERE id = ?)").param(id).query(Boolean.class).single();
    }

    void addMeeting(UUID id, UUID groupId, LocalDate heldOn, String minutes, List<UUID> attendees, UUID by) {
        db.sql("""
                        INSERT INTO care_meeting (id, organisation_id, group_id, held_on, minutes_encrypted, created_by)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(id, org(), groupId, heldOn, minutes == null ? null : crypto.encryptText(minutes, minutesContext(id)), by)
                .update();
        for (UUID member : attendees) {
            db.sql("INSERT INTO care_meeting_attendee (meeting_id, member_id, organisation_id) VALUES (?, ?, ?)")
                    .params(id, member, org()).update();
        }
    }

    /** The first meeting of the group on or after the day. */
    Optional<LocalDate> nextMeeting(UUID groupId, LocalDate from) {
        return db.sql("""
                        SELECT held_on FROM care_meeting WHERE organisation_id = ? AND group_id = ? AND held_on >= ?
                         ORDER BY held_on LIMIT 1""")
                .params(org(), groupId, from).query(LocalDate.class).optional();
    }

    List<MeetingRow> meetings(UUID groupId) {
        return db.sql("""
                        SELECT id, held_on, minutes_encrypted FROM care_meeting WHERE organisation_id = ? AND group_id = ?
                         ORDER BY held_on DESC, created_at DESC""")
                .params(org(), groupId).query(MeetingRow.class).list();
    }

    Optional<UUID> groupOfMeeting(UUID meetingId) {
        return db.sql("SELECT group_id FROM care_meeting WHERE organisation_id = ? AND id = ?")
                .params(org(), meetingId).query(UUID.class).optional();
    }

    String minutes(MeetingRow m) {
        return m.minutesEncrypted() == null ? null : crypto.decryptText(m.minutesEncrypted(), minutesContext(m.id()));
    }

    List<UUID[]> attendees(UUID groupId) {
        return db.sql("""
                        SELECT a.meeting_id, a.member_id FROM care_meeting_attendee a JOIN care_meeting m ON m.id = a.meeting_id
                         WHERE a.organisation_id = ? AND m.group_id = ?""")
                .params(org(), groupId)
                .query((rs, i) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)}).list();
    }

    /** Every member the group ever had (for the names of who came to past meetings), current or removed. */
    List<MemberRow> allMembers(UUID groupId) {
        return db.sql("""
                        SELECT id, kind, user_id, partner_organisation_id, relative_id, role, notify_email FROM care_group_member
                         WHERE organisation_id = ? AND group_id = ? ORDER BY added_at, id""")
                .params(org(), groupId).query(MemberRow.class).list();
    }

    void addDecision(UUID id, UUID meetingId, DecisionForm form, String what, UUID planActionId, UUID checklistItemId,
                     UUID by) {
        db.sql("""
                        INSERT INTO care_decision (id, organisation_id, meeting_id, what, responsible_member_id, due_on,
                                                   plan_action_id, checklist_item_id, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")
                .params(id, org(), meetingId, what, form.getResponsibleMemberId(), form.getDueOn(), planActionId,
                        checklistItemId, by)
                .update();
    }

    boolean decisionExists(UUID id) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM care_decision WHERE id = ?)").param(id).query(Boolean.class).single();
    }

    List<DecisionRow> decisions(UUID groupId) {
        return db.sql("""
                        SELECT d.id, d.meeting_id, d.what, d.responsible_member_id, d.due_on, d.plan_action_id,
                               d.checklist_item_id
                          FROM care_decision d JOIN care_meeting m ON m.id = d.meeting_id
                         WHERE d.organisation_id = ? AND m.group_id = ? ORDER BY d.created_at, d.id""")
                .params(org(), groupId).query(DecisionRow.class).list();
    }

    /** On erasure: the minutes and decisions of the person's group go, and they leave groups as a relative. */
    void erase(UUID personId) {
        groupOf(personId).ifPresent(group -> {
            db.sql("UPDATE care_meeting SET minutes_encrypted = NULL WHERE group_id = ?").param(group).update();
            db.sql("UPDATE care_decision SET what = '–' WHERE meeting_id IN (SELECT id FROM care_meeting WHERE group_id = ?)")
                    .param(group).update();
        });
        db.sql("UPDATE care_group_member SET removed_at = now() WHERE relative_id = ? AND removed_at IS NULL")
                .param(personId).update();
    }

    static String minutesContext(UUID meetingId) {
        return "care_meeting.minutes:" + meetingId;
    }

    private static UUID org() {
        return Tenancy.requireOrganisationId();
    }
}
