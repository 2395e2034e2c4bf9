package no.tilfrisk.account.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of sign-in through OpenID Connect: the admin's settings of the organisation's provider (linked from the
 * settings page), the page for a provider that does not answer, and the page after logout that offers the
 * provider's own logout.
 */
@Controller
class OidcController {

    static final String END_SESSION = OidcController.class.getName() + ".endSession";
    static final String PROVIDER = OidcController.class.getName() + ".provider";

    private final OidcProviders providers;
    private final SignInThrottle throttle;

    OidcController(OidcProviders providers, SignInThrottle throttle) {
        this.providers = providers;
        this.throttle = throttle;
    }

    @GetMapping("/admin/sign-in")
    String settings(Model model) {
        return showSettings(model, providers.settings());
    }

    @PostMapping("/admin/sign-in")
    String save(@ModelAttribute("form") OidcProviderForm form, BindingResult errors, Model model,
                RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                providers.save(form);
                redirect.addFlashAttribute("saved", true);
                return "redirect:/admin/sign-in";
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        form.setClientSecret(null);
        return showSettings(model, form);
    }

    /** Reached only when the sign-in filter did not send the user on to the provider: why not, in words. */
    @GetMapping(OidcSignIn.AUTHORIZATION_PATH + "/{id}")
    String unavailable(@PathVariable String id, HttpServletRequest request, HttpServletResponse response,
                       Model model) {
        return unavailablePage(request, response, model);
    }

    /** The same page when the provider stopped answering after its redirect back (the token exchange, its keys). */
    @GetMapping(OidcSignIn.UNANSWERED_PATH)
    String unanswered(HttpServletRequest request, HttpServletResponse response, Model model) {
        return unavailablePage(request, response, model);
    }

    private String unavailablePage(HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!(request.getAttribute(OidcSignIn.UNAVAILABLE) instanceof OidcClientRegistrations.Lookup.Unavailable u)) {
            throw new NotFoundException("Provider");
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        model.addAttribute("unavailable", u.provider().displayName());
        model.addAttribute("providers", providers.offered());
        model.addAttribute("throttleMinutes", throttle.window().toMinutes());
        return "account/login";
    }

    @RequestMapping(path = "/logout/provider", method = {RequestMethod.GET, RequestMethod.POST})
    String loggedOut(HttpServletRequest request, Model model) {
        if (!(request.getAttribute(END_SESSION) instanceof String url)) {
            return "redirect:/login?logout";
        }
        model.addAttribute("endSession", url);
        model.addAttribute("provider", request.getAttribute(PROVIDER));
        return "account/logged-out";
    }

    private String showSettings(Model model, OidcProviderForm form) {
        model.addAttribute("form", form);
        model.addAttribute("configured", providers.configured());
        model.addAttribute("allRoles", no.tilfrisk.account.Role.values());
        return "account/oidc-settings";
    }
}
