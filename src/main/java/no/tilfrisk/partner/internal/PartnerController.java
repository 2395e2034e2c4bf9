package no.tilfrisk.partner.internal;

import java.util.UUID;
import no.tilfrisk.partner.PartnerView;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

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
        return "partner/person";
    }
}
