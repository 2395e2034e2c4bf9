package no.tilfrisk.account.internal;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    private final SignInThrottle throttle;
    private final OidcProviders providers;

    LoginController(SignInThrottle throttle, OidcProviders providers) {
        this.throttle = throttle;
        this.providers = providers;
    }

    @GetMapping("/login")
    String login(Authentication authentication, Model model) {
        if (authentication != null && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "redirect:/";
        }
        model.addAttribute("throttleMinutes", throttle.window().toMinutes());
        model.addAttribute("providers", providers.offered());
        return "account/login";
    }
}
