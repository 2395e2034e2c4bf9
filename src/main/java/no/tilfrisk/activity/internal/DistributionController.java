package no.tilfrisk.activity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import no.tilfrisk.activity.Activities;
import no.tilfrisk.activity.Distribution;
import no.tilfrisk.activity.DistributionForm;
import no.tilfrisk.activity.DistributionKind;
import no.tilfrisk.activity.Distributions;
import no.tilfrisk.organisation.Department;
import no.tilfrisk.organisation.Departments;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.platform.web.Confirmation;
import no.tilfrisk.platform.web.Dates;
import no.tilfrisk.platform.web.InvalidInputException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Distributions: the list with totals per kind for a period, and recording one. */
@Controller
@RequestMapping("/distributions")
class DistributionController {

    private final Distributions distributions;
    private final Departments departments;
    private final Activities activities;
    private final PersonLookup persons;
    private final Clock clock;
    private final Dates dates;

    DistributionController(Distributions distributions, Departments departments, Activities activities,
                           PersonLookup persons, Clock clock, Dates dates) {
        this.clock = clock;
        this.dates = dates;
        this.persons = persons;
        this.distributions = distributions;
        this.departments = departments;
        this.activities = activities;
    }

    @GetMapping
    String list(@RequestParam(required = false) UUID department, @RequestParam(required = false) LocalDate from,
                @RequestParam(required = false) LocalDate to, Model model) {
        Period period = Period.chosenOrThisYear(from, to, LocalDate.now(clock));
        LocalDate start = period.from();
        LocalDate end = period.to();
        model.addAttribute("department", department);
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("visibleDepartments", departments.list().stream()
                .filter(d -> ActivityAccess.maySeeCounts(d.id())).toList());
        model.addAttribute("departmentNames", departments.list().stream()
                .collect(Collectors.toMap(Department::id, Department::name)));
        model.addAttribute("mayCreate", !activities.departmentsToManage().isEmpty());
        try {
            model.addAttribute("distributions", distributions.list(department, start, end));
            model.addAttribute("totals", distributions.totals(department, start, end));
        } catch (InvalidInputException e) {
            model.addAttribute("distributions", List.of());
            model.addAttribute("totals", List.of());
            model.addAttribute("periodError", e.code());
        }
        return "activity/distributions";
    }

    @GetMapping("/new")
    String newDistribution(@RequestParam(required = false) UUID recipient, Model model) {
        List<Department> mine = activities.departmentsToCreateIn();
        DistributionForm form = new DistributionForm();
        form.setDate(LocalDate.now(clock));
        if (mine.size() == 1) {
            form.setDepartmentId(mine.get(0).id());
        }
        form.setRecipientId(recipient);
        model.addAttribute("form", form);
        model.addAttribute("formId", UUID.randomUUID());
        return formPage(model, form);
    }

    @PostMapping
    String register(@RequestParam UUID formId, @Valid @ModelAttribute("form") DistributionForm form,
                    BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                distributions.register(formId, form);
                redirect.addFlashAttribute("saved", true);
                return "redirect:/distributions?department=" + form.getDepartmentId();
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        model.addAttribute("formId", formId);
        return formPage(model, form);
    }

    @PostMapping("/{id}/remove")
    String remove(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean confirmed,
                  HttpServletRequest request, Model model, RedirectAttributes redirect) {
        if (!confirmed) {
            Distribution distribution = distributions.toRemove(id);
            return Confirmation.ask(model, request, "/distributions", "distributions.remove",
                    "confirm.removeDistribution", new DefaultMessageSourceResolvable("distributionKind." + distribution.kind()),
                    distribution.count(), dates.date(distribution.date()));
        }
        distributions.remove(id);
        redirect.addFlashAttribute("removed", true);
        return "redirect:/distributions";
    }

    private String formPage(Model model, DistributionForm form) {
        if (form.getRecipientId() != null) {
            // named from the person's page: only a person the caller may see
            model.addAttribute("recipient", distributions.recipient(form.getRecipientId()));
        }
        model.addAttribute("kinds", DistributionKind.registered());
        model.addAttribute("myDepartments", activities.departmentsToManage());
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("activityChoices", activities.list(null, today.minusYears(1), today.plusMonths(6)).stream()
                .filter(o -> ActivityAccess.mayManage(o.activity().departmentId())).toList());
        return "activity/distribution-form";
    }
}
