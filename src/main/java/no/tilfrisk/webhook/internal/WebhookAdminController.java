package no.tilfrisk.webhook.internal;

import java.util.UUID;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.webhook.CreatedWebhook;
import no.tilfrisk.webhook.WebhookEvent;
import no.tilfrisk.webhook.WebhookForm;
import no.tilfrisk.webhook.Webhooks;
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

/** The admin's hooks: the list with a form for a new one, and each hook with its delivery log. */
@Controller
@RequestMapping("/admin/webhooks")
class WebhookAdminController {

    private final Webhooks webhooks;

    WebhookAdminController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping
    String list(Model model) {
        return showList(model, new WebhookForm(), UUID.randomUUID());
    }

    @PostMapping
    String create(@RequestParam UUID formId, @ModelAttribute("form") WebhookForm form, BindingResult errors,
                  Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                CreatedWebhook created = webhooks.create(formId, form);
                if (created.secret() != null) {
                    redirect.addFlashAttribute("secret", created.secret());
                }
                return "redirect:/admin/webhooks/" + created.webhook().id();
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        return showList(model, form, formId);
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, Model model) {
        model.addAttribute("hook", webhooks.get(id));
        model.addAttribute("deliveries", webhooks.deliveries(id));
        return "webhook/show";
    }

    @PostMapping("/{id}/active")
    String setActive(@PathVariable UUID id, @RequestParam boolean active) {
        webhooks.setActive(id, active);
        return "redirect:/admin/webhooks/" + id;
    }

    private String showList(Model model, WebhookForm form, UUID formId) {
        model.addAttribute("hooks", webhooks.list());
        model.addAttribute("form", form);
        model.addAttribute("formId", formId);
        model.addAttribute("kinds", WebhookEvent.values());
        return "webhook/list";
    }
}
