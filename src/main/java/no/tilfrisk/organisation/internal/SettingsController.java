package no.tilfrisk.organisation.internal;

import jakarta.validation.Valid;
import no.tilfrisk.organisation.OrganisationSettings;
import no.tilfrisk.organisation.Organisations;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/admin/settings")
class SettingsController {

    private final Organisations organisations;

    SettingsController(Organisations organisations) {
        this.organisations = organisations;
    }

    @GetMapping
    String show(Model model) {
        model.addAttribute("form", organisations.settingsToChange());
        return "organisation/settings";
    }

    @PostMapping
    String change(@Valid @ModelAttribute("form") OrganisationSettings form, BindingResult errors,
                  RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return "organisation/settings";
        }
        organisations.changeSettings(form);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/settings";
    }
}
