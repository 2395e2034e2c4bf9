package no.tilfrisk.account.internal;

import jakarta.validation.Valid;
import java.util.UUID;
import no.tilfrisk.account.Role;
import no.tilfrisk.account.UserAccount;
import no.tilfrisk.account.UserAccounts;
import no.tilfrisk.account.UserForm;
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

/**
 * The admin's page for user accounts: create, change roles and departments, deactivate, reset password, reset
 * the second factor.
 */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

    private final UserAccounts accounts;
    private final Departments departments;

    UserAdminController(UserAccounts accounts, Departments departments) {
        this.accounts = accounts;
        this.departments = departments;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("allRoles", Role.values());
        model.addAttribute("allDepartments", departments.list());
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("users", accounts.list());
        return "account/users";
    }

    @GetMapping("/new")
    String newUser(Model model) {
        model.addAttribute("form", new UserForm());
        return "account/user-edit";
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") UserForm form, BindingResult errors, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                var created = accounts.create(form);
                redirect.addFlashAttribute("temporaryPassword", created);
                return "redirect:/admin/users/" + created.userId();
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        return "account/user-edit";
    }

    @GetMapping("/{id}")
    String edit(@PathVariable UUID id, Model model) {
        UserAccount account = accounts.get(id);
        model.addAttribute("account", account);
        model.addAttribute("form", UserForm.of(account));
        return "account/user-edit";
    }

    @PostMapping("/{id}")
    String update(@PathVariable UUID id, @Valid @ModelAttribute("form") UserForm form, BindingResult errors,
                  Model model, RedirectAttributes redirect) {
        UserAccount account = accounts.get(id);
        if (!errors.hasErrors()) {
            try {
                accounts.update(id, form);
                redirect.addFlashAttribute("saved", true);
                return "redirect:/admin/users/" + id;
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        model.addAttribute("account", account);
        return "account/user-edit";
    }

    @PostMapping("/{id}/active")
    String setActive(@PathVariable UUID id, @RequestParam boolean active, RedirectAttributes redirect) {
        try {
            accounts.setActive(id, active);
            redirect.addFlashAttribute(active ? "activated" : "deactivated", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("actionError", e.code());
        }
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/{id}/second-factor")
    String resetSecondFactor(@PathVariable UUID id, RedirectAttributes redirect) {
        accounts.resetSecondFactor(id);
        redirect.addFlashAttribute("secondFactorReset", true);
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/{id}/password")
    String resetPassword(@PathVariable UUID id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("temporaryPassword", accounts.resetPassword(id));
        return "redirect:/admin/users/" + id;
    }
}
