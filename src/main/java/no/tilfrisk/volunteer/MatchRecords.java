package no.tilfrisk.volunteer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.platform.crypto.FieldEncryption;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.volunteer.matching.Wish;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tables of matches, their state changes, check-ins, meetings and participants' wishes, read and written
 * without rights checks or audit: {@link Matches}, {@link MyVolunteering} and {@link VolunteerWishes} do those.
 * Every statement stays inside the caller's organisation.
 */
@Component
class MatchRecords {

    private static final String MATCH = """
            SELECT id, participant_id, volunteer_id, help_kind, state, end_reason, proposed_on,
                   started_on, first_meeting_on, ended_on FROM volunteer_match""";

    private final JdbcClient db;
    private final FieldEncryption crypto;

    MatchRecords(JdbcClient db, FieldEncryption crypto) {
        this.db = db;
        this.crypto = crypto;
    }

    /** What binds a meeting's encrypted note to its meeting: it decrypts on no other row. */
    static String noteContext(UUID meetingId) {
        return "volunteer.meeting.note:" + meetingId;
    }

    private static UUID org() {
        return Tenancy.requireOrganisationId();
    }

    Optional<Match> find(UUID id) {
        return db.sql(MATCH + " WHERE id = ? AND organisation_id = ?").params(id, org())
                .query((rs, i) -> match(rs)).optional();
    }

