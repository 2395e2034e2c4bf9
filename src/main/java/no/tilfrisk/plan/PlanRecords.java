package no.tilfrisk.plan;

import static no.tilfrisk.platform.Text.blankToNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import no.tilfrisk.account.UserAccounts;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL for the plan's tables (goals, actions, evaluations, proposals) with no rights checks, no history and no
 * audit: {@link Plans} and {@link MyPlan} check the caller, write the history through {@link PlanHistory} and record
 * in the audit trail. Every statement is bound to the current organisation.
 */
@Component
class PlanRecords {

    record GoalRow(UUID id, UUID parentId, LifeArea lifeArea, String text, PlanStatus status, LocalDate nextEvaluationOn) {

        Goal toGoal(List<Goal> subGoals, Map<UUID, List<PlanAction>> actions, Map<UUID, List<Evaluation>> evaluations) {
            return new Goal(id, parentId, lifeArea, text, status, nextEvaluationOn, subGoals,
                    List.copyOf(actions.getOrDefault(id, List.of())), List.copyOf(evaluations.getOrDefault(id, List.of())));
        }
    }

    record ActionRow(UUID id, UUID goalId, String text, Responsible responsibleKind, UUID responsibleUserId,
                     String responsibleName, LocalDate targetDate, PlanStatus status) {

        PlanAction toAction(Map<UUID, String> userNames) {
            return new PlanAction(id, goalId, text, responsibleKind, responsibleUserId,
                    responsibleUserId != null ? userNames.get(responsibleUserId) : responsibleName, targetDate, status);
        }

        Map<String, String> fields(String staffName) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("text", text);
            m.put("responsible", responsibleKind.name());
            m.put("responsibleName", responsibleUserId != null ? staffName : responsibleName);
            m.put("targetDate", str(targetDate));
            m.put("status", status.name());
            return m;
        }
    }

    record ProposalRow(UUID goalId, LifeArea lifeArea, String text, ProposalStatus status) {
    }

    private final JdbcClient db;
    private final UserAccounts users;
    private final PersonLookup persons;
    private final PlanHistory history;

    PlanRecords(JdbcClient db, UserAccounts users, PersonLookup persons, PlanHistory history) {
        this.db = db;
        this.users = users;
        this.persons = persons;
        this.history = history;
    }

    // ---------------------------------------------------------------- the whole plan

    /** The plan as stored, without checks or audit: the caller has checked access and records the reading. */
    /** The person's open goals, main goals first, for a partner the person shares them with. */
    List<Plans.SharedGoal> sharedGoals(UUID personId) {
        return db.sql("""
                        SELECT id, life_area, text, status FROM plan_goal
                         WHERE person_id = ? AND organisation_id = ? AND status NOT IN ('REACHED', 'CLOSED')
                         ORDER BY parent_id NULLS FIRST, created_at, id""")
                .params(personId, Tenancy.requireOrganisationId()).query(Plans.SharedGoal.class).list();
    }

    Plan load(UUID personId) {
        UUID org = Tenancy.requireOrganisationId();
        List<GoalRow> goals = db.sql("""
                        SELECT id, parent_id, life_area, text, status, next_evaluation_on FROM plan_goal
                         WHERE person_id = ? AND organisation_id = ? ORDER BY created_at, id""")
                .params(personId, org).query(GoalRow.class).list();
        List<ActionRow> actions = db.sql("""
                        SELECT id, goal_id, text, responsible_kind, responsible_user_id, responsible_name, target_date, status
                          FROM plan_action WHERE person_id = ? AND organisation_id = ?
                         ORDER BY target_date NULLS LAST, created_at, id""")
                .params(personId, org).query(ActionRow.class).list();
        record EvaluationRow(UUID id, UUID goalId, LocalDate evaluatedOn, String whatHappened, String nextStep,
                             UUID createdBy) {
        }
        List<EvaluationRow> evaluations = db.sql("""
                        SELECT id, goal_id, evaluated_on, what_happened, next_step, created_by FROM plan_evaluation
                         WHERE person_id = ? AND organisation_id = ? ORDER BY evaluated_on DESC, created_at DESC""")
                .params(personId, org).query(EvaluationRow.class).list();
        record StoredProposal(UUID id, UUID goalId, LifeArea lifeArea, String text, ProposalStatus status,
                              OffsetDateTime proposedAt, OffsetDateTime decidedAt, UUID decidedBy, String decisionComment) {
        }
        List<StoredProposal> proposals = db.sql("""
                        SELECT id, goal_id, life_area, text, status, proposed_at, decided_at, decided_by, decision_comment
                          FROM plan_proposal WHERE person_id = ? AND organisation_id = ? ORDER BY proposed_at DESC, id""")
                .params(personId, org).query(StoredProposal.class).list();
        List<PlanHistory.ChangeRow> changes = history.rows(personId);

        Set<UUID> userIds = new HashSet<>();
        actions.forEach(a -> userIds.add(a.responsibleUserId()));
        evaluations.forEach(e -> userIds.add(e.createdBy()));
        proposals.forEach(p -> userIds.add(p.decidedBy()));
        changes.forEach(c -> userIds.add(c.actorId()));
        userIds.remove(null);
        Map<UUID, String> userNames = users.names(userIds);

        Map<UUID, List<PlanAction>> actionsByGoal = new HashMap<>();
        actions.forEach(a -> actionsByGoal.computeIfAbsent(a.goalId(), k -> new ArrayList<>()).add(a.toAction(userNames)));
        Map<UUID, List<Evaluation>> evaluationsByGoal = new HashMap<>();
        evaluations.forEach(e -> evaluationsByGoal.computeIfAbsent(e.goalId(), k -> new ArrayList<>())
                .add(new Evaluation(e.id(), e.goalId(), e.evaluatedOn(), e.whatHappened(), e.nextStep(),
                        e.createdBy() == null ? null : userNames.get(e.createdBy()))));
        Map<UUID, List<Goal>> subGoals = new HashMap<>();
        goals.stream().filter(g -> g.parentId() != null).forEach(g -> subGoals
                .computeIfAbsent(g.parentId(), k -> new ArrayList<>())
                .add(g.toGoal(List.of(), actionsByGoal, evaluationsByGoal)));
        List<Goal> main = goals.stream().filter(g -> g.parentId() == null)
                .map(g -> g.toGoal(subGoals.getOrDefault(g.id(), List.of()), actionsByGoal, evaluationsByGoal))
                .sorted(Comparator.comparing(Goal::lifeArea))
                .toList();
        Map<UUID, String> goalTexts = goals.stream().collect(Collectors.toMap(GoalRow::id, GoalRow::text));
        List<Proposal> proposalList = proposals.stream().map(p -> new Proposal(p.id(), p.goalId(),
                p.goalId() == null ? null : goalTexts.get(p.goalId()), p.lifeArea(), p.text(), p.status(),
                p.proposedAt().toInstant(), p.decidedAt() == null ? null : p.decidedAt().toInstant(),
                p.decidedBy() == null ? null : userNames.get(p.decidedBy()), p.decisionComment())).toList();
        List<PlanChange> changeList = changes.stream().map(c -> history.toChange(c, userNames)).toList();
        var name = persons.names(List.of(personId)).get(personId);
        return new Plan(personId, name == null ? null : name.displayName(), main, proposalList, changeList);
    }

    // ---------------------------------------------------------------- one record

    GoalRow goalRow(UUID personId, UUID goalId) {
        return db.sql("""
                        SELECT id, parent_id, life_area, text, status, next_evaluation_on FROM plan_goal
                         WHERE id = ? AND person_id = ? AND organisation_id = ?""")
                .params(goalId, personId, Tenancy.requireOrganisationId()).query(GoalRow.class).optional()
                .orElseThrow(() -> new NotFoundException("Goal"));
    }

    ActionRow actionRow(UUID personId, UUID actionId) {
        return db.sql("""
                        SELECT id, goal_id, text, responsible_kind, responsible_user_id, responsible_name, target_date, status
                          FROM plan_action WHERE id = ? AND person_id = ? AND organisation_id = ?""")
                .params(actionId, personId, Tenancy.requireOrganisationId()).query(ActionRow.class).optional()
                .orElseThrow(() -> new NotFoundException("Action"));
    }

    /** The goal's life area, if the person has it (with {@code mainOnly}, only a main goal counts). */
    Optional<LifeArea> goalArea(UUID personId, UUID goalId, boolean mainOnly) {
        return db.sql("SELECT life_area FROM plan_goal WHERE id = ? AND person_id = ? AND organisation_id = ?"
                        + (mainOnly ? " AND parent_id IS NULL" : ""))
                .params(goalId, personId, Tenancy.requireOrganisationId()).query(String.class).optional()
                .map(LifeArea::valueOf);
    }

    /**
     * Whether a record with this id exists in the organisation: of this person, a repeated submit; of another
     * person, «not found», which reveals nothing.
     */
    boolean exists(String table, UUID id, UUID personId) {
        var owner = db.sql("SELECT person_id FROM " + table + " WHERE id = ? AND organisation_id = ?")
                .params(id, Tenancy.requireOrganisationId()).query(UUID.class).optional();
        if (owner.isPresent() && !owner.get().equals(personId)) {
            throw new NotFoundException("Plan");
        }
        return owner.isPresent();
    }

    // ---------------------------------------------------------------- goals, actions, evaluations

    void insertGoal(UUID id, UUID personId, UUID parentId, LifeArea area, String text, PlanStatus status,
                    LocalDate nextEvaluationOn) {
        db.sql("""
                        INSERT INTO plan_goal (id, organisation_id, person_id, parent_id, life_area, text, status,
                                               next_evaluation_on, created_by, updated_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")
                .params(id, Tenancy.requireOrganisationId(), personId, parentId, area.name(), text, status.name(),
                        nextEvaluationOn, PlanAccess.me(), PlanAccess.me())
                .update();
    }

    /** Sets the goal's fields; a main goal's new life area goes to its sub-goals too. */
    void updateGoal(UUID personId, GoalRow before, LifeArea area, String text, PlanStatus status,
                    LocalDate nextEvaluationOn) {
        UUID org = Tenancy.requireOrganisationId();
        db.sql("""
                        UPDATE plan_goal SET life_area = ?, text = ?, status = ?, next_evaluation_on = ?, updated_at = now(),
                               updated_by = ? WHERE id = ? AND person_id = ? AND organisation_id = ?""")
                .params(area.name(), text, status.name(), nextEvaluationOn, PlanAccess.me(), before.id(), personId, org)
                .update();
        if (before.parentId() == null && area != before.lifeArea()) {
            // sub-goals share their main goal's life area
            db.sql("UPDATE plan_goal SET life_area = ? WHERE parent_id = ? AND organisation_id = ?")
                    .params(area.name(), before.id(), org).update();
        }
    }

    void insertAction(UUID id, UUID personId, UUID goalId, ActionForm form) {
        db.sql("""
                        INSERT INTO plan_action (id, organisation_id, person_id, goal_id, text, responsible_kind,
                                                 responsible_user_id, responsible_name, target_date, status, created_by, updated_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")
                .params(id, Tenancy.requireOrganisationId(), personId, goalId, form.getText().strip(),
                        form.getResponsible().name(), staffId(form), storedName(form), form.getTargetDate(),
                        form.getStatus().name(), PlanAccess.me(), PlanAccess.me())
                .update();
    }

    void updateAction(UUID personId, UUID actionId, ActionForm form) {
        db.sql("""
                        UPDATE plan_action SET text = ?, responsible_kind = ?, responsible_user_id = ?, responsible_name = ?,
                               target_date = ?, status = ?, updated_at = now(), updated_by = ?
                         WHERE id = ? AND person_id = ? AND organisation_id = ?""")
                .params(form.getText().strip(), form.getResponsible().name(), staffId(form), storedName(form),
                        form.getTargetDate(), form.getStatus().name(), PlanAccess.me(), actionId, personId,
                        Tenancy.requireOrganisationId())
                .update();
    }

    void setActionReached(UUID personId, UUID actionId, Instant at) {
        db.sql("""
                        UPDATE plan_action SET status = 'REACHED', updated_at = ?, updated_by = ?
                         WHERE id = ? AND person_id = ? AND organisation_id = ?""")
                .params(at.atOffset(ZoneOffset.UTC), PlanAccess.me(), actionId, personId, Tenancy.requireOrganisationId())
                .update();
    }

    /** Back to {@code status} if the caller marked the action reached at or after {@code notBefore}. */
    boolean undoReached(UUID personId, UUID actionId, PlanStatus status, Instant now, Instant notBefore) {
        return db.sql("""
                        UPDATE plan_action SET status = ?, updated_at = ?
                         WHERE id = ? AND person_id = ? AND organisation_id = ? AND status = 'REACHED'
                           AND updated_by = ? AND updated_at >= ?""")
                .params(status.name(), now.atOffset(ZoneOffset.UTC), actionId, personId, Tenancy.requireOrganisationId(),
                        PlanAccess.me(), notBefore.atOffset(ZoneOffset.UTC))
                .update() > 0;
    }

    void insertEvaluation(UUID id, UUID personId, UUID goalId, EvaluationForm form) {
        db.sql("""
                        INSERT INTO plan_evaluation (id, organisation_id, person_id, goal_id, evaluated_on, what_happened,
                                                     next_step, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")
                .params(id, Tenancy.requireOrganisationId(), personId, goalId, form.getEvaluatedOn(),
                        form.getWhatHappened().strip(), blankToNull(form.getNextStep()), PlanAccess.me())
                .update();
    }

    // ---------------------------------------------------------------- proposals

    /** The proposal, locked until the transaction ends. */
    ProposalRow proposalForUpdate(UUID personId, UUID proposalId) {
        return db.sql("""
                        SELECT goal_id, life_area, text, status FROM plan_proposal
                         WHERE id = ? AND person_id = ? AND organisation_id = ? FOR UPDATE""")
                .params(proposalId, personId, Tenancy.requireOrganisationId()).query(ProposalRow.class).optional()
                .orElseThrow(() -> new NotFoundException("Proposal"));
    }

    void decideProposal(UUID proposalId, ProposalStatus status, String comment) {
        db.sql("""
                        UPDATE plan_proposal SET status = ?, decided_at = now(), decided_by = ?, decision_comment = ?
                         WHERE id = ? AND organisation_id = ?""")
                .params(status.name(), PlanAccess.me(), blankToNull(comment), proposalId, Tenancy.requireOrganisationId())
                .update();
    }

    long openProposals(UUID personId) {
        return db.sql("SELECT count(*) FROM plan_proposal WHERE person_id = ? AND organisation_id = ? AND status = 'OPEN'")
                .params(personId, Tenancy.requireOrganisationId()).query(Long.class).single();
    }

    void insertProposal(UUID id, UUID personId, UUID goalId, LifeArea area, String text) {
        db.sql("""
                        INSERT INTO plan_proposal (id, organisation_id, person_id, goal_id, life_area, text, status, proposed_by)
                        VALUES (?, ?, ?, ?, ?, ?, 'OPEN', ?) ON CONFLICT (id) DO NOTHING""")
                .params(id, Tenancy.requireOrganisationId(), personId, goalId, area.name(), text, PlanAccess.me())
                .update();
    }

    // ---------------------------------------------------------------- who is responsible

    /** The responsible's name as the history shows it: the staff member's name, or the name written in. */
    String responsibleName(ActionForm form) {
        return form.getResponsible() == Responsible.STAFF ? nameOfUser(form.getResponsibleUserId()) : storedName(form);
    }

    String nameOfUser(UUID userId) {
        return userId == null ? null : users.names(Set.of(userId)).get(userId);
    }

    private static UUID staffId(ActionForm form) {
        return form.getResponsible() == Responsible.STAFF ? form.getResponsibleUserId() : null;
    }

    private static String storedName(ActionForm form) {
        return form.getResponsible() == Responsible.STAFF ? null : blankToNull(form.getResponsibleName());
    }

    static String str(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
