package no.tilfrisk.organisation.internal;

import jakarta.validation.Valid;
import java.util.UUID;
import no.tilfrisk.organisation.Department;
import no.tilfrisk.organisation.DepartmentForm;
import no.tilfrisk.organisation.Departments;
import no.tilfrisk.platform.web.InvalidInputException;
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

@Controller
@RequestMapping("/admin/departments")
class DepartmentAdminController {

    private final Departments departments;

    DepartmentAdminController(Departments departments) {
        this.departments = departments;
    }

    @GetMapping
    String list(Model model) {
        return showList(model, new DepartmentForm(), UUID.randomUUID());
    }

    @PostMapping
    String create(@RequestParam UUID formId, @Valid @ModelAttribute("form") DepartmentForm form, BindingResult errors,
                  Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                Department created = departments.create(formId, form);
                redirect.addFlashAttribute("saved", created.name());
                return "redirect:/admin/departments";
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        return showList(model, form, formId);
    }

    @GetMapping("/{id}")
    String edit(@PathVariable UUID id, Model model) {
        Department department = departments.get(id);
        model.addAttribute("department", department);
        model.addAttribute("form", DepartmentForm.of(department));
        return "organisation/department-edit";
    }

    @PostMapping("/{id}")
    String update(@PathVariable UUID id, @Valid @ModelAttribute("form") DepartmentForm form, BindingResult errors,
                  Model model, RedirectAttributes redirect) {
        Department department = departments.get(id);
        if (!errors.hasErrors()) {
            try {
                Department saved = departments.update(id, form);
                redirect.addFlashAttribute("saved", saved.name());
                return "redirect:/admin/departments";
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        model.addAttribute("department", department);
        return "organisation/department-edit";
    }

    private String showList(Model model, DepartmentForm form, UUID formId) {
        model.addAttribute("departments", departments.list());
        model.addAttribute("form", form);
        model.addAttribute("formId", formId);
        return "organisation/departments";
    }
}
