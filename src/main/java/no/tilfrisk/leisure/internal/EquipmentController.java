package no.tilfrisk.leisure.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.tilfrisk.leisure.Condition;
import no.tilfrisk.leisure.EquipmentKind;
import no.tilfrisk.leisure.Inclusions;
import no.tilfrisk.leisure.ItemForm;
import no.tilfrisk.leisure.Lending;
import no.tilfrisk.leisure.Loan;
import no.tilfrisk.leisure.LoanForm;
import no.tilfrisk.leisure.ProcessSummary;
import no.tilfrisk.leisure.ReturnForm;
import no.tilfrisk.organisation.Departments;
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

/** The equipment inventory, lending an item to a participant of a process, and recording its return. */
@Controller
class EquipmentController {

    private final Lending lending;
    private final Inclusions inclusions;
    private final Departments departments;

    EquipmentController(Lending lending, Inclusions inclusions, Departments departments) {
        this.lending = lending;
        this.inclusions = inclusions;
        this.departments = departments;
    }

    @GetMapping("/leisure/equipment")
    String page(Model model) {
        return page(model, UUID.randomUUID(), UUID.randomUUID());
    }

    @PostMapping("/leisure/equipment")
    String addItem(@RequestParam UUID formId, @ModelAttribute("itemForm") ItemForm form, BindingResult errors,
                   Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                lending.addItem(formId, form);
                redirect.addFlashAttribute("saved", true);
                return "redirect:/leisure/equipment";
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        return page(model, formId, UUID.randomUUID());
    }

    @PostMapping("/leisure/loans")
    String lend(@RequestParam UUID formId, @ModelAttribute("loanForm") LoanForm form, BindingResult errors,
                Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                lending.lend(formId, form);
                redirect.addFlashAttribute("saved", true);
                return "redirect:/leisure/equipment";
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        return page(model, UUID.randomUUID(), formId);
    }

    @PostMapping("/leisure/loans/{id}/return")
    String giveBack(@PathVariable UUID id, @ModelAttribute("returnForm") ReturnForm form, BindingResult errors,
                    Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                lending.giveBack(id, form);
                redirect.addFlashAttribute("saved", true);
                return "redirect:/leisure/equipment";
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        model.addAttribute("returnLoanId", id);
        return page(model, UUID.randomUUID(), UUID.randomUUID());
    }

    private String page(Model model, UUID itemFormId, UUID loanFormId) {
        List<Loan> loans = lending.loans(false);
        model.addAttribute("items", lending.items());
        model.addAttribute("loans", loans);
        if (!model.containsAttribute("itemForm")) {
            model.addAttribute("itemForm", new ItemForm());
        }
        if (!model.containsAttribute("loanForm")) {
            model.addAttribute("loanForm", new LoanForm());
        }
        if (!model.containsAttribute("returnForm")) {
            model.addAttribute("returnForm", new ReturnForm());
        }
        model.addAttribute("returnLoanId", model.getAttribute("returnLoanId"));
        model.addAttribute("itemFormId", itemFormId);
        model.addAttribute("loanFormId", loanFormId);
        model.addAttribute("kinds", EquipmentKind.values());
        model.addAttribute("conditions", Condition.values());
        model.addAttribute("departments", departments.list());
        Map<UUID, String> participants = new HashMap<>();
        for (ProcessSummary p : inclusions.list()) {
            if (p.endedOn() == null) {
                participants.put(p.participantId(), p.participantName());
            }
        }
        model.addAttribute("participants", participants);
        return "leisure/equipment";
    }
}
