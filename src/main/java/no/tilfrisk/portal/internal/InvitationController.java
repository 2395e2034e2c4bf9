package no.tilfrisk.portal.internal;

import jakarta.validation.Valid;
import java.util.Locale;
import java.util.UUID;
import no.tilfrisk.person.PersonDetails;
import no.tilfrisk.person.PersonDirectory;
import no.tilfrisk.platform.web.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff invite a participant to «Min side»; the participant follows the link and chooses a password. */
@Controller
class InvitationController {

    private final Invitations invitations;
    private final PersonDirectory directory;
    private final InvitationLinks links;

    InvitationController(Invitations invitations, PersonDirectory directory, InvitationLinks links) {
        this.invitations = invitations;
        this.directory = directory;
        this.links = links;
    }

    @GetMapping("/persons/{personId}/invitation")
    String form(@PathVariable UUID personId, Model model) {
        PersonDetails person = directory.get(personId);
        model.addAttribute("form", new InvitationForm(person.email()));
        return page(person, model);
    }

    @PostMapping("/persons/{personId}/invitation")
    String send(@PathVariable UUID personId, @Valid @ModelAttribute("form") InvitationForm form, BindingResult errors,
                Locale locale, RedirectAttributes redirect, Model model) {
        if (!errors.hasErrors()) {
            try {
                redirect.addFlashAttribute("sent", invitations.invite(personId, form, links.baseUrl(), locale));
                return "redirect:/persons/" + personId + "/invitation";
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        return page(directory.get(personId), model);
    }

    private String page(PersonDetails person, Model model) {
        model.addAttribute("person", person);
        model.addAttribute("validHours", Invitations.VALID_FOR.toHours());
        return "portal/invite";
    }

    @GetMapping("/invitation/{token}")
    String accept(@PathVariable String token, Model model) {
        model.addAttribute("form", new PasswordForm());
        return acceptPage(token, model);
    }

    @PostMapping("/invitation/{token}")
    String accept(@PathVariable String token, @Valid @ModelAttribute("form") PasswordForm form, BindingResult errors,
                  Model model) {
        if (!errors.hasErrors()) {
            try {
                var email = invitations.accept(token, form);
                if (email.isPresent()) {
                    return "redirect:/login?invited";
                }
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        return acceptPage(token, model);
    }

    private String acceptPage(String token, Model model) {
        var pending = invitations.find(token);
        model.addAttribute("pending", pending.orElse(null));
        model.addAttribute("token", token);
        model.addAttribute("minLength", PasswordForm.MIN_LENGTH);
        return "portal/accept";
    }
}
