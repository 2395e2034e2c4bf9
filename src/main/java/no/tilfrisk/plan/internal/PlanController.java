package no.tilfrisk.plan.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import no.tilfrisk.account.UserAccounts;
import no.tilfrisk.plan.ActionForm;
import no.tilfrisk.plan.EvaluationForm;
import no.tilfrisk.plan.Goal;
import no.tilfrisk.plan.GoalForm;
import no.tilfrisk.plan.LifeArea;
import no.tilfrisk.plan.Plan;
import no.tilfrisk.plan.PlanStatus;
import no.tilfrisk.plan.Plans;
import no.tilfrisk.plan.Responsible;
import no.tilfrisk.platform.web.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The plan's pages for staff: the plan (printable), forms for goals, sub-goals, actions and evaluations, and the
 * participant's proposals to accept or reject. Rights are checked in {@link Plans}.
 */
@Controller
class PlanController {

    private final Plans plans;
    private final UserAccounts users;
    private final Clock clock;

    PlanController(Plans plans, UserAccounts users, Clock clock) {
        this.clock = clock;
        this.plans = plans;
        this.users = users;
    }

    @GetMapping("/persons/{personId}/plan")
    String plan(@PathVariable UUID personId, Model model) {
        model.addAttribute("plan", plans.plan(personId));
        return "plan/plan";
    }

    // goals

    @GetMapping("/persons/{personId}/plan/goals/new")
    String newGoal(@PathVariable UUID personId, @RequestParam(required = false) UUID parent, Model model) {
        GoalForm form = new GoalForm();
        form.setParentId(parent);
        model.addAttribute("form", form);
        model.addAttribute("formId", UUID.randomUUID());
        return goalPage(plans.plan(personId), null, model);
    }

    @PostMapping("/persons/{personId}/plan/goals")
    String addGoal(@PathVariable UUID personId, @RequestParam UUID formId, @ModelAttribute("form") GoalForm form,
                   BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                UUID id = plans.addGoal(formId, personId, form);
                redirect.addFlashAttribute("saved", true);
                return "redirect:/persons/" + personId + "/plan#goal-" + id;
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        model.addAttribute("formId", formId);
        return goalPage(plans.plan(personId), null, model);
    }

    @GetMapping("/persons/{personId}/plan/goals/{goalId}/edit")
    String editGoal(@PathVariable UUID personId, @PathVariable UUID goalId, Model model) {
        Goal goal = plans.goal(personId, goalId);
        model.addAttribute("form", GoalForm.of(goal));
        return goalPage(plans.plan(personId), goal, model);
    }

    @PostMapping("/persons/{personId}/plan/goals/{goalId}")
    String updateGoal(@PathVariable UUID personId, @PathVariable UUID goalId, @ModelAttribute("form") GoalForm form,
                      BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                plans.updateGoal(personId, goalId, form);
                redirect.addFlashAttribute("saved", true);
                return "redirect:/persons/" + personId + "/plan#goal-" + goalId;
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        return goalPage(plans.plan(personId), plans.goal(personId, goalId), model);
    }

    // actions

    @GetMapping("/persons/{personId}/plan/goals/{goalId}/actions/new")
    String newAction(@PathVariable UUID personId, @PathVariable UUID goalId, Model model) {
        model.addAttribute("form", new ActionForm());
        model.addAttribute("formId", UUID.randomUUID());
        return actionPage(plans.goal(personId, goalId), personId, null, model);
    }

    @PostMapping("/persons/{personId}/plan/goals/{goalId}/actions")
    String addAction(@PathVariable UUID personId, @PathVariable UUID goalId, @RequestParam UUID formId,
                     @ModelAttribute("form") ActionForm form, BindingResult errors, Model model,
                     RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                UUID id = plans.addAction(formId, personId, goalId, form);
                redirect.addFlashAttribute("saved", true);
                return "redirect:/persons/" + personId + "/plan#action-" + id;
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        model.addAttribute("formId", formId);
        return actionPage(plans.goal(personId, goalId), personId, null, model);
    }

    @GetMapping("/persons/{personId}/plan/actions/{actionId}/edit")
    String editAction(@PathVariable UUID personId, @PathVariable UUID actionId, Model model) {
        var action = plans.action(personId, actionId);
        model.addAttribute("form", ActionForm.of(action));
        return actionPage(plans.goal(personId, action.goalId()), personId, actionId, model);
    }

