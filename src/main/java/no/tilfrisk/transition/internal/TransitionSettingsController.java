package no.tilfrisk.transition.internal;

import java.util.UUID;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.transition.TransitionSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's settings for transitions: the institutions and prisons of the organisation's list (the seeded ones,
 * its own added, any taken off the list for new transitions) and its own checklist items.
 */
@Controller
class TransitionSettingsController {

    private final TransitionSettings settings;

    TransitionSettingsController(TransitionSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/admin/transitions")
    String page(Model model) {
        model.addAttribute("institutions", settings.institutions());
        model.addAttribute("extras", settings.extras());
        model.addAttribute("formId", UUID.randomUUID());
        return "transition/settings";
    }

    @PostMapping("/admin/transitions/institutions")
    String addInstitution(@RequestParam UUID formId, @RequestParam(required = false) String name,
                          @RequestParam(required = false) String type, RedirectAttributes redirect) {
        try {
            settings.addInstitution(formId, name, type);
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("institutionError", e.code());
            redirect.addFlashAttribute("institutionName", name);
        }
        return "redirect:/admin/transitions#institutions";
    }

    @PostMapping("/admin/transitions/institutions/{institutionId}/active")
    String setActive(@PathVariable("institutionId") UUID id, @RequestParam boolean active, RedirectAttributes redirect) {
        settings.setInstitutionActive(id, active);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/transitions#institutions";
    }

    @PostMapping("/admin/transitions/extras")
    String addExtra(@RequestParam UUID formId, @RequestParam(required = false) String label,
                    RedirectAttributes redirect) {
        try {
            settings.addExtra(formId, label);
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("extraError", e.code());
            redirect.addFlashAttribute("extraLabel", label);
        }
        return "redirect:/admin/transitions#extras";
    }

    @PostMapping("/admin/transitions/extras/{extraId}/retire")
    String retire(@PathVariable("extraId") UUID id, RedirectAttributes redirect) {
        settings.retireExtra(id);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/transitions#extras";
    }
}
