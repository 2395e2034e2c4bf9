package no.tilfrisk.plan;

import static no.tilfrisk.platform.Text.blankToNull;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import no.tilfrisk.account.UserAccounts;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.Dates;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The participant's plan as staff keep it with them: goals in the participant's own words (with sub-goals),
 * actions with who is responsible, evaluations, and the participant's proposals, which change nothing until a
 * guide accepts them. Every change is one row of history (who, when, before and after) in the same transaction,
 * and every read and write of a plan one row in the audit trail. Staff reach the persons they may see in the
 * person register; the participant reads their own plan here (through the API) and works on it in {@link MyPlan}.
 */
@Service
public class Plans {

    /** How far ahead the task list looks for evaluations and actions due. */
    static final int TASK_HORIZON_DAYS = 30;

    /** Something on a staff member's task list: an evaluation or an action due. */
    public record Due(UUID personId, String personName, UUID goalId, UUID actionId, String text, LocalDate due) {

        public boolean isEvaluation() {
            return actionId == null;
        }
    }

    private final JdbcClient db;
    private final AuditTrail audit;
    private final PersonLookup persons;
    private final UserAccounts users;
    private final PlanAccess access;
    private final JsonMapper json;
    private final Clock clock;

    Plans(JdbcClient db, AuditTrail audit, PersonLookup persons, UserAccounts users, PlanAccess access, JsonMapper json,
          Clock clock) {
        this.clock = clock;
        this.db = db;
        this.audit = audit;
        this.persons = persons;
        this.users = users;
        this.access = access;
        this.json = json;
    }

    // ---------------------------------------------------------------- reading

    /**
     * Main goals (hovedmål, not sub-goals) among a set of persons, for reports: how many goals were set by the end
     * of the period and how many of them stand as reached, and how many of the persons had a goal and how many
     * reached at least one. Counts only, no one is shown; persons of another organisation count nowhere.
     */
    public record GoalTally(long goals, long reached, long persons, long personsReached) {
    }

