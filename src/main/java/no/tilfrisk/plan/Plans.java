package no.tilfrisk.plan;

import static no.tilfrisk.platform.Text.blankToNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.plan.PlanRecords.ActionRow;
import no.tilfrisk.plan.PlanRecords.GoalRow;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The participant's plan as staff keep it with them: goals in the participant's own words (with sub-goals),
 * actions with who is responsible, evaluations, and the participant's proposals, which change nothing until a
 * guide accepts them. Every change is one row of history (who, when, before and after) in the same transaction,
 * and every read and write of a plan one row in the audit trail. Staff reach the persons they may see in the
 * person register; the participant reads their own plan here (through the API) and works on it in {@link MyPlan}.
 * <p>
 * This class checks the caller and records in the audit trail; {@link PlanRules} holds the rules, {@link PlanHistory}
 * the history, {@link PlanRecords} the SQL. The reports' figure is in {@link PlanFigures}, the task list's query in
 * {@code internal/PlanTasks}.
 */
@Service
public class Plans {

    private final PlanRecords records;
    private final PlanRules rules;
    private final PlanHistory history;
    private final AuditTrail audit;
    private final PlanAccess access;
    private final Clock clock;

    /** How long after «Utført» an action can be taken back («Angre» on the start page). */
    public static final Duration UNDO_WINDOW = Duration.ofSeconds(60);

    Plans(PlanRecords records, PlanRules rules, PlanHistory history, AuditTrail audit, PlanAccess access, Clock clock) {
        this.clock = clock;
        this.records = records;
        this.rules = rules;
        this.history = history;
        this.audit = audit;
        this.access = access;
    }

    // ---------------------------------------------------------------- reading

    /** The person's whole plan, for staff who may see the person and for the participant themself. */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF', 'PARTICIPANT')")
    @Transactional
    public Plan plan(UUID personId) {
        access.requireReadable(personId);
        Plan plan = records.load(personId);
        audit.record(personId, AuditAction.READ, "plan.plan");
        return plan;
    }

    /** A goal as the participant shares it with a partner organisation: the area, their words, where it stands. */
    public record SharedGoal(UUID id, LifeArea lifeArea, String text, PlanStatus status) {
    }

    /**
     * The open goals of the person's plan for a partner (issue 17): the partner module has checked that the person
     * consents to share with the caller's partner organisation, and audits the read; the partner policy of the
     * database (V36) hides them otherwise.
     */
    @PreAuthorize("hasRole('PARTNER')")
    @Transactional(readOnly = true)
    public List<SharedGoal> sharedGoals(UUID personId) {
        return records.sharedGoals(personId);
    }

