package no.tilfrisk.account.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import no.tilfrisk.account.ApiTokens;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** «Mine API-nøkler»: the signed-in user's personal API tokens. */
@Controller
@RequestMapping("/account/tokens")
class TokenController {

    record TokenForm(@NotBlank(message = "{token.name.required}")
                     @Size(max = 100, message = "{token.name.size}") String name) {
    }

    private final ApiTokens tokens;

    TokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping
    String list(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new TokenForm(null));
        }
        model.addAttribute("tokens", tokens.mine());
        return "account/tokens";
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") TokenForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return list(model);
        }
        // shown once, on the page the redirect leads to; never stored in clear
        redirect.addFlashAttribute("issued", tokens.create(form.name()));
        return "redirect:/account/tokens";
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
        tokens.revoke(id);
        redirect.addFlashAttribute("revoked", true);
        return "redirect:/account/tokens";
    }
}