    /** See {@link GoalTally}: goals created on or before {@code to} among these persons. */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'REPORT_VIEWER')")
    @Transactional(readOnly = true)
    public GoalTally goalTally(java.util.Collection<UUID> personIds, LocalDate to) {
        if (personIds.isEmpty()) {
            return new GoalTally(0, 0, 0, 0);
        }
        return db.sql("""
                        WITH g AS (
                            SELECT person_id, status = 'REACHED' AS reached
                              FROM plan_goal
                             WHERE organisation_id = :org AND parent_id IS NULL AND person_id = ANY(:persons)
                               AND created_at < CAST(:to AS date) + 1
                        )
                        SELECT count(*) AS goals, count(*) FILTER (WHERE reached) AS reached,
                               count(DISTINCT person_id) AS persons,
                               count(DISTINCT person_id) FILTER (WHERE reached) AS persons_reached
                          FROM g""")
                .param("org", Tenancy.requireOrganisationId()).param("persons", personIds.toArray(UUID[]::new))
                .param("to", to)
                .query((rs, i) -> new GoalTally(rs.getLong("goals"), rs.getLong("reached"), rs.getLong("persons"),
                        rs.getLong("persons_reached")))
                .single();
    }

    /** The person's whole plan, for staff who may see the person and for the participant themself. */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF', 'PARTICIPANT')")
    @Transactional
    public Plan plan(UUID personId) {
        access.requireReadable(personId);
        Plan plan = load(personId);
        audit.record(personId, AuditAction.READ, "plan.plan");
        return plan;
    }

    /** One goal of the person's plan (a main goal or a sub-goal), for its forms. */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional
    public Goal goal(UUID personId, UUID goalId) {
        access.requireStaff(personId);
        Goal goal = load(personId).allGoals().stream().filter(g -> g.id().equals(goalId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Goal"));
        audit.record(personId, AuditAction.READ, "plan.goal");
        return goal;
    }

    /** One action of the person's plan, for its form. */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional
    public PlanAction action(UUID personId, UUID actionId) {
        access.requireStaff(personId);
        PlanAction action = load(personId).allActions().stream().filter(a -> a.id().equals(actionId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Action"));
        audit.record(personId, AuditAction.READ, "plan.action");
        return action;
    }

    // ---------------------------------------------------------------- goals

    /**
     * Adds a goal (or, with a parent, a sub-goal) under the id the form carried, so a double submit adds one. An id
     * already used in this organisation returns it unchanged.
     */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional
    public UUID addGoal(UUID id, UUID personId, GoalForm form) {
        access.requireStaff(personId);
        if (exists("plan_goal", id, personId)) {
            return id;
        }
        List<InvalidInputException> broken = new ArrayList<>();
        LifeArea area = checkGoal(personId, form, null, broken);
        InvalidInputException.throwIfAny(broken);
        insertGoal(id, personId, form.getParentId(), area, form.getText().strip(), form.getStatus(),
                form.getNextEvaluationOn());
        return id;
    }

    /** Changes a goal's words, life area, status or next evaluation date; a change of nothing writes nothing. */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional
    public void updateGoal(UUID personId, UUID goalId, GoalForm form) {
        access.requireStaff(personId);
        GoalRow before = goalRow(personId, goalId);
        List<InvalidInputException> broken = new ArrayList<>();
        form.setParentId(before.parentId());
        LifeArea area = checkGoal(personId, form, before, broken);
        InvalidInputException.throwIfAny(broken);
        changeGoal(personId, before, area, form.getText().strip(), form.getStatus(), form.getNextEvaluationOn());
    }

    // ---------------------------------------------------------------- actions

    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional
    public UUID addAction(UUID id, UUID personId, UUID goalId, ActionForm form) {
        access.requireStaff(personId);
        goalRow(personId, goalId);
        if (exists("plan_action", id, personId)) {
            return id;
        }
        List<InvalidInputException> broken = new ArrayList<>();
        checkAction(form, null, broken);
        InvalidInputException.throwIfAny(broken);
        String responsibleName = responsibleName(form);
        db.sql("""
                        INSERT INTO plan_action (id, organisation_id, person_id, goal_id, text, responsible_kind,
                                                 responsible_user_id, responsible_name, target_date, status, created_by, updated_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")
                .params(id, Tenancy.requireOrganisationId(), personId, goalId, form.getText().strip(),
                        form.getResponsible().name(), staffId(form), storedName(form), form.getTargetDate(),
                        form.getStatus().name(), PlanAccess.me(), PlanAccess.me())
                .update();
        Map<String, String> after = new LinkedHashMap<>();
        after.put("text", form.getText().strip());
        after.put("responsible", form.getResponsible().name());
        after.put("responsibleName", responsibleName);
        after.put("targetDate", str(form.getTargetDate()));
        after.put("status", form.getStatus().name());
        change(personId, "ACTION", id, "created", Map.of(), after);
        audit.record(personId, AuditAction.CREATE, "plan.action");
        return id;
    }

    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional
    public void updateAction(UUID personId, UUID actionId, ActionForm form) {
        access.requireStaff(personId);
        ActionRow before = actionRow(personId, actionId);
        List<InvalidInputException> broken = new ArrayList<>();
        checkAction(form, before, broken);
        InvalidInputException.throwIfAny(broken);
        Map<String, String> was = before.fields(nameOfUser(before.responsibleUserId()));
        Map<String, String> now = new LinkedHashMap<>();
        now.put("text", form.getText().strip());
        now.put("responsible", form.getResponsible().name());
        now.put("responsibleName", responsibleName(form));
        now.put("targetDate", str(form.getTargetDate()));
        now.put("status", form.getStatus().name());
        if (!recordDifference(personId, "ACTION", actionId, was, now)) {
            return;
        }
        db.sql("""
                        UPDATE plan_action SET text = ?, responsible_kind = ?, responsible_user_id = ?, responsible_name = ?,
                               target_date = ?, status = ?, updated_at = now(), updated_by = ?
                         WHERE id = ? AND person_id = ? AND organisation_id = ?""")
                .params(form.getText().strip(), form.getResponsible().name(), staffId(form), storedName(form),
                        form.getTargetDate(), form.getStatus().name(), PlanAccess.me(), actionId, personId,
                        Tenancy.requireOrganisationId())
                .update();
        audit.record(personId, AuditAction.UPDATE, "plan.action");
    }

    /** Marks an action reached, from the plan page or the task list. Marking it again changes nothing. */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional
    public void actionDone(UUID personId, UUID actionId) {
        access.requireStaff(personId);
        markReached(personId, actionRow(personId, actionId));
    }

    // ---------------------------------------------------------------- evaluations

    /** Evaluates a goal; the goal's next evaluation date becomes the one given (none: not planned). */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional
    public UUID addEvaluation(UUID id, UUID personId, UUID goalId, EvaluationForm form) {
        access.requireStaff(personId);
        GoalRow goal = goalRow(personId, goalId);
        if (exists("plan_evaluation", id, personId)) {
            return id;
        }
        List<InvalidInputException> broken = new ArrayList<>();
        LocalDate today = today();
        if (form.getEvaluatedOn() == null) {
            broken.add(new InvalidInputException("evaluatedOn", "plan.evaluation.date.required"));
        } else if (form.getEvaluatedOn().isAfter(today)) {
            broken.add(new InvalidInputException("evaluatedOn", "plan.evaluation.date.future"));
        } else if (form.getEvaluatedOn().isBefore(LocalDate.of(2000, 1, 1))) {
            broken.add(new InvalidInputException("evaluatedOn", "plan.evaluation.date.range"));
        }
        if (blank(form.getWhatHappened())) {
            broken.add(new InvalidInputException("whatHappened", "plan.evaluation.whatHappened.required"));
        } else if (form.getWhatHappened().strip().length() > 2000) {
            broken.add(new InvalidInputException("whatHappened", "plan.evaluation.whatHappened.size"));
        }
        if (form.getNextStep() != null && form.getNextStep().strip().length() > 1000) {
            broken.add(new InvalidInputException("nextStep", "plan.evaluation.nextStep.size"));
        }
        checkEvaluationDate("nextEvaluationOn", form.getNextEvaluationOn(), true, broken);
        InvalidInputException.throwIfAny(broken);
        db.sql("""
                        INSERT INTO plan_evaluation (id, organisation_id, person_id, goal_id, evaluated_on, what_happened,
                                                     next_step, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")
                .params(id, Tenancy.requireOrganisationId(), personId, goalId, form.getEvaluatedOn(),
                        form.getWhatHappened().strip(), blankToNull(form.getNextStep()), PlanAccess.me())
                .update();
        Map<String, String> after = new LinkedHashMap<>();
        after.put("evaluatedOn", str(form.getEvaluatedOn()));
        after.put("whatHappened", form.getWhatHappened().strip());
        after.put("nextStep", blankToNull(form.getNextStep()));
        change(personId, "EVALUATION", id, "created", Map.of(), after);
        changeGoal(personId, goal, goal.lifeArea(), goal.text(), goal.status(), form.getNextEvaluationOn());
        audit.record(personId, AuditAction.CREATE, "plan.evaluation");
        return id;
    }

    // ---------------------------------------------------------------- proposals

    /**
     * Accepts a participant's proposal (a new goal is added, or the goal gets the proposed words) or rejects it;
     * either way with an optional comment, which a rejection needs. A decided proposal stays decided.
     */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional
    public void decide(UUID personId, UUID proposalId, boolean accept, String comment) {
        access.requireStaff(personId);
        record Row(UUID goalId, LifeArea lifeArea, String text, ProposalStatus status) {
        }
        Row p = db.sql("""
                        SELECT goal_id, life_area, text, status FROM plan_proposal
                         WHERE id = ? AND person_id = ? AND organisation_id = ? FOR UPDATE""")
                .params(proposalId, personId, Tenancy.requireOrganisationId()).query(Row.class).optional()
                .orElseThrow(() -> new NotFoundException("Proposal"));
        List<InvalidInputException> broken = new ArrayList<>();
        if (p.status() != ProposalStatus.OPEN) {
            broken.add(new InvalidInputException("comment", "plan.proposal.decided"));
        }
        if (!accept && blank(comment)) {
            broken.add(new InvalidInputException("comment", "plan.proposal.comment.required"));
        }
        if (comment != null && comment.strip().length() > 1000) {
            broken.add(new InvalidInputException("comment", "plan.proposal.comment.size"));
        }
        InvalidInputException.throwIfAny(broken);
        ProposalStatus status = accept ? ProposalStatus.ACCEPTED : ProposalStatus.REJECTED;
        db.sql("""
                        UPDATE plan_proposal SET status = ?, decided_at = now(), decided_by = ?, decision_comment = ?
                         WHERE id = ? AND organisation_id = ?""")
                .params(status.name(), PlanAccess.me(), blankToNull(comment), proposalId, Tenancy.requireOrganisationId())
                .update();
        Map<String, String> after = new LinkedHashMap<>();
        after.put("status", status.name());
        after.put("comment", blankToNull(comment));
        change(personId, "PROPOSAL", proposalId, accept ? "accepted" : "rejected", Map.of("status", "OPEN"), after);
        if (accept && p.goalId() == null) {
            insertGoal(UUID.randomUUID(), personId, null, p.lifeArea(), p.text(), PlanStatus.NOT_STARTED, null);
        } else if (accept) {
            GoalRow goal = goalRow(personId, p.goalId());
            changeGoal(personId, goal, goal.parentId() == null ? p.lifeArea() : goal.lifeArea(), p.text(),
                    goal.status(), goal.nextEvaluationOn());
        }
        audit.record(personId, AuditAction.UPDATE, "plan.proposal");
    }

    // ---------------------------------------------------------------- tasks

    /**
     * The signed-in staff member's evaluations and actions due within {@value #TASK_HORIZON_DAYS} days (or overdue),
     * soonest first: actions they are responsible for, and in the plans they follow (they are responsible for an
     * action in it, or added a goal to it) evaluations and actions of the participant, a volunteer, a relative or a
     * partner. Only about persons they may still see.
     */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional
    public List<Due> due(int limit) {
        UUID me = PlanAccess.me();
        if (me == null) {
            return List.of();
        }
        // the plans they follow, among the persons they may see as the outer query requires anyway: so that it
        // reads the person indexes instead of every organisation's goals and actions (bench/RESULTS.md, follow-up)
        String follows = """
                (SELECT f.person_id FROM plan_action f WHERE f.responsible_user_id = :me AND f.organisation_id = :org
                   AND f.person_id = ANY(:visible)
                 UNION SELECT f.person_id FROM plan_goal f WHERE f.created_by = :me AND f.organisation_id = :org
                   AND f.person_id = ANY(:visible))""";
        record Row(UUID personId, UUID goalId, UUID actionId, String text, LocalDate due) {
        }
        List<Row> rows = db.sql("""
                        SELECT * FROM (
                          SELECT g.person_id, g.id AS goal_id, NULL::uuid AS action_id, g.text, g.next_evaluation_on AS due
                            FROM plan_goal g
                           WHERE g.organisation_id = :org AND g.next_evaluation_on <= :horizon
                             AND g.status NOT IN ('REACHED', 'CLOSED') AND g.person_id = ANY(:visible)
                             AND g.person_id IN """ + follows + """

                          UNION ALL
                          SELECT a.person_id, a.goal_id, a.id, a.text, a.target_date
                            FROM plan_action a
                           WHERE a.organisation_id = :org AND a.target_date <= :horizon
                             AND a.status NOT IN ('REACHED', 'CLOSED') AND a.person_id = ANY(:visible)
                             AND (a.responsible_user_id = :me
                                  OR a.responsible_kind <> 'STAFF' AND a.person_id IN """ + follows + """
                        )) due ORDER BY due, text, goal_id LIMIT :limit""")
                .param("org", Tenancy.requireOrganisationId()).param("me", me)
                .param("horizon", today().plusDays(TASK_HORIZON_DAYS))
                .param("visible", persons.visiblePersonIds().toArray(UUID[]::new)).param("limit", limit)
                .query(Row.class).list();
        var names = persons.names(rows.stream().map(Row::personId).collect(Collectors.toSet()));
        audit.recordEach(rows.stream().map(Row::personId).distinct().toList(), AuditAction.LIST, "plan.tasks");
        return rows.stream().map(r -> new Due(r.personId(),
                names.containsKey(r.personId()) ? names.get(r.personId()).displayName() : null,
                r.goalId(), r.actionId(), r.text(), r.due())).toList();
    }

    // ---------------------------------------------------------------- shared with MyPlan

    /** The plan as stored, without checks or audit: the caller has checked access and records the reading. */
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
        record ProposalRow(UUID id, UUID goalId, LifeArea lifeArea, String text, ProposalStatus status,
                           OffsetDateTime proposedAt, OffsetDateTime decidedAt, UUID decidedBy, String decisionComment) {
        }
        List<ProposalRow> proposals = db.sql("""
                        SELECT id, goal_id, life_area, text, status, proposed_at, decided_at, decided_by, decision_comment
                          FROM plan_proposal WHERE person_id = ? AND organisation_id = ? ORDER BY proposed_at DESC, id""")
                .params(personId, org).query(ProposalRow.class).list();
        record ChangeRow(OffsetDateTime at, UUID actorId, String entity, UUID entityId, String fieldGroup,
                         String before, String after) {
        }
        List<ChangeRow> changes = db.sql("""
                        SELECT at, actor_id, entity, entity_id, field_group, before::text AS before, after::text AS after
                          FROM plan_change WHERE person_id = ? AND organisation_id = ? ORDER BY at DESC, id LIMIT 500""")
                .params(personId, org).query(ChangeRow.class).list();

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
                .sorted(java.util.Comparator.comparing(Goal::lifeArea))
                .toList();
        Map<UUID, String> goalTexts = goals.stream().collect(Collectors.toMap(GoalRow::id, GoalRow::text));
        List<Proposal> proposalList = proposals.stream().map(p -> new Proposal(p.id(), p.goalId(),
                p.goalId() == null ? null : goalTexts.get(p.goalId()), p.lifeArea(), p.text(), p.status(),
                p.proposedAt().toInstant(), p.decidedAt() == null ? null : p.decidedAt().toInstant(),
                p.decidedBy() == null ? null : userNames.get(p.decidedBy()), p.decisionComment())).toList();
        List<PlanChange> history = changes.stream().map(c -> new PlanChange(c.at().toInstant(),
                c.actorId() == null ? null : userNames.get(c.actorId()), c.entity(), c.entityId(), c.fieldGroup(),
                fieldChanges(c.before(), c.after()))).toList();
        var name = persons.names(List.of(personId)).get(personId);
        return new Plan(personId, name == null ? null : name.displayName(), main, proposalList, history);
    }

    /** Sets an action reached, with its history; already reached or closed changes nothing. */
    void markReached(UUID personId, ActionRow before) {
        if (!before.status().open()) {
            return;
        }
        recordDifference(personId, "ACTION", before.id(), Map.of("status", before.status().name()),
                Map.of("status", PlanStatus.REACHED.name()));
        db.sql("""
                        UPDATE plan_action SET status = 'REACHED', updated_at = now(), updated_by = ?
                         WHERE id = ? AND person_id = ? AND organisation_id = ?""")
                .params(PlanAccess.me(), before.id(), personId, Tenancy.requireOrganisationId()).update();
        audit.record(personId, AuditAction.UPDATE, "plan.action.status");
    }

    /** A proposal from the participant: stored and in the history, the plan itself unchanged. */
    UUID propose(UUID id, UUID personId, ProposalForm form) {
        if (exists("plan_proposal", id, personId)) {
            return id;
        }
        List<InvalidInputException> broken = new ArrayList<>();
        LifeArea area = form.getLifeArea();
        if (form.getGoalId() != null) {
            var goal = db.sql("SELECT life_area FROM plan_goal WHERE id = ? AND person_id = ? AND organisation_id = ?")
                    .params(form.getGoalId(), personId, Tenancy.requireOrganisationId()).query(String.class).optional()
                    .map(LifeArea::valueOf);
            if (goal.isEmpty()) {
                broken.add(new InvalidInputException("goalId", "plan.proposal.goal.unknown"));
            } else if (area == null) {
                area = goal.get();
            }
        } else if (area == null) {
            broken.add(new InvalidInputException("lifeArea", "plan.goal.lifeArea.required"));
        }
        checkText("text", form.getText(), "plan.proposal.text", broken);
        long open = db.sql("SELECT count(*) FROM plan_proposal WHERE person_id = ? AND organisation_id = ? AND status = 'OPEN'")
                .params(personId, Tenancy.requireOrganisationId()).query(Long.class).single();
        if (open >= 20) {
            broken.add(new InvalidInputException("text", "plan.proposal.tooMany"));
        }
        InvalidInputException.throwIfAny(broken);
        db.sql("""
                        INSERT INTO plan_proposal (id, organisation_id, person_id, goal_id, life_area, text, status, proposed_by)
                        VALUES (?, ?, ?, ?, ?, ?, 'OPEN', ?) ON CONFLICT (id) DO NOTHING""")
                .params(id, Tenancy.requireOrganisationId(), personId, form.getGoalId(), area.name(),
                        form.getText().strip(), PlanAccess.me())
                .update();
        Map<String, String> after = new LinkedHashMap<>();
        after.put("lifeArea", area.name());
        after.put("text", form.getText().strip());
        change(personId, "PROPOSAL", id, "created", Map.of(), after);
        audit.record(personId, AuditAction.CREATE, "plan.proposal");
        return id;
    }

    ActionRow actionRow(UUID personId, UUID actionId) {
        return db.sql("""
                        SELECT id, goal_id, text, responsible_kind, responsible_user_id, responsible_name, target_date, status
                          FROM plan_action WHERE id = ? AND person_id = ? AND organisation_id = ?""")
                .params(actionId, personId, Tenancy.requireOrganisationId()).query(ActionRow.class).optional()
                .orElseThrow(() -> new NotFoundException("Action"));
    }

    // ---------------------------------------------------------------- internals

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

    private void insertGoal(UUID id, UUID personId, UUID parentId, LifeArea area, String text, PlanStatus status,
                            LocalDate nextEvaluationOn) {
        db.sql("""
                        INSERT INTO plan_goal (id, organisation_id, person_id, parent_id, life_area, text, status,
                                               next_evaluation_on, created_by, updated_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")
                .params(id, Tenancy.requireOrganisationId(), personId, parentId, area.name(), text, status.name(),
                        nextEvaluationOn, PlanAccess.me(), PlanAccess.me())
                .update();
        Map<String, String> after = new LinkedHashMap<>();
        after.put("lifeArea", area.name());
        after.put("text", text);
        after.put("status", status.name());
        after.put("nextEvaluationOn", str(nextEvaluationOn));
        change(personId, "GOAL", id, "created", Map.of(), after);
        audit.record(personId, AuditAction.CREATE, "plan.goal");
    }

    private void changeGoal(UUID personId, GoalRow before, LifeArea area, String text, PlanStatus status,
                            LocalDate nextEvaluationOn) {
        Map<String, String> was = new LinkedHashMap<>();
        was.put("lifeArea", before.lifeArea().name());
        was.put("text", before.text());
        was.put("status", before.status().name());
        was.put("nextEvaluationOn", str(before.nextEvaluationOn()));
        Map<String, String> now = new LinkedHashMap<>();
        now.put("lifeArea", area.name());
        now.put("text", text);
        now.put("status", status.name());
        now.put("nextEvaluationOn", str(nextEvaluationOn));
        if (!recordDifference(personId, "GOAL", before.id(), was, now)) {
            return;
        }
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
        audit.record(personId, AuditAction.UPDATE, "plan.goal");
    }

    /**
     * Writes one history row with the fields that differ, before and after; the group is «status» where only the
     * status changed. Returns whether anything differed.
     */
    private boolean recordDifference(UUID personId, String entity, UUID entityId, Map<String, String> was,
                                     Map<String, String> now) {
        Map<String, String> before = new LinkedHashMap<>();
        Map<String, String> after = new LinkedHashMap<>();
        for (String field : now.keySet()) {
            if (!Objects.equals(was.get(field), now.get(field))) {
                before.put(field, was.get(field));
                after.put(field, now.get(field));
            }
        }
        if (after.isEmpty()) {
            return false;
        }
        change(personId, entity, entityId, after.keySet().equals(Set.of("status")) ? "status" : "changed", before, after);
        return true;
    }

    private void change(UUID personId, String entity, UUID entityId, String group, Map<String, String> before,
                        Map<String, String> after) {
        db.sql("""
                        INSERT INTO plan_change (id, organisation_id, person_id, at, actor_id, entity, entity_id, field_group,
                                                 before, after)
                        VALUES (?, ?, ?, clock_timestamp(), ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb))""")
                .params(UUID.randomUUID(), Tenancy.requireOrganisationId(), personId, PlanAccess.me(), entity, entityId,
                        group, before.isEmpty() ? null : json.writeValueAsString(before),
                        json.writeValueAsString(after))
                .update();
    }

    private List<PlanChange.FieldChange> fieldChanges(String before, String after) {
        Map<String, String> b = before == null ? Map.of() : json.readValue(before, new TypeReference<LinkedHashMap<String, String>>() { });
        Map<String, String> a = after == null ? Map.of() : json.readValue(after, new TypeReference<LinkedHashMap<String, String>>() { });
        Set<String> fields = new LinkedHashSet<>(a.keySet());
        fields.addAll(b.keySet());
        return fields.stream().map(f -> new PlanChange.FieldChange(f, b.get(f), a.get(f))).toList();
    }

    /** The goal's rules; returns its life area (a sub-goal's is its main goal's). {@code before} on a change. */
    private LifeArea checkGoal(UUID personId, GoalForm form, GoalRow before, List<InvalidInputException> broken) {
        LifeArea area = form.getLifeArea();
        if (form.getParentId() != null) {
            var parent = db.sql("""
                            SELECT life_area FROM plan_goal
                             WHERE id = ? AND person_id = ? AND organisation_id = ? AND parent_id IS NULL""")
                    .params(form.getParentId(), personId, Tenancy.requireOrganisationId()).query(String.class).optional()
                    .map(LifeArea::valueOf);
            if (parent.isEmpty()) {
                broken.add(new InvalidInputException("parentId", "plan.goal.parent.unknown"));
            } else {
                area = parent.get();
            }
        } else if (area == null) {
            broken.add(new InvalidInputException("lifeArea", "plan.goal.lifeArea.required"));
        }
        checkText("text", form.getText(), "plan.goal.text", broken);
        if (form.getStatus() == null) {
            broken.add(new InvalidInputException("status", "plan.status.required"));
        }
        boolean changed = before == null || !Objects.equals(before.nextEvaluationOn(), form.getNextEvaluationOn());
        checkEvaluationDate("nextEvaluationOn", form.getNextEvaluationOn(), changed, broken);
        return area;
    }

    private void checkAction(ActionForm form, ActionRow before, List<InvalidInputException> broken) {
        checkText("text", form.getText(), "plan.action.text", broken);
        if (form.getResponsible() == null) {
            broken.add(new InvalidInputException("responsible", "plan.action.responsible.required"));
        } else if (form.getResponsible() == Responsible.STAFF) {
            Set<UUID> allowed = users.staff().stream().map(UserAccounts.StaffMember::id).collect(Collectors.toSet());
            if (before != null && before.responsibleUserId() != null) {
                allowed.add(before.responsibleUserId()); // still responsible, even if no longer active
            }
            if (form.getResponsibleUserId() == null) {
                broken.add(new InvalidInputException("responsibleUserId", "plan.action.responsibleUser.required"));
            } else if (!allowed.contains(form.getResponsibleUserId())) {
                broken.add(new InvalidInputException("responsibleUserId", "plan.action.responsibleUser.unknown"));
            }
        }
        if (form.getResponsibleName() != null && form.getResponsibleName().strip().length() > 120) {
            broken.add(new InvalidInputException("responsibleName", "plan.action.responsibleName.size"));
        }
        LocalDate target = form.getTargetDate();
        boolean changed = before == null || !Objects.equals(before.targetDate(), target);
        if (target != null && changed && target.isBefore(today())) {
            broken.add(new InvalidInputException("targetDate", "plan.action.targetDate.past"));
        } else if (target != null && changed && target.isAfter(today().plusYears(5))) {
            broken.add(new InvalidInputException("targetDate", "plan.action.targetDate.range"));
        }
        if (form.getStatus() == null) {
            broken.add(new InvalidInputException("status", "plan.status.required"));
        }
    }

    private static void checkText(String field, String text, String codePrefix, List<InvalidInputException> broken) {
        if (blank(text)) {
            broken.add(new InvalidInputException(field, codePrefix + ".required"));
        } else if (text.strip().length() > 500) {
            broken.add(new InvalidInputException(field, codePrefix + ".size"));
        }
    }

    private void checkEvaluationDate(String field, LocalDate date, boolean changed,
                                            List<InvalidInputException> broken) {
        if (date != null && changed && date.isBefore(today())) {
            broken.add(new InvalidInputException(field, "plan.goal.evaluation.past"));
        } else if (date != null && changed && date.isAfter(today().plusYears(2))) {
            broken.add(new InvalidInputException(field, "plan.goal.evaluation.range"));
        }
    }

    private GoalRow goalRow(UUID personId, UUID goalId) {
        return db.sql("""
                        SELECT id, parent_id, life_area, text, status, next_evaluation_on FROM plan_goal
                         WHERE id = ? AND person_id = ? AND organisation_id = ?""")
                .params(goalId, personId, Tenancy.requireOrganisationId()).query(GoalRow.class).optional()
                .orElseThrow(() -> new NotFoundException("Goal"));
    }

    /**
     * Whether a record with this id exists in the organisation: of this person, a repeated submit; of another
     * person, «not found», which reveals nothing.
     */
    private boolean exists(String table, UUID id, UUID personId) {
        var owner = db.sql("SELECT person_id FROM " + table + " WHERE id = ? AND organisation_id = ?")
                .params(id, Tenancy.requireOrganisationId()).query(UUID.class).optional();
        if (owner.isPresent() && !owner.get().equals(personId)) {
            throw new NotFoundException("Plan");
        }
        return owner.isPresent();
    }

    private String responsibleName(ActionForm form) {
        return form.getResponsible() == Responsible.STAFF ? nameOfUser(form.getResponsibleUserId()) : storedName(form);
    }

    private String nameOfUser(UUID userId) {
        return userId == null ? null : users.names(Set.of(userId)).get(userId);
    }

    private static UUID staffId(ActionForm form) {
        return form.getResponsible() == Responsible.STAFF ? form.getResponsibleUserId() : null;
    }

    private static String storedName(ActionForm form) {
        return form.getResponsible() == Responsible.STAFF ? null : blankToNull(form.getResponsibleName());
    }

    /** Today in Oslo, by the application's clock. */
    LocalDate today() {
        return LocalDate.now(clock);
    }

    static String str(LocalDate date) {
        return date == null ? null : date.toString();
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }


    static Instant startOf(LocalDate date) {
        return date.atStartOfDay(Dates.OSLO).toInstant();
    }
}
