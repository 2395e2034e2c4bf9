package no.tilfrisk.leisure.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.tilfrisk.leisure.Catalogue;
import no.tilfrisk.leisure.CheckInDue;
import no.tilfrisk.leisure.CheckInForm;
import no.tilfrisk.leisure.Decision;
import no.tilfrisk.leisure.DecisionForm;
import no.tilfrisk.leisure.Decisions;
import no.tilfrisk.leisure.EndForm;
import no.tilfrisk.leisure.HoursForm;
import no.tilfrisk.leisure.Inclusions;
import no.tilfrisk.leisure.Lending;
import no.tilfrisk.leisure.Outcome;
import no.tilfrisk.leisure.ProcessForm;
import no.tilfrisk.leisure.ProcessView;
import no.tilfrisk.leisure.Step;
import no.tilfrisk.leisure.StepForm;
import no.tilfrisk.leisure.SupportForm;
import no.tilfrisk.person.PersonDirectory;
import no.tilfrisk.person.PersonRole;
import no.tilfrisk.person.PersonSummary;
import no.tilfrisk.platform.Text;
import no.tilfrisk.platform.web.Confirmation;
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
 * Staff's pages of the inclusion processes: the list (and a participant to begin one for), and one process with
 * its six steps, wishes, decision and hours, check-ins, loans and end. Each form on the process page has its own
 * object, so a broken one comes back with its messages beside its fields and the others untouched.
 */
@Controller
class ProcessController {

    private final Inclusions inclusions;
    private final Decisions decisions;
    private final Catalogue catalogue;
    private final Lending lending;
    private final PersonDirectory persons;

    ProcessController(Inclusions inclusions, Decisions decisions, Catalogue catalogue, Lending lending,
                      PersonDirectory persons) {
        this.inclusions = inclusions;
        this.decisions = decisions;
        this.catalogue = catalogue;
        this.lending = lending;
        this.persons = persons;
    }

    @GetMapping("/leisure")
    String list(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("processes", inclusions.list());
        model.addAttribute("q", q);
        var found = Text.blankToNull(q) == null ? List.<PersonSummary>of()
                : persons.search(q, null, PersonRole.PARTICIPANT, 0, 10).items();
        model.addAttribute("found", found);
        // one form id per person found, so a double submit begins one process and each button its own
        Map<UUID, UUID> formIds = new HashMap<>();
        found.forEach(p -> formIds.put(p.id(), UUID.randomUUID()));
        model.addAttribute("formIds", formIds);
        return "leisure/list";
    }

