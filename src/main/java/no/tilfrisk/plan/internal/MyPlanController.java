package no.tilfrisk.plan.internal;

import java.util.UUID;
import no.tilfrisk.plan.LifeArea;
import no.tilfrisk.plan.MyPlan;
import no.tilfrisk.plan.ProposalForm;
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
 * The participant's own plan and mappings on «Min side». The person is the one the account belongs to; no page
 * here takes a person from the request.
 */
@Controller
class MyPlanController {

    private final MyPlan myPlan;

    MyPlanController(MyPlan myPlan) {
        this.myPlan = myPlan;
    }

    @GetMapping("/min-side/plan")
    String plan(Model model) {
        model.addAttribute("plan", myPlan.plan().orElse(null));
        return "plan/my-plan";
    }

    @PostMapping("/min-side/plan/actions/{actionId}/done")
    String done(@PathVariable UUID actionId, RedirectAttributes redirect) {
        myPlan.markDone(actionId);
        redirect.addFlashAttribute("done", true);
        return "redirect:/min-side/plan";
    }

    @GetMapping("/min-side/plan/forslag")
    String proposalForm(@RequestParam(required = false) UUID goal, Model model) {
        ProposalForm form = new ProposalForm();
        form.setGoalId(goal);
        model.addAttribute("form", form);
        model.addAttribute("formId", UUID.randomUUID());
        return proposalPage(model);
    }

    @PostMapping("/min-side/plan/forslag")
    String propose(@RequestParam UUID formId, @ModelAttribute("form") ProposalForm form, BindingResult errors,
                   Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                myPlan.propose(formId, form);
                redirect.addFlashAttribute("proposed", true);
                return "redirect:/min-side/plan";
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        model.addAttribute("formId", formId);
        return proposalPage(model);
    }

    @GetMapping("/min-side/kartlegging")
    String mappings(Model model) {
        model.addAttribute("mappings", myPlan.mappings());
        model.addAttribute("allAreas", LifeArea.values());
        return "plan/my-mappings";
    }

    private String proposalPage(Model model) {
        model.addAttribute("plan", myPlan.plan().orElse(null));
        model.addAttribute("allAreas", LifeArea.values());
        return "plan/my-proposal";
    }
}
