package no.tilfrisk.partner.internal;

import jakarta.validation.Valid;
import java.util.UUID;
import no.tilfrisk.partner.PartnerAccountForm;
import no.tilfrisk.partner.PartnerKind;
import no.tilfrisk.partner.PartnerOrganisation;
import no.tilfrisk.partner.PartnerOrganisationForm;
import no.tilfrisk.partner.PartnerOrganisations;
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

/** The admin's register of partner organisations and their caseworkers' accounts. */
@Controller
@RequestMapping("/admin/partners")
class PartnerAdminController {

    private final PartnerOrganisations partners;

    PartnerAdminController(PartnerOrganisations partners) {
        this.partners = partners;
    }

    @GetMapping
    String list(Model model) {
        return showList(model, new PartnerOrganisationForm(), UUID.randomUUID());
    }

    @PostMapping
    String create(@RequestParam UUID formId, @Valid @ModelAttribute("form") PartnerOrganisationForm form,
                  BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                UUID id = partners.create(formId, form);
                redirect.addFlashAttribute("saved", form.getName().strip());
                return "redirect:/admin/partners/" + id;
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        return showList(model, form, formId);
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, Model model) {
        return showOne(id, model, new PartnerAccountForm());
    }

    @PostMapping("/{id}/accounts")
    String createAccount(@PathVariable UUID id, @Valid @ModelAttribute("form") PartnerAccountForm form,
                         BindingResult errors, Model model, RedirectAttributes redirect) {
        partners.get(id);
        if (!errors.hasErrors()) {
            try {
                redirect.addFlashAttribute("created", partners.createAccount(id, form));
                return "redirect:/admin/partners/" + id;
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        return showOne(id, model, form);
    }

    @PostMapping("/{id}/active")
    String setActive(@PathVariable UUID id, @RequestParam boolean active) {
        partners.setActive(id, active);
        return "redirect:/admin/partners/" + id;
    }

    private String showList(Model model, PartnerOrganisationForm form, UUID formId) {
        model.addAttribute("partners", partners.list());
        model.addAttribute("form", form);
        model.addAttribute("formId", formId);
        model.addAttribute("kinds", PartnerKind.values());
        return "partner/admin-list";
    }

    private String showOne(UUID id, Model model, PartnerAccountForm form) {
        PartnerOrganisation partner = partners.get(id);
        model.addAttribute("partner", partner);
        model.addAttribute("accounts", partners.accounts(id));
        model.addAttribute("form", form);
        return "partner/admin-show";
    }
}
