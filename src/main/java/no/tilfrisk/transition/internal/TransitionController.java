package no.tilfrisk.transition.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.UUID;
import no.tilfrisk.platform.web.Confirmation;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import no.tilfrisk.transition.ChecklistItem;
import no.tilfrisk.transition.ItemForm;
import no.tilfrisk.transition.ItemStatus;
import no.tilfrisk.transition.ItemUpdate;
import no.tilfrisk.transition.Actor;
import no.tilfrisk.transition.ResponsibleKind;
import no.tilfrisk.transition.TransitionAlerts;
import no.tilfrisk.transition.TransitionForm;
import no.tilfrisk.transition.TransitionKind;
import no.tilfrisk.transition.TransitionSettings;
import no.tilfrisk.transition.TransitionView;
import no.tilfrisk.transition.Transitions;
import no.tilfrisk.person.PersonLookup;
import org.springframework.format.annotation.DateTimeFormat;
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
 * Staff's transition pages under the person: the person's transitions, a new one, one with its checklist (tick an
 * item in place, change an item, add an item to this transition, move the date with a reason, cancel it with a
 * reason), and edit; the list of coming transitions; closing
 * an alert from «Mine oppgaver». Forms post and redirect; a new transition carries its form id.
 */
@Controller
class TransitionController {

    private static final int PAGE_SIZE = 25;

    private final Transitions transitions;
    private final TransitionSettings settings;
    private final TransitionAlerts alerts;
    private final PersonLookup persons;

    TransitionController(Transitions transitions, TransitionSettings settings, TransitionAlerts alerts,
                         PersonLookup persons) {
        this.transitions = transitions;
        this.settings = settings;
        this.alerts = alerts;
        this.persons = persons;
    }

    @GetMapping("/transitions")
    String upcoming(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("result", transitions.upcoming(page, PAGE_SIZE));
        model.addAttribute("emailChosen", alerts.emailChosen());
        return "transition/list";
    }

    /** The staff member's choice to get their alerts by e-mail as well. */
    @PostMapping("/transitions/email-choice")
    String chooseEmail(@RequestParam(defaultValue = "false") boolean email, RedirectAttributes redirect) {
        alerts.chooseEmail(email);
        redirect.addFlashAttribute("emailSaved", true);
        return "redirect:/transitions";
    }

    @GetMapping("/persons/{personId}/transitions")
    String ofPerson(@PathVariable UUID personId, Model model) {
        model.addAttribute("transitions", transitions.ofPerson(personId));
        model.addAttribute("personId", personId);
        model.addAttribute("name", name(personId));
        return "transition/person";
    }

