package no.tilfrisk.directory.internal;

import java.time.DayOfWeek;
import java.util.UUID;
import no.tilfrisk.directory.Need;
import no.tilfrisk.directory.Offer;
import no.tilfrisk.directory.OfferForm;
import no.tilfrisk.directory.Offers;
import no.tilfrisk.directory.OperatorKind;
import no.tilfrisk.directory.TargetGroup;
import no.tilfrisk.platform.web.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The keepers' pages of the directory (admins and directory editors): their offers, a new one, changing one
 * (with its weekly hours, past midnight ticked where it closes after midnight, and dates of their own), confirming
 * it, its history, and the offers not confirmed for six months.
 */
@Controller
class OfferKeeperController {

    /** Empty rows the form offers beyond those the offer has. */
    static final int SPARE_HOURS = 7;
    static final int SPARE_DATES = 2;

    private final Offers offers;

    OfferKeeperController(Offers offers) {
        this.offers = offers;
    }

    @GetMapping("/directory/offers")
    String list(Model model) {
        model.addAttribute("offers", offers.kept());
        return "directory/keeper-list";
    }

    @GetMapping("/directory/review")
    String review(Model model) {
        model.addAttribute("offers", offers.forReview());
        return "directory/review";
    }

    @GetMapping("/directory/offers/new")
    String create(Model model) {
        OfferForm form = new OfferForm();
        form.setHoursKnown(true);
        return form(model, form, null, UUID.randomUUID());
    }

    @PostMapping("/directory/offers")
    String create(@RequestParam UUID formId, @ModelAttribute("form") OfferForm form, BindingResult errors, Model model) {
        if (!errors.hasErrors()) {
            try {
                return "redirect:/tilbud/" + offers.create(formId, form);
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        return form(model, form, null, formId);
    }

    @GetMapping("/directory/offers/{id}")
    String edit(@PathVariable UUID id, Model model) {
        Offer offer = offers.forEditing(id);
        return form(model, Offers.formOf(offer), offer, null);
    }

    @PostMapping("/directory/offers/{id}")
    String update(@PathVariable UUID id, @RequestParam int version, @ModelAttribute("form") OfferForm form,
                  BindingResult errors, Model model) {
        Offer offer = offers.forEditing(id);
        if (!errors.hasErrors()) {
            try {
                offers.update(id, version, form);
                return "redirect:/tilbud/" + id;
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        return form(model, form, offer, null);
    }

    @PostMapping("/directory/offers/{id}/confirm")
    String confirm(@PathVariable UUID id) {
        offers.confirm(id);
        return "redirect:/directory/review";
    }

    @GetMapping("/directory/offers/{id}/history")
    String history(@PathVariable UUID id, Model model) {
        model.addAttribute("offer", offers.forEditing(id));
        model.addAttribute("changes", offers.history(id));
        return "directory/history";
    }

    private String form(Model model, OfferForm form, Offer offer, UUID formId) {
        while (form.getHours().size() < SPARE_HOURS || form.getHours().stream().filter(h -> h.getOpens() == null || h.getOpens().isBlank()).count() < 2) {
            form.getHours().add(new OfferForm.Hours());
            if (form.getHours().size() > 60) {
                break;
            }
        }
        for (int i = 0; i < SPARE_DATES; i++) {
            form.getExceptions().add(new OfferForm.Exception());
        }
        model.addAttribute("form", form);
        model.addAttribute("offer", offer);
        model.addAttribute("formId", formId);
        model.addAttribute("kinds", OperatorKind.values());
        model.addAttribute("needs", Need.values());
        model.addAttribute("groups", TargetGroup.values());
        model.addAttribute("weekdays", DayOfWeek.values());
        return "directory/form";
    }
}
