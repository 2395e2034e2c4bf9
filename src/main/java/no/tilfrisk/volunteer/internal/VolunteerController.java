package no.tilfrisk.volunteer.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.organisation.Department;
import no.tilfrisk.organisation.Departments;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.person.PersonLookup.PersonName;
import no.tilfrisk.plan.LifeArea;
import no.tilfrisk.plan.Mappings;
import no.tilfrisk.platform.tenancy.TenantPrincipal;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.volunteer.Match;
import no.tilfrisk.volunteer.Matches;
import no.tilfrisk.volunteer.ScreeningForm;
import no.tilfrisk.volunteer.Slots;
import no.tilfrisk.volunteer.VolunteerProfileForm;
import no.tilfrisk.volunteer.Volunteers;
import no.tilfrisk.volunteer.matching.VolunteerKind;
import no.tilfrisk.volunteer.matching.Wish;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordinator's volunteer pages: the list (screening missing or running out, load), a search to add a volunteer
 * from the person register, the police certificate's years (admins), and one volunteer's profile and screening
 * forms with their matches. Rights in the services.
 */
@Controller
class VolunteerController {

    private final Volunteers volunteers;
    private final Matches matches;
    private final Mappings mappings;
    private final PersonLookup persons;
    private final Departments departments;

    VolunteerController(Volunteers volunteers, Matches matches, Mappings mappings, PersonLookup persons,
                        Departments departments) {
        this.volunteers = volunteers;
        this.matches = matches;
        this.mappings = mappings;
        this.persons = persons;
        this.departments = departments;
    }

    @GetMapping("/volunteers")
    String list(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("volunteers", volunteers.list());
        model.addAttribute("years", volunteers.policeCertificateYears());
        model.addAttribute("q", q);
        List<PersonName> found = new ArrayList<>();
        if (q != null && !q.isBlank()) {
            TenantPrincipal me = VolunteerAccess.caller();
            for (Department d : departments.list()) {
                if (me.hasRole("ORG_ADMIN") || me.departmentIds().contains(d.id())) {
                    persons.findInDepartment(d.id(), q.strip(), 20, "volunteer.search").stream()
                            .filter(p -> found.stream().noneMatch(x -> x.id().equals(p.id()))).forEach(found::add);
                }
            }
        }
        model.addAttribute("found", found);
        return "volunteer/list";
    }

    @PostMapping("/volunteers/settings")
    String settings(@RequestParam(required = false) Integer years, RedirectAttributes redirect) {
        try {
            volunteers.setPoliceCertificateYears(years);
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("settingError", e.code());
        }
        return "redirect:/volunteers";
    }

    @GetMapping("/volunteers/{id}")
    String show(@PathVariable UUID id, Model model) {
        String name = volunteers.name(id);
        if (!model.containsAttribute("profile")) {
            model.addAttribute("profile", volunteers.profile(id).map(VolunteerProfileForm::of)
                    .orElseGet(VolunteerProfileForm::new));
        }
        if (!model.containsAttribute("screening")) {
            model.addAttribute("screening", ScreeningForm.of(volunteers.screening(id)));
        }
        return page(id, name, model);
    }

    @PostMapping("/volunteers/{id}/profile")
    String saveProfile(@PathVariable UUID id, @ModelAttribute("profile") VolunteerProfileForm form,
                       BindingResult errors, Model model, RedirectAttributes redirect) {
        String name = volunteers.name(id);
        if (!errors.hasErrors()) {
            try {
                volunteers.saveProfile(id, form);
                redirect.addFlashAttribute("saved", true);
                return "redirect:/volunteers/" + id;
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        model.addAttribute("screening", ScreeningForm.of(volunteers.screening(id)));
        return page(id, name, model);
    }

    @PostMapping("/volunteers/{id}/screening")
    String saveScreening(@PathVariable UUID id, @ModelAttribute("screening") ScreeningForm form,
                         BindingResult errors, Model model, RedirectAttributes redirect) {
        String name = volunteers.name(id);
        if (!errors.hasErrors()) {
            try {
                volunteers.saveScreening(id, form);
                redirect.addFlashAttribute("saved", true);
                return "redirect:/volunteers/" + id;
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        model.addAttribute("profile", volunteers.profile(id).map(VolunteerProfileForm::of)
                .orElseGet(VolunteerProfileForm::new));
        return page(id, name, model);
    }

    private String page(UUID id, String name, Model model) {
        model.addAttribute("personId", id);
        model.addAttribute("name", name);
        model.addAttribute("status", volunteers.status(id));
        List<Match> theirs = matches.ofVolunteer(id);
        model.addAttribute("matches", theirs);
        model.addAttribute("names", matches.names(theirs.stream().map(Match::participantId).toList()));
        model.addAttribute("kinds", VolunteerKind.values());
        model.addAttribute("wishes", Wish.values());
        model.addAttribute("areas", LifeArea.values());
        model.addAttribute("slots", Slots.all());
        model.addAttribute("interests", mappings.interests());
        return "volunteer/show";
    }
}
