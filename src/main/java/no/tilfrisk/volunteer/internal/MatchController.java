package no.tilfrisk.volunteer.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.tilfrisk.person.ConsentMethod;
import no.tilfrisk.platform.web.Confirmation;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.volunteer.CheckIn;
import no.tilfrisk.volunteer.EndReason;
import no.tilfrisk.volunteer.MatchAction;
import no.tilfrisk.volunteer.MatchSharing;
import no.tilfrisk.volunteer.MatchSuggestions;
import no.tilfrisk.volunteer.Matches;
import no.tilfrisk.volunteer.ProposalForm;
import no.tilfrisk.volunteer.Slots;
import no.tilfrisk.volunteer.VolunteerWishes;
import no.tilfrisk.volunteer.WishForm;
import no.tilfrisk.volunteer.matching.Reason;
import no.tilfrisk.volunteer.matching.Suggestion;
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
 * The coordinator's matching pages: a participant's wish for a volunteer, the ranked suggestions for one
 * participant with their reasons and a «Foreslå» button, the assignment for all who wait (edited, then proposed in
 * one submit), and a match with its history, meetings, moves and check-ins. Rights and hard rules in the services.
 */
@Controller
class MatchController {

    private final Matches matches;
    private final MatchSharing sharing;
    private final MatchSuggestions suggestions;
    private final VolunteerWishes wishes;
    private final ReasonTexts reasons;

    MatchController(Matches matches, MatchSharing sharing, MatchSuggestions suggestions, VolunteerWishes wishes,
                    ReasonTexts reasons) {
        this.matches = matches;
        this.sharing = sharing;
        this.suggestions = suggestions;
        this.wishes = wishes;
        this.reasons = reasons;
    }

    @GetMapping("/volunteers/waiting")
    String waiting(Model model) {
        model.addAttribute("waiting", suggestions.waiting());
        return "volunteer/waiting";
    }

    @GetMapping("/volunteers/wishes/{personId}")
    String wish(@PathVariable UUID personId, Model model) {
        model.addAttribute("form", wishes.of(personId).map(WishForm::of).orElseGet(WishForm::new));
        return wishPage(personId, model);
    }

    @PostMapping("/volunteers/wishes/{personId}")
    String saveWish(@PathVariable UUID personId, @ModelAttribute("form") WishForm form, BindingResult errors,
                    Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                wishes.save(personId, form);
                redirect.addFlashAttribute("saved", true);
                return "redirect:/volunteers/wishes/" + personId;
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        return wishPage(personId, model);
    }

    private String wishPage(UUID personId, Model model) {
        var theirs = matches.ofParticipant(personId);
        model.addAttribute("personId", personId);
        model.addAttribute("name", matches.names(List.of(personId)).get(personId));
        model.addAttribute("matches", theirs);
        model.addAttribute("names", matches.names(theirs.stream().map(m -> m.volunteerId()).toList()));
        model.addAttribute("wishes", Wish.values());
        model.addAttribute("slots", Slots.all());
        return "volunteer/wish";
    }

    /** One suggestion as the page shows it: the volunteer, the score and the reasons in words. */
    record Shown(UUID volunteerId, String name, int score, String reasons) {
    }

    @GetMapping("/volunteers/suggestions/{personId}")
    String suggestions(@PathVariable UUID personId, Model model) {
        List<Suggestion> ranked = suggestions.forParticipant(personId);
        model.addAttribute("personId", personId);
        model.addAttribute("name", matches.names(List.of(personId)).get(personId));
        model.addAttribute("suggestions", ranked.stream().map(s -> new Shown(s.candidate().volunteerId(),
                s.candidate().name(), s.score(), reasons.sentence(s.reasons()))).toList());
        model.addAttribute("wish", wishes.of(personId).orElse(null));
        model.addAttribute("goals", sharing.openGoals(personId));
        model.addAttribute("helpKinds", Wish.values());
        model.addAttribute("formId", UUID.randomUUID());
        return "volunteer/suggestions";
    }