    @PostMapping("/leisure/processes")
    String start(@RequestParam UUID formId, @ModelAttribute ProcessForm form, BindingResult errors,
                 RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            redirect.addFlashAttribute("startError", "leisure.process.participant.required");
            return "redirect:/leisure";
        }
        try {
            UUID id = inclusions.start(formId, form);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/leisure/processes/" + id;
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("startError", e.all().get(0).code());
            return "redirect:/leisure";
        }
    }

    @GetMapping("/leisure/processes/{id}")
    String show(@PathVariable UUID id, Model model) {
        return page(id, model);
    }

    @PostMapping("/leisure/processes/{id}/steps")
    String step(@PathVariable UUID id, @RequestParam UUID formId, @ModelAttribute("stepForm") StepForm form,
                BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                inclusions.recordStep(formId, id, form);
                redirect.addFlashAttribute("saved", true);
                return "redirect:/leisure/processes/" + id + "#steps";
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        model.addAttribute("stepFormId", formId);
        return page(id, model);
    }

    @PostMapping("/leisure/processes/{id}/wishes")
    String wishes(@PathVariable UUID id, @RequestParam(required = false) String wishes, Model model,
                  RedirectAttributes redirect) {
        try {
            inclusions.saveWishes(id, wishes);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/leisure/processes/" + id + "#wishes";
        } catch (InvalidInputException e) {
            model.addAttribute("wishesError", true);
            return page(id, model);
        }
    }

    @PostMapping("/leisure/processes/{id}/decisions")
    String decision(@PathVariable UUID id, @RequestParam UUID formId,
                    @ModelAttribute("decisionForm") DecisionForm form, BindingResult errors, Model model,
                    RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                decisions.add(formId, id, form);
                redirect.addFlashAttribute("saved", true);
                return "redirect:/leisure/processes/" + id + "#decision";
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        model.addAttribute("decisionFormId", formId);
        return page(id, model);
    }

    @PostMapping("/leisure/processes/{id}/decisions/{decisionId}/hours")
    String hours(@PathVariable UUID id, @PathVariable UUID decisionId, @RequestParam UUID formId,
                 @ModelAttribute("hoursForm") HoursForm form, BindingResult errors, Model model,
                 RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                decisions.logHours(formId, id, decisionId, form);
                redirect.addFlashAttribute("saved", true);
                return "redirect:/leisure/processes/" + id + "#decision";
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        model.addAttribute("hoursDecisionId", decisionId);
        model.addAttribute("hoursFormId", formId);
        return page(id, model);
    }

    @PostMapping("/leisure/processes/{id}/check-ins/{due}")
    String checkIn(@PathVariable UUID id, @PathVariable CheckInDue due,
                   @ModelAttribute("checkInForm") CheckInForm form, BindingResult errors,
                   @RequestParam(required = false) String from, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                inclusions.answerCheckIn(id, due, form);
                redirect.addFlashAttribute("saved", true);
                return "start".equals(from) ? "redirect:/" : "redirect:/leisure/processes/" + id + "#check-ins";
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        model.addAttribute("checkInDue", due);
        return page(id, model);
    }

    /** Ends the process after a question naming the participant; the six-month rule in the service. */
    @PostMapping("/leisure/processes/{id}/end")
    String end(@PathVariable UUID id, @ModelAttribute("endForm") EndForm form, BindingResult errors,
               @RequestParam(defaultValue = "false") boolean confirmed, HttpServletRequest request, Model model,
               RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            if (!confirmed) {
                String name = inclusions.toEnd(id).participantName();
                return Confirmation.ask(model, request, "/leisure/processes/" + id, "leisure.end.button",
                        "leisure.end.confirm", name);
            }
            try {
                inclusions.end(id, form);
                redirect.addFlashAttribute("saved", true);
                return "redirect:/leisure/processes/" + id;
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        return page(id, model);
    }

    private String page(UUID id, Model model) {
        ProcessView view = inclusions.view(id);
        model.addAttribute("view", view);
        if (!model.containsAttribute("stepForm")) {
            StepForm f = new StepForm();
            f.setStep(view.next() == null ? Step.FOLLOW_UP : view.next());
            f.setDoneOn(view.today());
            model.addAttribute("stepForm", f);
        }
        model.addAttribute("decisionForm", model.containsAttribute("decisionForm") ? model.getAttribute("decisionForm")
                : new DecisionForm());
        model.addAttribute("hoursForm", model.containsAttribute("hoursForm") ? model.getAttribute("hoursForm")
                : new HoursForm());
        model.addAttribute("checkInForm", model.containsAttribute("checkInForm") ? model.getAttribute("checkInForm")
                : new CheckInForm());
        if (!model.containsAttribute("endForm")) {
            EndForm f = new EndForm();
            f.setEndedOn(view.today());
            model.addAttribute("endForm", f);
        }
        model.addAttribute("steps", Step.values());
        model.addAttribute("clubs", catalogue.all());
        model.addAttribute("facilitators", inclusions.facilitators());
        model.addAttribute("supportForms", SupportForm.values());
        model.addAttribute("pers", Decision.HoursPer.values());
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("loans", lending.loansOf(view.process().participantId()));
        Map<UUID, UUID> hoursFormIds = new HashMap<>();
        view.decisions().forEach(d -> hoursFormIds.put(d.id(), UUID.randomUUID()));
        model.addAttribute("hoursFormIds", hoursFormIds);
        model.addAttribute("hoursDecisionId", model.getAttribute("hoursDecisionId"));
        model.addAttribute("checkInDue", model.getAttribute("checkInDue"));
        for (String attr : List.of("stepFormId", "decisionFormId", "hoursFormId")) {
            if (!model.containsAttribute(attr)) {
                model.addAttribute(attr, UUID.randomUUID());
            }
        }
        return "leisure/process";
    }
}
