package no.tilfrisk.followup.internal;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.followup.ContactType;
import no.tilfrisk.followup.Tallies;
import no.tilfrisk.followup.Tally;
import no.tilfrisk.followup.TallyForm;
import no.tilfrisk.organisation.Department;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.ResultPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The tally page of a department: its tallies and the form to add one. Rights are checked in {@link Tallies}. */
@Controller
class TallyController {

    private static final int PAGE_SIZE = 25;

    private final Tallies tallies;
    private final Clock clock;

    TallyController(Tallies tallies, Clock clock) {
        this.clock = clock;
        this.tallies = tallies;
    }

    @GetMapping("/tallies")
    String list(@RequestParam(required = false) String department, @RequestParam(defaultValue = "0") int page,
                Model model) {
        List<Department> mine = tallies.myDepartments();
        // the first of the caller's departments unless another is chosen; an unknown one is the caller's error
        UUID chosen = mine.stream().map(Department::id).filter(id -> id.toString().equals(department)).findFirst()
                .orElse(department == null || department.isBlank() ? mine.stream().map(Department::id).findFirst().orElse(null) : null);
        if (department != null && !department.isBlank() && chosen == null) {
            model.addAttribute("departmentError", "tally.department.notYours");
        }
        TallyForm form = new TallyForm();
        form.setDepartmentId(chosen);
        form.setType(ContactType.PHONE);
        LocalDate today = LocalDate.now(clock);
        form.setFrom(today.with(DayOfWeek.MONDAY));
        form.setTo(today);
        model.addAttribute("form", form);
        model.addAttribute("formId", UUID.randomUUID());
        return page(chosen, Math.max(0, page), model);
    }

    @PostMapping("/tallies")
    String record(@RequestParam UUID formId, @Valid @ModelAttribute("form") TallyForm form, BindingResult errors,
                  Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                tallies.record(formId, form);
                redirect.addFlashAttribute("recorded", true);
                return "redirect:/tallies?department=" + form.getDepartmentId();
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        model.addAttribute("formId", formId);
        UUID department = tallies.myDepartments().stream().map(Department::id)
                .filter(id -> id.equals(form.getDepartmentId())).findFirst().orElse(null);
        return page(department, 0, model);
    }

    @PostMapping("/tallies/{id}/void")
    String voidTally(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason,
                     @RequestParam(required = false) UUID department, RedirectAttributes redirect) {
        try {
            tallies.voidTally(id, reason);
            redirect.addFlashAttribute("voided", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("actionError", e.code());
        }
        return "redirect:/tallies" + (department == null ? "" : "?department=" + department);
    }

    private String page(UUID department, int page, Model model) {
        List<Department> mine = tallies.myDepartments();
        ResultPage<Tally> result = department == null ? new ResultPage<>(List.of(), 0, PAGE_SIZE, 0)
                : tallies.list(department, null, null, null, page, PAGE_SIZE);
        model.addAttribute("myDepartments", mine);
        model.addAttribute("department", department);
        model.addAttribute("departmentName", mine.stream().filter(d -> d.id().equals(department)).map(Department::name)
                .findFirst().orElse(null));
        model.addAttribute("result", result);
        model.addAttribute("allTypes", ContactType.values());
        return "followup/tallies";
    }
}
