package no.tilfrisk.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import no.tilfrisk.account.UserAccounts;
import no.tilfrisk.platform.web.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * The rules a plan's goals, actions, evaluations and proposals must keep. Each check adds what is broken to the
 * caller's list, so that a form shows every mistake at once; the caller throws. Dates are judged by the
 * application's clock, and a date that did not change is not judged again.
 */
@Component
class PlanRules {

    /** A participant may have this many proposals waiting for a guide. */
    static final int MAX_OPEN_PROPOSALS = 20;

    private final PlanRecords records;
    private final UserAccounts users;
    private final Clock clock;

    PlanRules(PlanRecords records, UserAccounts users, Clock clock) {
        this.records = records;
        this.users = users;
        this.clock = clock;
    }

    /** The goal's rules; returns its life area (a sub-goal's is its main goal's). {@code before} on a change. */
    LifeArea checkGoal(UUID personId, GoalForm form, PlanRecords.GoalRow before, List<InvalidInputException> broken) {
        LifeArea area = form.getLifeArea();
        if (form.getParentId() != null) {
            Optional<LifeArea> parent = records.goalArea(personId, form.getParentId(), true);
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

    /** The action's rules; {@code before} on a change, whose responsible staff member stays allowed. */
    void checkAction(ActionForm form, PlanRecords.ActionRow before, List<InvalidInputException> broken) {
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

    /** An evaluation: done on a day that has come, in words, with perhaps a next step and a next evaluation. */
    void checkEvaluation(EvaluationForm form, List<InvalidInputException> broken) {
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
    }

    /** A decision on a proposal: only an open one, and a rejection says why. */
    void checkDecision(ProposalStatus status, boolean accept, String comment, List<InvalidInputException> broken) {
        if (status != ProposalStatus.OPEN) {
            broken.add(new InvalidInputException("comment", "plan.proposal.decided"));
        }
        if (!accept && blank(comment)) {
            broken.add(new InvalidInputException("comment", "plan.proposal.comment.required"));
        }
        if (comment != null && comment.strip().length() > 1000) {
            broken.add(new InvalidInputException("comment", "plan.proposal.comment.size"));
        }
    }

    /** A participant's proposal; returns its life area (that of the goal it is about, unless it names one). */
    LifeArea checkProposal(UUID personId, ProposalForm form, List<InvalidInputException> broken) {
        LifeArea area = form.getLifeArea();
        if (form.getGoalId() != null) {
            Optional<LifeArea> goal = records.goalArea(personId, form.getGoalId(), false);
            if (goal.isEmpty()) {
                broken.add(new InvalidInputException("goalId", "plan.proposal.goal.unknown"));
            } else if (area == null) {
                area = goal.get();
            }
        } else if (area == null) {
            broken.add(new InvalidInputException("lifeArea", "plan.goal.lifeArea.required"));
        }
        checkText("text", form.getText(), "plan.proposal.text", broken);
        if (records.openProposals(personId) >= MAX_OPEN_PROPOSALS) {
            broken.add(new InvalidInputException("text", "plan.proposal.tooMany"));
        }
        return area;
    }

    private static void checkText(String field, String text, String codePrefix, List<InvalidInputException> broken) {
        if (blank(text)) {
            broken.add(new InvalidInputException(field, codePrefix + ".required"));
        } else if (text.strip().length() > 500) {
            broken.add(new InvalidInputException(field, codePrefix + ".size"));
        }
    }

    private void checkEvaluationDate(String field, LocalDate date, boolean changed, List<InvalidInputException> broken) {
        if (date != null && changed && date.isBefore(today())) {
            broken.add(new InvalidInputException(field, "plan.goal.evaluation.past"));
        } else if (date != null && changed && date.isAfter(today().plusYears(2))) {
            broken.add(new InvalidInputException(field, "plan.goal.evaluation.range"));
        }
    }

    /** Today in Oslo, by the application's clock. */
    private LocalDate today() {
        return LocalDate.now(clock);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