    @GetMapping("/persons/{personId}/transitions/new")
    String newForm(@PathVariable UUID personId, Model model) {
        persons.requireVisible(personId);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new TransitionForm());
        }
        return form(personId, null, UUID.randomUUID(), model);
    }

    @PostMapping("/persons/{personId}/transitions")
    String create(@PathVariable UUID personId, @RequestParam UUID formId, @ModelAttribute("form") TransitionForm form,
                  BindingResult errors, Model model) {
        if (!errors.hasErrors()) {
            try {
                UUID id = transitions.create(formId, personId, form);
                return "redirect:/persons/" + personId + "/transitions/" + id;
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        return form(personId, null, formId, model);
    }

    @GetMapping("/persons/{personId}/transitions/{id}")
    String show(@PathVariable UUID personId, @PathVariable UUID id, Model model) {
        TransitionView view = view(personId, id);
        model.addAttribute("view", view);
        model.addAttribute("statuses", ItemStatus.values());
        if (!model.containsAttribute("moveDate")) {
            model.addAttribute("moveDate", view.transition().expectedOn());
        }
        return "transition/show";
    }

    @GetMapping("/persons/{personId}/transitions/{id}/edit")
    String editForm(@PathVariable UUID personId, @PathVariable UUID id, Model model) {
        TransitionView view = view(personId, id);
        TransitionForm f = new TransitionForm(view.transition().kind(), view.transition().institutionId(),
                view.transition().expectedOn());
        f.setStayStartedOn(view.transition().stayStartedOn());
        f.setActualOn(view.transition().actualOn());
        f.setMunicipality(view.transition().municipality());
        f.setOwnWords(view.transition().ownWords());
        f.setCoordinatorId(view.transition().coordinatorId());
        model.addAttribute("form", f);
        return form(personId, id, null, model);
    }

    @PostMapping("/persons/{personId}/transitions/{id}")
    String update(@PathVariable UUID personId, @PathVariable UUID id, @ModelAttribute("form") TransitionForm form,
                  BindingResult errors, Model model) {
        view(personId, id);
        if (!errors.hasErrors()) {
            try {
                transitions.update(id, form);
                return "redirect:/persons/" + personId + "/transitions/" + id;
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        return form(personId, id, null, model);
    }

    @PostMapping("/persons/{personId}/transitions/{id}/move")
    String move(@PathVariable UUID personId, @PathVariable UUID id,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expectedOn,
                @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        view(personId, id);
        try {
            transitions.moveDate(id, expectedOn, reason);
            redirect.addFlashAttribute("moved", true);
            return "redirect:/persons/" + personId + "/transitions/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("moveErrors", e.all());
            model.addAttribute("moveDate", expectedOn);
            model.addAttribute("moveReason", reason);
            return show(personId, id, model);
        }
    }

    /** The quick tick: one item's status, from the checklist. */
    @PostMapping("/persons/{personId}/transitions/{id}/items/{itemId}/status")
    String status(@PathVariable UUID personId, @PathVariable UUID id, @PathVariable UUID itemId,
                  @RequestParam(required = false) ItemStatus status, RedirectAttributes redirect) {
        requireItem(personId, id, itemId);
        try {
            transitions.updateItem(itemId, new ItemUpdate(status, null), Actor.STAFF);
            redirect.addFlashAttribute("savedItem", itemId);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("actionError", e.code());
        }
        return "redirect:/persons/" + personId + "/transitions/" + id + "#item-" + itemId;
    }

    @GetMapping("/persons/{personId}/transitions/{id}/items/{itemId}")
    String itemForm(@PathVariable UUID personId, @PathVariable UUID id, @PathVariable UUID itemId, Model model) {
        ChecklistItem item = requireItem(personId, id, itemId);
        model.addAttribute("form", ItemForm.of(item));
        return item(personId, id, item, model);
    }

    @PostMapping("/persons/{personId}/transitions/{id}/items/{itemId}")
    String setItem(@PathVariable UUID personId, @PathVariable UUID id, @PathVariable UUID itemId,
                   @ModelAttribute("form") ItemForm form, BindingResult errors, Model model) {
        ChecklistItem item = requireItem(personId, id, itemId);
        if (!errors.hasErrors()) {
            try {
                transitions.setItem(itemId, form);
                return "redirect:/persons/" + personId + "/transitions/" + id + "#item-" + itemId;
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        return item(personId, id, item, model);
    }

    /** An item for this one transition (not the organisation's list for new ones). */
    @GetMapping("/persons/{personId}/transitions/{id}/items/new")
    String newItemForm(@PathVariable UUID personId, @PathVariable UUID id, Model model) {
        view(personId, id);
        model.addAttribute("form", new ItemForm());
        model.addAttribute("formId", UUID.randomUUID());
        return item(personId, id, null, model);
    }

    @PostMapping("/persons/{personId}/transitions/{id}/items")
    String addItem(@PathVariable UUID personId, @PathVariable UUID id, @RequestParam UUID formId,
                   @ModelAttribute("form") ItemForm form, BindingResult errors, Model model) {
        view(personId, id);
        if (!errors.hasErrors()) {
            try {
                ChecklistItem added = transitions.addItem(formId, id, form);
                return "redirect:/persons/" + personId + "/transitions/" + id + "#item-" + added.id();
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        model.addAttribute("formId", formId);
        return item(personId, id, null, model);
    }

    /** Cancels the transition with a reason, after a confirmation; a blank reason is told on the page at once. */
    @PostMapping("/persons/{personId}/transitions/{id}/cancel")
    String cancel(@PathVariable UUID personId, @PathVariable UUID id, @RequestParam(required = false) String reason,
                  @RequestParam(defaultValue = "false") boolean confirmed, HttpServletRequest request, Model model) {
        TransitionView view = view(personId, id);
        if (view.transition().cancelled()) {
            return "redirect:/persons/" + personId + "/transitions/" + id;
        }
        try {
            if (reason == null || reason.isBlank()) {
                throw new InvalidInputException("reason", "transition.cancel.reason.required");
            }
            if (!confirmed) {
                return Confirmation.ask(model, request, "/persons/" + personId + "/transitions/" + id,
                        "transition.cancel.button", "transition.cancel.confirm", view.personName());
            }
            transitions.cancel(id, reason);
            return "redirect:/persons/" + personId + "/transitions/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("cancelErrors", e.all());
            model.addAttribute("cancelReason", reason);
            return show(personId, id, model);
        }
    }

    @PostMapping("/transitions/alerts/{alertId}/done")
    String alertDone(@PathVariable UUID alertId, @RequestParam(required = false) String from) {
        alerts.done(alertId);
        return "redirect:/";
    }

    private TransitionView view(UUID personId, UUID id) {
        TransitionView view = transitions.get(id);
        if (!view.transition().personId().equals(personId)) {
            throw new NotFoundException("Transition");
        }
        return view;
    }

    private ChecklistItem requireItem(UUID personId, UUID id, UUID itemId) {
        ChecklistItem item = transitions.item(itemId);
        if (!item.transitionId().equals(id)) {
            throw new NotFoundException("Item");
        }
        view(personId, id);
        return item;
    }

    private String form(UUID personId, UUID id, UUID formId, Model model) {
        model.addAttribute("personId", personId);
        model.addAttribute("transitionId", id);
        model.addAttribute("formId", formId);
        model.addAttribute("name", name(personId));
        model.addAttribute("kinds", TransitionKind.values());
        model.addAttribute("institutions", settings.institutions().stream().filter(i -> i.active()).toList());
        model.addAttribute("staff", transitions.staffChoices());
        return "transition/form";
    }

    /** The item's form; {@code item} null: a new item for this transition. */
    private String item(UUID personId, UUID id, ChecklistItem item, Model model) {
        model.addAttribute("personId", personId);
        model.addAttribute("transitionId", id);
        model.addAttribute("item", item);
        model.addAttribute("name", name(personId));
        model.addAttribute("statuses", ItemStatus.values());
        model.addAttribute("kinds", ResponsibleKind.values());
        model.addAttribute("staff", transitions.staffChoices());
        model.addAttribute("partners", transitions.partnerChoices(personId));
        return "transition/item";
    }

    private String name(UUID personId) {
        PersonLookup.PersonName n = persons.names(java.util.List.of(personId)).get(personId);
        if (n == null) {
            throw new NotFoundException("Person");
        }
        return n.displayName();
    }
}
