package no.tilfrisk.leisure.internal;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.UUID;
import no.tilfrisk.leisure.Catalogue;
import no.tilfrisk.leisure.ClubForm;
import no.tilfrisk.leisure.ClubKind;
import no.tilfrisk.leisure.ClubSearch;
import no.tilfrisk.platform.web.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The catalogue of local clubs: the search, a new club, a club to edit. Rules in {@link Catalogue}. */
@Controller
class ClubController {

    private final Catalogue catalogue;

    ClubController(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/leisure/clubs")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) ClubKind kind,
                  @RequestParam(required = false) String municipality, @RequestParam(required = false) DayOfWeek day,
                  @RequestParam(required = false) BigDecimal maxCost, @RequestParam(defaultValue = "0") int page,
                  Model model) {
        ClubSearch s = new ClubSearch(q, kind, municipality, day, maxCost);
        model.addAttribute("search", s);
        model.addAttribute("result", catalogue.search(s, page, 25));
        model.addAttribute("kinds", ClubKind.values());
        model.addAttribute("days", DayOfWeek.values());
        return "leisure/clubs";
    }

    @GetMapping("/leisure/clubs/new")
    String create(Model model) {
        model.addAttribute("form", catalogue.blank());
        return formPage(null, UUID.randomUUID(), model);
    }

    @PostMapping("/leisure/clubs")
    String save(@RequestParam UUID formId, @ModelAttribute("form") ClubForm form, BindingResult errors, Model model,
                RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                UUID id = catalogue.create(formId, form);
                redirect.addFlashAttribute("saved", true);
                return "redirect:/leisure/clubs/" + id;
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        return formPage(null, formId, model);
    }

    @GetMapping("/leisure/clubs/{id}")
    String edit(@PathVariable UUID id, Model model) {
        model.addAttribute("form", ClubForm.of(catalogue.get(id)));
        return formPage(id, null, model);
    }

    @PostMapping("/leisure/clubs/{id}")
    String update(@PathVariable UUID id, @ModelAttribute("form") ClubForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                catalogue.update(id, form);
                redirect.addFlashAttribute("saved", true);
                return "redirect:/leisure/clubs/" + id;
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        } else {
            catalogue.get(id);
        }
        return formPage(id, null, model);
    }

    private String formPage(UUID id, UUID formId, Model model) {
        model.addAttribute("clubId", id);
        model.addAttribute("formId", formId);
        model.addAttribute("kinds", ClubKind.values());
        model.addAttribute("days", DayOfWeek.values());
        return "leisure/club";
    }
}