    @PostMapping("/persons/{personId}/plan/actions/{actionId}")
    String updateAction(@PathVariable UUID personId, @PathVariable UUID actionId,
                        @ModelAttribute("form") ActionForm form, BindingResult errors, Model model,
                        RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                plans.updateAction(personId, actionId, form);
                redirect.addFlashAttribute("saved", true);
                return "redirect:/persons/" + personId + "/plan#action-" + actionId;
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        var action = plans.action(personId, actionId);
        return actionPage(plans.goal(personId, action.goalId()), personId, actionId, model);
    }

    /** From the start page's task list back to it; from the plan back to the plan. */
    @PostMapping("/persons/{personId}/plan/actions/{actionId}/done")
    String actionDone(@PathVariable UUID personId, @PathVariable UUID actionId,
                      @RequestParam(defaultValue = "") String from, RedirectAttributes redirect) {
        PlanStatus was = plans.actionDone(personId, actionId);
        redirect.addFlashAttribute("saved", true);
        if (was.open()) {
            // the start page offers «Angre» for a minute (Plans.UNDO_WINDOW)
            redirect.addFlashAttribute("undoHref", "/persons/" + personId + "/plan/actions/" + actionId
                    + "/undo-done?status=" + was.name());
        }
        return "start".equals(from) ? "redirect:/" : "redirect:/persons/" + personId + "/plan#action-" + actionId;
    }

    /** «Angre» after «Utført», within a minute: the action has its open status back; back where it came from. */
    @PostMapping("/persons/{personId}/plan/actions/{actionId}/undo-done")
    String undoActionDone(@PathVariable UUID personId, @PathVariable UUID actionId,
                          @RequestParam(required = false) PlanStatus status, @RequestParam(defaultValue = "") String from,
                          RedirectAttributes redirect) {
        try {
            plans.undoActionDone(personId, actionId, status);
            redirect.addFlashAttribute("undone", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("actionError", e.code());
        }
        return "start".equals(from) ? "redirect:/" : "redirect:/persons/" + personId + "/plan#action-" + actionId;
    }

    // evaluations

    @GetMapping("/persons/{personId}/plan/goals/{goalId}/evaluations/new")
    String newEvaluation(@PathVariable UUID personId, @PathVariable UUID goalId, Model model) {
        EvaluationForm form = new EvaluationForm();
        form.setEvaluatedOn(LocalDate.now(clock));
        model.addAttribute("form", form);
        model.addAttribute("formId", UUID.randomUUID());
        return evaluationPage(plans.goal(personId, goalId), personId, model);
    }

    @PostMapping("/persons/{personId}/plan/goals/{goalId}/evaluations")
    String addEvaluation(@PathVariable UUID personId, @PathVariable UUID goalId, @RequestParam UUID formId,
                         @ModelAttribute("form") EvaluationForm form, BindingResult errors, Model model,
                         RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                plans.addEvaluation(formId, personId, goalId, form);
                redirect.addFlashAttribute("saved", true);
                return "redirect:/persons/" + personId + "/plan#goal-" + goalId;
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        model.addAttribute("formId", formId);
        return evaluationPage(plans.goal(personId, goalId), personId, model);
    }

    // proposals

    @PostMapping("/persons/{personId}/plan/proposals/{proposalId}")
    String decide(@PathVariable UUID personId, @PathVariable UUID proposalId,
                  @RequestParam(defaultValue = "") String decision, @RequestParam(defaultValue = "") String comment,
                  RedirectAttributes redirect) {
        try {
            plans.decide(personId, proposalId, decision, comment);
            redirect.addFlashAttribute(decision.equals("accept") ? "accepted" : "rejected", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("actionError", e.code());
        }
        return "redirect:/persons/" + personId + "/plan#proposals";
    }

    private String goalPage(Plan plan, Goal goal, Model model) {
        model.addAttribute("plan", plan);
        model.addAttribute("goal", goal);
        model.addAttribute("allAreas", LifeArea.values());
        model.addAttribute("allStatuses", PlanStatus.values());
        return "plan/goal-form";
    }

    private String actionPage(Goal goal, UUID personId, UUID actionId, Model model) {
        model.addAttribute("goal", goal);
        model.addAttribute("personId", personId);
        model.addAttribute("actionId", actionId);
        model.addAttribute("staffChoices", users.staff());
        model.addAttribute("allResponsibles", Responsible.values());
        model.addAttribute("allStatuses", PlanStatus.values());
        return "plan/action-form";
    }

    private String evaluationPage(Goal goal, UUID personId, Model model) {
        model.addAttribute("goal", goal);
        model.addAttribute("personId", personId);
        return "plan/evaluation-form";
    }
}