    /** One goal of the person's plan (a main goal or a sub-goal), for its forms. */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional
    public Goal goal(UUID personId, UUID goalId) {
        access.requireStaff(personId);
        Goal goal = records.load(personId).allGoals().stream().filter(g -> g.id().equals(goalId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Goal"));
        audit.record(personId, AuditAction.READ, "plan.goal");
        return goal;
    }

    /** One action of the person's plan, for its form. */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional
    public PlanAction action(UUID personId, UUID actionId) {
        access.requireStaff(personId);
        PlanAction action = records.load(personId).allActions().stream().filter(a -> a.id().equals(actionId)).findFirst()
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
        if (records.exists("plan_goal", id, personId)) {
            return id;
        }
        List<InvalidInputException> broken = new ArrayList<>();
        LifeArea area = rules.checkGoal(personId, form, null, broken);
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
        GoalRow before = records.goalRow(personId, goalId);
        List<InvalidInputException> broken = new ArrayList<>();
        form.setParentId(before.parentId());
        LifeArea area = rules.checkGoal(personId, form, before, broken);
        InvalidInputException.throwIfAny(broken);
        changeGoal(personId, before, area, form.getText().strip(), form.getStatus(), form.getNextEvaluationOn());
    }

    // ---------------------------------------------------------------- actions

    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional
    public UUID addAction(UUID id, UUID personId, UUID goalId, ActionForm form) {
        access.requireStaff(personId);
        records.goalRow(personId, goalId);
        if (records.exists("plan_action", id, personId)) {
            return id;
        }
        List<InvalidInputException> broken = new ArrayList<>();
        rules.checkAction(form, null, broken);
        InvalidInputException.throwIfAny(broken);
        String responsibleName = records.responsibleName(form);
        records.insertAction(id, personId, goalId, form);
        history.record(personId, "ACTION", id, "created", Map.of(), actionFields(form, responsibleName));
        audit.record(personId, AuditAction.CREATE, "plan.action");
        return id;
    }

    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional
    public void updateAction(UUID personId, UUID actionId, ActionForm form) {
        access.requireStaff(personId);
        ActionRow before = records.actionRow(personId, actionId);
        List<InvalidInputException> broken = new ArrayList<>();
        rules.checkAction(form, before, broken);
        InvalidInputException.throwIfAny(broken);
        Map<String, String> was = before.fields(records.nameOfUser(before.responsibleUserId()));
        Map<String, String> now = actionFields(form, records.responsibleName(form));
        if (!history.recordDifference(personId, "ACTION", actionId, was, now)) {
            return;
        }
        records.updateAction(personId, actionId, form);
        audit.record(personId, AuditAction.UPDATE, "plan.action");
    }

    /**
     * Marks an action reached, from the plan page or the task list. Marking it again changes nothing. Returns the
     * status it had, so «Angre» can put it back.
     */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional
    public PlanStatus actionDone(UUID personId, UUID actionId) {
        access.requireStaff(personId);
        ActionRow before = records.actionRow(personId, actionId);
        markReached(personId, before);
        return before.status();
    }

    /**
     * Takes back «Utført» on an action: back to the open status it had ({@code back}), only by the one who marked it
     * and within {@link #UNDO_WINDOW} of marking it (by the application's clock). Later, by someone else, or on an
     * action not reached, it is refused and nothing changes.
     */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional
    public void undoActionDone(UUID personId, UUID actionId, PlanStatus back) {
        access.requireStaff(personId);
        ActionRow before = records.actionRow(personId, actionId);
        if (back == null) {
            throw new InvalidInputException("status", "plan.status.required");
        }
        if (!back.open()
                || !records.undoReached(personId, actionId, back, Instant.now(clock), Instant.now(clock).minus(UNDO_WINDOW))) {
            throw new InvalidInputException("status", "start.tasks.undoTooLate");
        }
        history.recordDifference(personId, "ACTION", before.id(), Map.of("status", PlanStatus.REACHED.name()),
                Map.of("status", back.name()));
        audit.record(personId, AuditAction.UPDATE, "plan.action.status:undone");
    }

    // ---------------------------------------------------------------- evaluations

    /** Evaluates a goal; the goal's next evaluation date becomes the one given (none: not planned). */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional
    public UUID addEvaluation(UUID id, UUID personId, UUID goalId, EvaluationForm form) {
        access.requireStaff(personId);
        GoalRow goal = records.goalRow(personId, goalId);
        if (records.exists("plan_evaluation", id, personId)) {
            return id;
        }
        List<InvalidInputException> broken = new ArrayList<>();
        rules.checkEvaluation(form, broken);
        InvalidInputException.throwIfAny(broken);
        records.insertEvaluation(id, personId, goalId, form);
        Map<String, String> after = new LinkedHashMap<>();
        after.put("evaluatedOn", PlanRecords.str(form.getEvaluatedOn()));
        after.put("whatHappened", form.getWhatHappened().strip());
        after.put("nextStep", blankToNull(form.getNextStep()));
        history.record(personId, "EVALUATION", id, "created", Map.of(), after);
        changeGoal(personId, goal, goal.lifeArea(), goal.text(), goal.status(), form.getNextEvaluationOn());
        audit.record(personId, AuditAction.CREATE, "plan.evaluation");
        return id;
    }

    // ---------------------------------------------------------------- proposals

    /**
     * Accepts a participant's proposal (a new goal is added, or the goal gets the proposed words) or rejects it;
     * either way with an optional comment, which a rejection needs. The decision is {@code accept} or
     * {@code reject}, as the page's two buttons and the API send it; anything else is refused by its field. A
     * decided proposal stays decided.
     */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional
    public void decide(UUID personId, UUID proposalId, String decision, String comment) {
        access.requireStaff(personId);
        if (!"accept".equals(decision) && !"reject".equals(decision)) {
            throw new InvalidInputException("decision", "plan.proposal.decision.required");
        }
        boolean accept = decision.equals("accept");
        PlanRecords.ProposalRow p = records.proposalForUpdate(personId, proposalId);
        List<InvalidInputException> broken = new ArrayList<>();
        rules.checkDecision(p.status(), accept, comment, broken);
        InvalidInputException.throwIfAny(broken);
        ProposalStatus status = accept ? ProposalStatus.ACCEPTED : ProposalStatus.REJECTED;
        records.decideProposal(proposalId, status, comment);
        Map<String, String> after = new LinkedHashMap<>();
        after.put("status", status.name());
        after.put("comment", blankToNull(comment));
        history.record(personId, "PROPOSAL", proposalId, accept ? "accepted" : "rejected", Map.of("status", "OPEN"),
                after);
        if (accept && p.goalId() == null) {
            insertGoal(UUID.randomUUID(), personId, null, p.lifeArea(), p.text(), PlanStatus.NOT_STARTED, null);
        } else if (accept) {
            GoalRow goal = records.goalRow(personId, p.goalId());
            changeGoal(personId, goal, goal.parentId() == null ? p.lifeArea() : goal.lifeArea(), p.text(),
                    goal.status(), goal.nextEvaluationOn());
        }
        audit.record(personId, AuditAction.UPDATE, "plan.proposal");
    }

    // ---------------------------------------------------------------- shared with MyPlan

    /** Sets an action reached, with its history; already reached or closed changes nothing. */
    void markReached(UUID personId, ActionRow before) {
        if (!before.status().open()) {
            return;
        }
        history.recordDifference(personId, "ACTION", before.id(), Map.of("status", before.status().name()),
                Map.of("status", PlanStatus.REACHED.name()));
        records.setActionReached(personId, before.id(), Instant.now(clock));
        audit.record(personId, AuditAction.UPDATE, "plan.action.status");
    }

    /** A proposal from the participant: stored and in the history, the plan itself unchanged. */
    UUID propose(UUID id, UUID personId, ProposalForm form) {
        if (records.exists("plan_proposal", id, personId)) {
            return id;
        }
        List<InvalidInputException> broken = new ArrayList<>();
        LifeArea area = rules.checkProposal(personId, form, broken);
        InvalidInputException.throwIfAny(broken);
        records.insertProposal(id, personId, form.getGoalId(), area, form.getText().strip());
        Map<String, String> after = new LinkedHashMap<>();
        after.put("lifeArea", area.name());
        after.put("text", form.getText().strip());
        history.record(personId, "PROPOSAL", id, "created", Map.of(), after);
        audit.record(personId, AuditAction.CREATE, "plan.proposal");
        return id;
    }

    // ---------------------------------------------------------------- internals

    private void insertGoal(UUID id, UUID personId, UUID parentId, LifeArea area, String text, PlanStatus status,
                            LocalDate nextEvaluationOn) {
        records.insertGoal(id, personId, parentId, area, text, status, nextEvaluationOn);
        history.record(personId, "GOAL", id, "created", Map.of(), goalFields(area, text, status, nextEvaluationOn));
        audit.record(personId, AuditAction.CREATE, "plan.goal");
    }

    private void changeGoal(UUID personId, GoalRow before, LifeArea area, String text, PlanStatus status,
                            LocalDate nextEvaluationOn) {
        Map<String, String> was = goalFields(before.lifeArea(), before.text(), before.status(), before.nextEvaluationOn());
        Map<String, String> now = goalFields(area, text, status, nextEvaluationOn);
        if (!history.recordDifference(personId, "GOAL", before.id(), was, now)) {
            return;
        }
        records.updateGoal(personId, before, area, text, status, nextEvaluationOn);
        audit.record(personId, AuditAction.UPDATE, "plan.goal");
    }

    /** A goal's fields as the history keeps them. */
    private static Map<String, String> goalFields(LifeArea area, String text, PlanStatus status,
                                                  LocalDate nextEvaluationOn) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("lifeArea", area.name());
        m.put("text", text);
        m.put("status", status.name());
        m.put("nextEvaluationOn", PlanRecords.str(nextEvaluationOn));
        return m;
    }

    /** An action's fields as the history keeps them, from the form. */
    private static Map<String, String> actionFields(ActionForm form, String responsibleName) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("text", form.getText().strip());
        m.put("responsible", form.getResponsible().name());
        m.put("responsibleName", responsibleName);
        m.put("targetDate", PlanRecords.str(form.getTargetDate()));
        m.put("status", form.getStatus().name());
        return m;
    }
}