    @PostMapping("/volunteers/matches")
    String propose(@RequestParam UUID formId, @ModelAttribute ProposalForm form, BindingResult errors,
                   RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                UUID id = matches.propose(formId, form);
                redirect.addFlashAttribute("proposed", true);
                return "redirect:/volunteers/matches/" + id;
            } catch (InvalidInputException e) {
                InvalidInputException first = e.all().get(0);
                redirect.addFlashAttribute("proposalError", reasons.text(new Reason(first.code(),
                        Arrays.stream(first.args()).map(String::valueOf).toList())));
            }
        } else {
            redirect.addFlashAttribute("proposalError", reasons.text(new Reason("volunteer.match.volunteer.unknown", List.of())));
        }
        return form.getParticipantId() == null ? "redirect:/volunteers/waiting"
                : "redirect:/volunteers/suggestions/" + form.getParticipantId();
    }

    /** The rows of the assignment form: one per waiting participant. */
    public static class AssignmentForm {
        private List<ProposalForm> rows = new ArrayList<>();

        public List<ProposalForm> getRows() { return rows; }
        public void setRows(List<ProposalForm> v) { rows = v; }
    }

    @GetMapping("/volunteers/assignment")
    String assignment(Model model) {
        var proposal = suggestions.assignment();
        AssignmentForm form = new AssignmentForm();
        for (var seeker : proposal.seekers()) {
            var pairing = proposal.pairings().get(seeker.personId());
            ProposalForm row = new ProposalForm(seeker.personId(), pairing == null ? null : pairing.volunteerId(),
                    seeker.wishes().stream().findFirst().orElse(Wish.COMPANY));
            form.getRows().add(row);
        }
        model.addAttribute("form", form);
        return assignmentPage(proposal, UUID.randomUUID(), model);
    }

    @PostMapping("/volunteers/assignment")
    String proposeAll(@RequestParam UUID formId, @ModelAttribute("form") AssignmentForm form, BindingResult errors,
                      Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                List<UUID> ids = matches.proposeAll(formId, form.getRows());
                redirect.addFlashAttribute("proposedCount", ids.size());
                return "redirect:/volunteers/waiting";
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        return assignmentPage(suggestions.assignment(), formId, model);
    }

    private String assignmentPage(MatchSuggestions.Proposal proposal, UUID formId, Model model) {
        Map<UUID, String> names = new LinkedHashMap<>();
        proposal.seekers().forEach(s -> names.put(s.personId(), s.name()));
        model.addAttribute("proposal", proposal);
        model.addAttribute("names", names);
        model.addAttribute("helpKinds", Wish.values());
        model.addAttribute("formId", formId);
        return "volunteer/assignment";
    }

    @GetMapping("/volunteers/matches/{id}")
    String match(@PathVariable UUID id, Model model) {
        model.addAttribute("view", matches.get(id));
        model.addAttribute("reasons", EndReason.values());
        model.addAttribute("checkIns", CheckIn.values());
        model.addAttribute("shareMethods", List.of(ConsentMethod.SIGNED, ConsentMethod.VERBAL));
        return "volunteer/match";
    }

    /**
     * A state change; ending (with its reason) asks first, naming both, as it cannot be undone. The participant's yes
     * carries, when ticked, their consent to share with the volunteer and how it was given ({@code shareMethod}).
     */
    @PostMapping("/volunteers/matches/{id}/act")
    String act(@PathVariable UUID id, @RequestParam MatchAction action,
               @RequestParam(required = false) EndReason reason, @RequestParam(required = false) LocalDate on,
               @RequestParam(required = false) ConsentMethod shareMethod,
               @RequestParam(defaultValue = "false") boolean confirmed, HttpServletRequest request, Model model,
               RedirectAttributes redirect) {
        if (action == MatchAction.END && reason != null && !confirmed) {
            Matches.MatchView view = matches.get(id);
            return Confirmation.ask(model, request, "/volunteers/matches/" + id, "volunteer.match.action.END",
                    "confirm.endMatch", view.participantName(), view.volunteerName());
        }
        try {
            if (action == MatchAction.ACCEPT_FOR_PARTICIPANT) {
                matches.acceptForParticipant(id, shareMethod, on);
            } else {
                matches.act(id, action, reason, on);
            }
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("actionError", e.all().get(0).code());
        }
        return "redirect:/volunteers/matches/" + id;
    }

    /** Records the participant's consent to share with the match's volunteer, by name, and how it was given. */
    @PostMapping("/volunteers/matches/{id}/share")
    String share(@PathVariable UUID id, @RequestParam(required = false) ConsentMethod shareMethod,
                 RedirectAttributes redirect) {
        try {
            sharing.recordConsent(id, shareMethod);
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("actionError", e.all().get(0).code());
        }
        return "redirect:/volunteers/matches/" + id;
    }

    /** The open plan goals the participant shares with the volunteer become exactly those ticked. */
    @PostMapping("/volunteers/matches/{id}/goals")
    String goals(@PathVariable UUID id, @RequestParam(required = false) List<UUID> goalIds,
                 RedirectAttributes redirect) {
        try {
            sharing.shareGoals(id, goalIds == null ? List.of() : goalIds);
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("actionError", e.all().get(0).code());
        }
        return "redirect:/volunteers/matches/" + id;
    }

    @PostMapping("/volunteers/matches/{id}/check-ins/{step}")
    String checkIn(@PathVariable UUID id, @PathVariable CheckIn step, @RequestParam(required = false) String from,
                   RedirectAttributes redirect) {
        try {
            matches.checkIn(id, step);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("actionError", e.code());
        }
        return "start".equals(from) ? "redirect:/" : "redirect:/volunteers/matches/" + id;
    }
}
