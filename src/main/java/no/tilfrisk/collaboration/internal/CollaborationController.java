package no.tilfrisk.collaboration.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.tilfrisk.collaboration.CollaborationForm;
import no.tilfrisk.collaboration.CollaborationKind;
import no.tilfrisk.collaboration.CollaborationRecord;
import no.tilfrisk.collaboration.CollaborationRegister;
import no.tilfrisk.organisation.Departments;
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

/** The register's pages: a year's records per kind with filters, and the form to add or change one. Rights in the service. */
@Controller
class CollaborationController {

    private final CollaborationRegister register;
    private final Departments departments;
    private final Clock clock;

    CollaborationController(CollaborationRegister register, Departments departments, Clock clock) {
        this.clock = clock;
        this.register = register;
        this.departments = departments;
    }

    /** A record on the list, with whether the caller may change it. */
    record Line(CollaborationRecord record, boolean changeable) {
    }

    /** Filters arrive as text, so that a wrong value is a message on the page rather than an error page. */
    @GetMapping("/collaboration")
    String list(@RequestParam(required = false) String year, @RequestParam(required = false) String kind,
                @RequestParam(required = false) String department, Model model) {
        List<String> filterErrors = new ArrayList<>();
        int thisYear = LocalDate.now(clock).getYear();
        int chosenYear = thisYear;
        if (year != null && !year.isBlank()) {
            try {
                chosenYear = Integer.parseInt(year.strip());
            } catch (NumberFormatException e) {
                chosenYear = -1;
            }
            if (chosenYear < 2000 || chosenYear > thisYear + 2) {
                filterErrors.add("collaboration.filter.year.invalid");
                chosenYear = thisYear;
            }
        }
        CollaborationKind chosenKind = null;
        if (kind != null && !kind.isBlank()) {
            chosenKind = Arrays.stream(CollaborationKind.values()).filter(k -> k.name().equals(kind)).findFirst().orElse(null);
            if (chosenKind == null) {
                filterErrors.add("collaboration.filter.kind.invalid");
            }
        }
        var allDepartments = departments.list();
        UUID chosenDepartment = null;
        if (department != null && !department.isBlank()) {
            chosenDepartment = allDepartments.stream().map(d -> d.id()).filter(id -> id.toString().equals(department.strip()))
                    .findFirst().orElse(null);
            if (chosenDepartment == null) {
                filterErrors.add("collaboration.department.unknown");
            }
        }
        List<CollaborationRecord> records = register.list(LocalDate.of(chosenYear, 1, 1), LocalDate.of(chosenYear, 12, 31),
                chosenKind, chosenDepartment);
        Map<CollaborationKind, List<Line>> byKind = new LinkedHashMap<>();
        for (CollaborationKind k : CollaborationKind.values()) {
            if (chosenKind == null || chosenKind == k) {
                byKind.put(k, new ArrayList<>());
            }
        }
        records.forEach(r -> byKind.get(r.kind()).add(new Line(r, register.mayChange(r))));
        List<Integer> years = new ArrayList<>();
        for (int y = thisYear + 1; y >= thisYear - 5; y--) {
            years.add(y);
        }
        if (!years.contains(chosenYear)) {
            years.add(chosenYear);
        }
        model.addAttribute("filterErrors", filterErrors);
        model.addAttribute("year", chosenYear);
        model.addAttribute("years", years);
        model.addAttribute("kind", chosenKind);
        model.addAttribute("department", chosenDepartment);
        model.addAttribute("departments", allDepartments);
        model.addAttribute("allKinds", CollaborationKind.values());
        model.addAttribute("byKind", byKind);
        model.addAttribute("mayAdd", register.mayAdd());
        model.addAttribute("personCounts", register.mayCountParticipants());
        return "collaboration/list";
    }

    @GetMapping("/collaboration/new")
    String newRecord(@RequestParam(required = false) String kind, Model model) {
        register.requireMayAdd();
        CollaborationKind chosen = Arrays.stream(CollaborationKind.values()).filter(k -> k.name().equals(kind))
                .findFirst().orElse(null);
        if (chosen == null) {
            // no kind chosen yet, or one that does not exist: the choice of kinds
            model.addAttribute("allKinds", CollaborationKind.values());
            model.addAttribute("kindError", kind != null && !kind.isBlank());
            return "collaboration/kinds";
        }
        model.addAttribute("form", CollaborationForm.of(chosen, LocalDate.now(clock)));
        model.addAttribute("formId", UUID.randomUUID());
        return formPage(chosen, null, model);
    }

    @PostMapping("/collaboration")
    String create(@RequestParam UUID formId, @Valid @ModelAttribute("form") CollaborationForm form, BindingResult errors,
                  Model model, RedirectAttributes redirect) {
        register.requireMayAdd();
        if (form.getKind() == null) {
            return "redirect:/collaboration/new";
        }
        if (!errors.hasErrors()) {
            try {
                register.create(formId, form);
                redirect.addFlashAttribute("saved", true);
                return "redirect:/collaboration?year=" + form.getStartsOn().getYear();
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        model.addAttribute("formId", formId);
        return formPage(form.getKind(), null, model);
    }

    @GetMapping("/collaboration/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        CollaborationRecord record = register.forChange(id);
        model.addAttribute("form", CollaborationForm.of(record));
        return formPage(record.kind(), record, model);
    }

    @PostMapping("/collaboration/{id}")
    String update(@PathVariable UUID id, @Valid @ModelAttribute("form") CollaborationForm form, BindingResult errors,
                  Model model, RedirectAttributes redirect) {
        CollaborationRecord record = register.forChange(id);
        form.setKind(record.kind());
        if (!errors.hasErrors()) {
            try {
                register.update(id, form);
                redirect.addFlashAttribute("saved", true);
                return "redirect:/collaboration?year=" + form.getStartsOn().getYear();
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        return formPage(record.kind(), record, model);
    }

    @PostMapping("/collaboration/{id}/delete")
    String delete(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean confirmed,
                  HttpServletRequest request, Model model, RedirectAttributes redirect) {
        CollaborationRecord record = register.toDelete(id);
        if (!confirmed) {
            return Confirmation.ask(model, request, "/collaboration?year=" + record.startsOn().getYear(),
                    "collaboration.delete", "confirm.deleteCollaboration", record.title());
        }
        register.delete(id);
        redirect.addFlashAttribute("deleted", true);
        return "redirect:/collaboration?year=" + record.startsOn().getYear();
    }

    private String formPage(CollaborationKind kind, CollaborationRecord record, Model model) {
        model.addAttribute("kind", kind);
        model.addAttribute("record", record);
        model.addAttribute("departmentChoices", register.departmentsToChoose());
        return "collaboration/form";
    }
}
