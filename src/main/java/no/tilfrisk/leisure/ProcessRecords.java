package no.tilfrisk.leisure;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tables of processes, steps, decisions, hours and check-ins, read and written without rights checks or audit:
 * {@link Inclusions} and {@link MyLeisure} do those. Every statement stays inside the caller's organisation.
 */
@Component
class ProcessRecords {

    private static final String PROCESS = """
            SELECT id, participant_id, started_on, wishes, club_id, facilitator_id, follow_up_from, outcome,
                   outcome_note, ended_on FROM leisure_process""";

    private final JdbcClient db;

    ProcessRecords(JdbcClient db) {
        this.db = db;
    }

    private static UUID org() {
        return Tenancy.requireOrganisationId();
    }

    Optional<Process> find(UUID id) {
        return db.sql(PROCESS + " WHERE id = ? AND organisation_id = ?").params(id, org())
                .query((rs, i) -> process(rs)).optional();
    }

    Optional<Process> openOf(UUID participantId) {
        return db.sql(PROCESS + " WHERE participant_id = ? AND organisation_id = ? AND ended_on IS NULL")
                .params(participantId, org()).query((rs, i) -> process(rs)).optional();
    }

    List<Process> ofParticipant(UUID participantId) {
        return db.sql(PROCESS + " WHERE participant_id = ? AND organisation_id = ? ORDER BY started_on DESC, id")
                .params(participantId, org()).query((rs, i) -> process(rs)).list();
    }

    /** The processes of these participants, open first, newest first. */
    List<Process> ofParticipants(UUID[] participants) {
        return db.sql(PROCESS + " " + """
                         WHERE organisation_id = ? AND participant_id = ANY(?)
                         ORDER BY ended_on IS NOT NULL, started_on DESC, id""")
                .params(org(), participants).query((rs, i) -> process(rs)).list();
    }

    /** Every process of the organisation (the figures). */
    List<Process> all() {
        return db.sql(PROCESS + " WHERE organisation_id = ?").param(org()).query((rs, i) -> process(rs)).list();
    }

