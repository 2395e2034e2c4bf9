package no.tilfrisk.partner.internal;

import java.util.UUID;
import no.tilfrisk.partner.PartnerView;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.transition.ItemStatus;
import no.tilfrisk.transition.ItemUpdate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The partner caseworker's pages: the persons who share with their organisation, and one person's page. */
@Controller
@RequestMapping("/partner")
class PartnerController {

    private final PartnerView view;

    PartnerController(PartnerView view) {
        this.view = view;
    }

    @GetMapping
    String persons(Model model) {
        model.addAttribute("partner", view.mine());
        model.addAttribute("persons", view.persons());
        return "partner/persons";
    }

    @GetMapping("/persons/{id}")
    String person(@PathVariable UUID id, Model model) {
        model.addAttribute("shared", view.person(id));
        model.addAttribute("statuses", ItemStatus.values());
        return "partner/person";
    }

    /** A checklist item the caseworker's organisation answers for: its status and a note. */
    @PostMapping("/persons/{id}/items/{itemId}")
    String updateItem(@PathVariable UUID id, @PathVariable UUID itemId,
                      @RequestParam(required = false) ItemStatus status, @RequestParam(required = false) String note,
                      RedirectAttributes redirect) {
        try {
            view.updateItem(id, itemId, new ItemUpdate(status, note));
            redirect.addFlashAttribute("savedItem", itemId);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("itemError", itemId);
            redirect.addFlashAttribute("itemErrorCode", e.code());
            redirect.addFlashAttribute("itemErrorArgs", e.args());
        }
        return "redirect:/partner/persons/" + id + "#item-" + itemId;
    }
}
