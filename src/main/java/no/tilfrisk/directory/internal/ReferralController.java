package no.tilfrisk.directory.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.directory.OfferSearch;
import no.tilfrisk.directory.OfferSummary;
import no.tilfrisk.directory.Offers;
import no.tilfrisk.directory.ReferralForm;
import no.tilfrisk.directory.ReferralOutcome;
import no.tilfrisk.directory.Referrals;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.platform.Text;
import no.tilfrisk.platform.web.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A person's referrals to the directory's offers: the list with outcomes, and a new one chosen by a search. */
@Controller
class ReferralController {

    private final Referrals referrals;
    private final Offers offers;
    private final PersonLookup persons;
    private final Clock clock;

    ReferralController(Referrals referrals, Offers offers, PersonLookup persons, Clock clock) {
        this.referrals = referrals;
        this.offers = offers;
        this.persons = persons;
        this.clock = clock;
    }

    @GetMapping("/persons/{personId}/referrals")
    String show(@PathVariable("personId") UUID id, @RequestParam(required = false) String q, Model model) {
        ReferralForm form = new ReferralForm();
        form.setReferredOn(LocalDate.now(clock));
        return page(id, q, form, UUID.randomUUID(), model);
    }

    @PostMapping("/persons/{personId}/referrals")
    String refer(@PathVariable("personId") UUID id, @RequestParam UUID formId, @RequestParam(required = false) String q,
                 @ModelAttribute("form") ReferralForm form, BindingResult errors, Model model) {
        if (!errors.hasErrors()) {
            try {
                referrals.refer(formId, id, form);
                return "redirect:/persons/" + id + "/referrals";
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        return page(id, q, form, formId, model);
    }

    @PostMapping("/persons/{personId}/referrals/{referralId}/outcome")
    String outcome(@PathVariable("personId") UUID id, @PathVariable UUID referralId,
                   @RequestParam(required = false) ReferralOutcome outcome) {
        referrals.outcome(id, referralId, outcome);
        return "redirect:/persons/" + id + "/referrals";
    }

    private String page(UUID id, String q, ReferralForm form, UUID formId, Model model) {
        model.addAttribute("referrals", referrals.forPerson(id));
        model.addAttribute("person", persons.names(Set.of(id)).get(id));
        String query = Text.blankToNull(q);
        if (query != null && query.length() > OfferSearch.MAX_QUERY) {
            query = query.substring(0, OfferSearch.MAX_QUERY);
        }
        List<OfferSummary> hits = query == null && form.getOfferId() == null ? List.of()
                : offers.search(new OfferSearch(query, Set.of(), Set.of(), false, false, null, null, null, 0, 20)).items();
        model.addAttribute("q", query);
        model.addAttribute("hits", hits);
        model.addAttribute("form", form);
        model.addAttribute("formId", formId);
        model.addAttribute("outcomes", ReferralOutcome.values());
        return "directory/referrals";
    }
}
