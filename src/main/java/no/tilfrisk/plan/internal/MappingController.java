package no.tilfrisk.plan.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.plan.LifeArea;
import no.tilfrisk.plan.Mapping;
import no.tilfrisk.plan.MappingForm;
import no.tilfrisk.plan.Mappings;
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

/** Mapping conversations for staff: the person's mappings, a new one, one, and two side by side. */
@Controller
class MappingController {

    private final Mappings mappings;
    private final PersonLookup persons;
    private final Clock clock;

    MappingController(Mappings mappings, PersonLookup persons, Clock clock) {
        this.clock = clock;
        this.mappings = mappings;
        this.persons = persons;
    }

    @GetMapping("/persons/{personId}/mappings")
    String list(@PathVariable UUID personId, Model model) {
        List<Mapping> list = mappings.ofPerson(personId);
        model.addAttribute("mappings", list);
        model.addAttribute("person", persons.names(List.of(personId)).get(personId));
        model.addAttribute("allAreas", LifeArea.values());
        return "plan/mappings";
    }

    @GetMapping("/persons/{personId}/mappings/new")
    String newMapping(@PathVariable UUID personId, Model model) {
        MappingForm form = new MappingForm();
        form.setMappedOn(LocalDate.now(clock));
        model.addAttribute("form", form);
        model.addAttribute("formId", UUID.randomUUID());
        return formPage(personId, model);
    }

    @PostMapping("/persons/{personId}/mappings")
    String record(@PathVariable UUID personId, @RequestParam UUID formId, @ModelAttribute("form") MappingForm form,
                  BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                UUID id = mappings.record(formId, personId, form);
                redirect.addFlashAttribute("saved", true);
                return "redirect:/persons/" + personId + "/mappings/" + id;
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        model.addAttribute("formId", formId);
        return formPage(personId, model);
    }

    @GetMapping("/persons/{personId}/mappings/{mappingId}")
    String show(@PathVariable UUID personId, @PathVariable UUID mappingId, Model model) {
        model.addAttribute("mapping", mappings.get(personId, mappingId));
        model.addAttribute("person", persons.names(List.of(personId)).get(personId));
        model.addAttribute("allAreas", LifeArea.values());
        return "plan/mapping";
    }

    @GetMapping("/persons/{personId}/mappings/compare")
    String compare(@PathVariable UUID personId, @RequestParam UUID a, @RequestParam UUID b, Model model) {
        model.addAttribute("comparison", mappings.compare(personId, a, b));
        model.addAttribute("person", persons.names(List.of(personId)).get(personId));
        return "plan/compare";
    }

    private String formPage(UUID personId, Model model) {
        // the interests need staff rights, so a caller without them stops here, before the person's name shows
        model.addAttribute("interests", mappings.interests());
        mappings.ofPerson(personId);
        model.addAttribute("person", persons.names(List.of(personId)).get(personId));
        model.addAttribute("allAreas", LifeArea.values());
        return "plan/mapping-form";
    }
}