    boolean insert(UUID id, UUID participantId, LocalDate startedOn, String wishes, UUID by) {
        return db.sql("""
                        INSERT INTO leisure_process (id, organisation_id, participant_id, started_on, wishes, created_by)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(id, org(), participantId, startedOn, wishes, by).update() > 0;
    }

    void setWishes(UUID id, String wishes) {
        db.sql("UPDATE leisure_process SET wishes = ?, updated_at = now() WHERE id = ? AND organisation_id = ?")
                .params(wishes, id, org()).update();
    }

    void setClub(UUID id, UUID clubId) {
        db.sql("UPDATE leisure_process SET club_id = ?, updated_at = now() WHERE id = ? AND organisation_id = ?")
                .params(clubId, id, org()).update();
    }

    void setFacilitator(UUID id, UUID facilitatorId) {
        db.sql("UPDATE leisure_process SET facilitator_id = ?, updated_at = now() WHERE id = ? AND organisation_id = ?")
                .params(facilitatorId, id, org()).update();
    }

    /** The follow-up's first day, set once (a repeated step 6 does not move the check-ins). */
    void startFollowUp(UUID id, LocalDate on) {
        db.sql("""
                        UPDATE leisure_process SET follow_up_from = ?, updated_at = now()
                         WHERE id = ? AND organisation_id = ? AND follow_up_from IS NULL""")
                .params(on, id, org()).update();
    }

    /** Ends an open process; false if it had ended meanwhile. */
    boolean end(UUID id, Outcome outcome, String note, LocalDate on) {
        return db.sql("""
                        UPDATE leisure_process SET outcome = ?, outcome_note = ?, ended_on = ?, updated_at = now()
                         WHERE id = ? AND organisation_id = ? AND ended_on IS NULL""")
                .params(outcome.name(), note, on, id, org()).update() > 0;
    }

    List<StepTaken> steps(UUID processId) {
        return db.sql("""
                        SELECT id, step, done_on, participants, note, skipped FROM leisure_step
                         WHERE process_id = ? AND organisation_id = ? ORDER BY done_on, created_at, id""")
                .params(processId, org())
                .query((rs, i) -> new StepTaken(rs.getObject("id", UUID.class), Step.valueOf(rs.getString("step")),
                        rs.getObject("done_on", LocalDate.class), rs.getString("participants"), rs.getString("note"),
                        rs.getBoolean("skipped")))
                .list();
    }

    boolean stepExists(UUID id) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM leisure_step WHERE id = ?)").param(id).query(Boolean.class).single();
    }

    void insertStep(UUID id, UUID processId, StepForm f, String participants, String note, UUID by) {
        db.sql("""
                        INSERT INTO leisure_step (id, organisation_id, process_id, step, done_on, participants, note,
                                                  skipped, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")
                .params(id, org(), processId, f.getStep().name(), f.getDoneOn(), participants, note, f.isSkipped(), by)
                .update();
    }

    List<Decision> decisions(UUID processId) {
        return db.sql("""
                        SELECT d.id, d.process_id, d.reference, d.municipality, d.form, d.hours, d.per, d.valid_from,
                               d.valid_to, coalesce((SELECT sum(h.hours) FROM leisure_decision_hours h
                                                      WHERE h.decision_id = d.id), 0) AS used
                          FROM leisure_decision d
                         WHERE d.process_id = ? AND d.organisation_id = ? ORDER BY d.valid_from DESC, d.id""")
                .params(processId, org()).query((rs, i) -> decision(rs)).list();
    }

    Optional<Decision> decision(UUID id) {
        return db.sql("""
                        SELECT d.id, d.process_id, d.reference, d.municipality, d.form, d.hours, d.per, d.valid_from,
                               d.valid_to, coalesce((SELECT sum(h.hours) FROM leisure_decision_hours h
                                                      WHERE h.decision_id = d.id), 0) AS used
                          FROM leisure_decision d WHERE d.id = ? AND d.organisation_id = ?""")
                .params(id, org()).query((rs, i) -> decision(rs)).optional();
    }

    void insertDecision(UUID id, UUID processId, DecisionForm f, UUID by) {
        db.sql("""
                        INSERT INTO leisure_decision (id, organisation_id, process_id, reference, municipality, form,
                                                      hours, per, valid_from, valid_to, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")
                .params(id, org(), processId, f.getReference().strip(), f.getMunicipality().strip(), f.getForm().name(),
                        f.getHours(), f.getPer().name(), f.getValidFrom(), f.getValidTo(), by)
                .update();
    }

    boolean decisionExists(UUID id) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM leisure_decision WHERE id = ?)").param(id).query(Boolean.class).single();
    }

    boolean hoursExist(UUID id) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM leisure_decision_hours WHERE id = ?)").param(id)
                .query(Boolean.class).single();
    }

    /** The hours logged against the decision from one day to another, both included. */
    BigDecimal hoursBetween(UUID decisionId, LocalDate from, LocalDate to) {
        return db.sql("""
                        SELECT coalesce(sum(hours), 0) FROM leisure_decision_hours
                         WHERE decision_id = ? AND organisation_id = ? AND used_on BETWEEN ? AND ?""")
                .params(decisionId, org(), from, to).query(BigDecimal.class).single();
    }

    void insertHours(UUID id, UUID decisionId, HoursForm f, UUID by) {
        db.sql("""
                        INSERT INTO leisure_decision_hours (id, organisation_id, decision_id, used_on, hours, created_by)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")
                .params(id, org(), decisionId, f.getUsedOn(), f.getHours(), by).update();
    }

    List<CheckInAnswer> answers(UUID processId) {
        return db.sql("""
                        SELECT due, answered_on, rating, still_taking_part, valued_role, by_participant
                          FROM leisure_check_in WHERE process_id = ? AND organisation_id = ?""")
                .params(processId, org()).query((rs, i) -> answer(rs)).list();
    }

    /** Every answer of the organisation with its process (the figures). */
    List<Object[]> allAnswers() {
        return db.sql("""
                        SELECT process_id, due, answered_on, rating, still_taking_part, valued_role, by_participant
                          FROM leisure_check_in WHERE organisation_id = ?""")
                .param(org()).query((rs, i) -> new Object[] {rs.getObject("process_id", UUID.class), answer(rs)}).list();
    }

    /** Records an answer unless that check-in was answered; false when it was. */
    boolean insertAnswer(UUID processId, CheckInDue due, CheckInForm f, LocalDate on, boolean byParticipant, UUID by) {
        return db.sql("""
                        INSERT INTO leisure_check_in (process_id, organisation_id, due, answered_on, rating,
                                                      still_taking_part, valued_role, by_participant, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(processId, org(), due.name(), on, f.getRating(), f.getStillTakingPart(), f.getValuedRole(),
                        byParticipant, by)
                .update() > 0;
    }

    private static CheckInAnswer answer(ResultSet rs) throws SQLException {
        return new CheckInAnswer(CheckInDue.valueOf(rs.getString("due")), rs.getObject("answered_on", LocalDate.class),
                rs.getInt("rating"), rs.getBoolean("still_taking_part"), rs.getBoolean("valued_role"),
                rs.getBoolean("by_participant"));
    }

    private static Decision decision(ResultSet rs) throws SQLException {
        return new Decision(rs.getObject("id", UUID.class), rs.getObject("process_id", UUID.class),
                rs.getString("reference"), rs.getString("municipality"), SupportForm.valueOf(rs.getString("form")),
                rs.getBigDecimal("hours"), Decision.HoursPer.valueOf(rs.getString("per")),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
                rs.getBigDecimal("used"));
    }

    private static Process process(ResultSet rs) throws SQLException {
        String outcome = rs.getString("outcome");
        return new Process(rs.getObject("id", UUID.class), rs.getObject("participant_id", UUID.class),
                rs.getObject("started_on", LocalDate.class), rs.getString("wishes"), rs.getObject("club_id", UUID.class),
                rs.getObject("facilitator_id", UUID.class), rs.getObject("follow_up_from", LocalDate.class),
                outcome == null ? null : Outcome.valueOf(outcome), rs.getString("outcome_note"),
                rs.getObject("ended_on", LocalDate.class));
    }
}