    boolean exists(UUID id) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM volunteer_match WHERE id = ?)").param(id)
                .query(Boolean.class).single();
    }

    List<Match> ofParticipant(UUID personId) {
        return db.sql(MATCH + " WHERE participant_id = ? AND organisation_id = ? ORDER BY proposed_on DESC, id")
                .params(personId, org()).query((rs, i) -> match(rs)).list();
    }

    List<Match> ofVolunteer(UUID personId) {
        return db.sql(MATCH + " WHERE volunteer_id = ? AND organisation_id = ? ORDER BY proposed_on DESC, id")
                .params(personId, org()).query((rs, i) -> match(rs)).list();
    }

    /** Every open match of the organisation (for the matcher's loads and the check-ins). */
    List<Match> open() {
        return db.sql(MATCH + " WHERE organisation_id = ? AND state <> 'ENDED'").param(org())
                .query((rs, i) -> match(rs)).list();
    }

    /** Inserts a proposal unless the id is taken; false when it was. */
    boolean insert(UUID id, ProposalForm form, LocalDate today, UUID by) {
        return db.sql("""
                        INSERT INTO volunteer_match (id, organisation_id, participant_id, volunteer_id, help_kind, state,
                                                     proposed_on, proposed_by)
                        VALUES (?, ?, ?, ?, ?, 'PROPOSED', ?, ?) ON CONFLICT (id) DO NOTHING""")
                .params(id, org(), form.getParticipantId(), form.getVolunteerId(), form.getHelpKind().name(),
                        today, by)
                .update() > 0;
    }

    /** The plan goals the participant shares with the match's volunteer. */
    List<UUID> goalIds(UUID matchId) {
        return db.sql("SELECT goal_id FROM volunteer_match_goal WHERE match_id = ? AND organisation_id = ? ORDER BY chosen_at, goal_id")
                .params(matchId, org()).query(UUID.class).list();
    }

    /** The shared goals become exactly these (checked by the caller as the participant's open goals). */
    void replaceGoals(UUID matchId, Collection<UUID> goalIds, UUID by) {
        db.sql("DELETE FROM volunteer_match_goal WHERE match_id = ? AND organisation_id = ? AND NOT goal_id = ANY(?)")
                .params(matchId, org(), goalIds.toArray(UUID[]::new)).update();
        for (UUID goal : goalIds) {
            db.sql("""
                            INSERT INTO volunteer_match_goal (match_id, goal_id, organisation_id, chosen_by)
                            VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                    .params(matchId, goal, org(), by).update();
        }
    }

    /** Moves the match on, only from the state it was read in (a concurrent move makes this return false). */
    boolean move(Match m, MatchAction action, MatchLifecycle.Outcome to, LocalDate on) {
        return db.sql("""
                        UPDATE volunteer_match
                           SET state = :to, end_reason = :reason, updated_at = now(),
                               participant_accepted_at = CASE WHEN :participant THEN now() ELSE participant_accepted_at END,
                               volunteer_accepted_at = CASE WHEN :volunteer THEN now() ELSE volunteer_accepted_at END,
                               started_on = CASE WHEN :to = 'ACTIVE' THEN coalesce(started_on, :on) ELSE started_on END,
                               ended_on = CASE WHEN :to = 'ENDED' THEN :on ELSE ended_on END
                         WHERE id = :id AND organisation_id = :org AND state = :from""")
                .param("to", to.state().name()).param("reason", to.reason() == null ? null : to.reason().name())
                .param("participant", action == MatchAction.ACCEPT_FOR_PARTICIPANT)
                .param("volunteer", action == MatchAction.ACCEPT_FOR_VOLUNTEER)
                .param("on", on).param("id", m.id()).param("org", org()).param("from", m.state().name())
                .update() > 0;
    }

    void event(UUID matchId, MatchState from, MatchState to, EndReason reason, Actor actor, UUID by) {
        db.sql("""
                        INSERT INTO volunteer_match_event (id, organisation_id, match_id, from_state, to_state, end_reason,
                                                           acted_as, by_user)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), org(), matchId, from == null ? null : from.name(), to.name(),
                        reason == null ? null : reason.name(), actor.name(), by)
                .update();
    }

    List<MatchEvent> events(UUID matchId) {
        return db.sql("""
                        SELECT from_state, to_state, end_reason, acted_as, at, by_user FROM volunteer_match_event
                         WHERE match_id = ? AND organisation_id = ? ORDER BY at, id""")
                .params(matchId, org())
                .query((rs, i) -> new MatchEvent(
                        rs.getString(1) == null ? null : MatchState.valueOf(rs.getString(1)),
                        MatchState.valueOf(rs.getString(2)),
                        rs.getString(3) == null ? null : EndReason.valueOf(rs.getString(3)),
                        Actor.valueOf(rs.getString(4)), rs.getObject(5, OffsetDateTime.class).toInstant(),
                        rs.getObject(6, UUID.class)))
                .list();
    }

    // ---------------------------------------------------------------- check-ins

    List<String> checkInsDone(UUID matchId) {
        return db.sql("SELECT step FROM volunteer_check_in WHERE match_id = ? AND organisation_id = ?")
                .params(matchId, org()).query(String.class).list();
    }

    /** Every check-in done in the organisation, by match. */
    Map<UUID, Set<String>> checkInsDone() {
        Map<UUID, Set<String>> done = new HashMap<>();
        db.sql("SELECT match_id, step FROM volunteer_check_in WHERE organisation_id = ?").param(org())
                .query((rs, i) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2)))
                .list().forEach(e -> done.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(e.getValue()));
        return done;
    }

    void checkIn(UUID matchId, CheckIn step, UUID by) {
        db.sql("""
                        INSERT INTO volunteer_check_in (match_id, organisation_id, step, done_by) VALUES (?, ?, ?, ?)
                        ON CONFLICT DO NOTHING""")
                .params(matchId, org(), step.name(), by).update();
    }

    // ---------------------------------------------------------------- meetings

    /** Inserts a meeting unless the id is taken, its note encrypted (V29); false when the id was taken. */
    boolean insertMeeting(UUID id, UUID matchId, MeetingForm form, String note, UUID by) {
        boolean inserted = db.sql("""
                        INSERT INTO volunteer_meeting (id, organisation_id, match_id, met_on, hours, what, note_encrypted,
                                                       created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")
                .params(id, org(), matchId, form.getMetOn(), form.getHours(), form.getWhat().name(),
                        crypto.encryptText(note, noteContext(id)), by)
                .update() > 0;
        if (inserted) {
            db.sql("""
                            UPDATE volunteer_match SET first_meeting_on = ?, updated_at = now()
                             WHERE id = ? AND organisation_id = ? AND (first_meeting_on IS NULL OR first_meeting_on > ?)""")
                    .params(form.getMetOn(), matchId, org(), form.getMetOn()).update();
        }
        return inserted;
    }

    boolean meetingExists(UUID id) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM volunteer_meeting WHERE id = ?)").param(id)
                .query(Boolean.class).single();
    }

    List<Meeting> meetings(UUID matchId) {
        return db.sql("""
                        SELECT id, match_id, met_on, hours, what, note_encrypted FROM volunteer_meeting
                         WHERE match_id = ? AND organisation_id = ? ORDER BY met_on DESC, created_at DESC""")
                .params(matchId, org())
                .query((rs, i) -> new Meeting(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, LocalDate.class), rs.getBigDecimal(4), MeetingKind.valueOf(rs.getString(5)),
                        crypto.decryptText(rs.getBytes(6), noteContext(rs.getObject(1, UUID.class)))))
                .list();
    }

    // ---------------------------------------------------------------- wishes

    Optional<VolunteerWish> wish(UUID personId) {
        return db.sql("""
                        SELECT person_id, wishes, wish_text, languages, area, availability, waiting, set_by_participant
                          FROM volunteer_wish WHERE person_id = ? AND organisation_id = ?""")
                .params(personId, org()).query((rs, i) -> wish(rs)).optional();
    }

    /** Every wish that is waiting, of participants with no open match. */
    List<VolunteerWish> waitingWishes() {
        return db.sql("""
                        SELECT w.person_id, w.wishes, w.wish_text, w.languages, w.area, w.availability, w.waiting,
                               w.set_by_participant
                          FROM volunteer_wish w
                         WHERE w.organisation_id = ? AND w.waiting
                           AND NOT EXISTS (SELECT 1 FROM volunteer_match m WHERE m.participant_id = w.person_id
                                              AND m.state <> 'ENDED')""")
                .param(org()).query((rs, i) -> wish(rs)).list();
    }

    void saveWish(VolunteerWish w, UUID by) {
        db.sql("""
                        INSERT INTO volunteer_wish (person_id, organisation_id, wishes, wish_text, languages, area,
                                                    availability, waiting, set_by_participant, updated_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (person_id) DO UPDATE
                           SET wishes = excluded.wishes, wish_text = excluded.wish_text, languages = excluded.languages,
                               area = excluded.area, availability = excluded.availability, waiting = excluded.waiting,
                               set_by_participant = excluded.set_by_participant, updated_at = now(),
                               updated_by = excluded.updated_by
                         WHERE volunteer_wish.organisation_id = excluded.organisation_id""")
                .params(w.personId(), org(), w.wishes().stream().map(Enum::name).toArray(String[]::new), w.text(),
                        w.languages().toArray(String[]::new), w.area(), w.availability().toArray(String[]::new),
                        w.waiting(), w.setByParticipant(), by)
                .update();
    }

    private static VolunteerWish wish(ResultSet rs) throws SQLException {
        return new VolunteerWish(rs.getObject(1, UUID.class), VolunteerRecords.enums(rs.getArray(2), Wish.class),
                rs.getString(3), VolunteerRecords.strings(rs.getArray(4)), rs.getString(5),
                VolunteerRecords.strings(rs.getArray(6)), rs.getBoolean(7), rs.getBoolean(8));
    }

    private static Match match(ResultSet rs) throws SQLException {
        return new Match(rs.getObject("id", UUID.class), rs.getObject("participant_id", UUID.class),
                rs.getObject("volunteer_id", UUID.class), Wish.valueOf(rs.getString("help_kind")),
                MatchState.valueOf(rs.getString("state")),
                rs.getString("end_reason") == null ? null : EndReason.valueOf(rs.getString("end_reason")),
                rs.getObject("proposed_on", LocalDate.class),
                rs.getObject("started_on", LocalDate.class), rs.getObject("first_meeting_on", LocalDate.class),
                rs.getObject("ended_on", LocalDate.class));
    }
}
