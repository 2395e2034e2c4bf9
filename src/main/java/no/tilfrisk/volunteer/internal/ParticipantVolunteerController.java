package no.tilfrisk.volunteer.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.platform.web.Confirmation;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import no.tilfrisk.volunteer.ParticipantMatches;
import no.tilfrisk.volunteer.Slots;
import no.tilfrisk.volunteer.VolunteerWishes;
import no.tilfrisk.volunteer.WishForm;
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
 * «Min side»'s volunteer page for the participant: wish for a volunteer, say yes to one proposed (and, if they
 * tick it, consent to share with that volunteer), give or withdraw that consent later, end a match at any time
 * without giving a reason.
 */
@Controller
class ParticipantVolunteerController {

    private final VolunteerWishes wishes;
    private final ParticipantMatches matches;

    ParticipantVolunteerController(VolunteerWishes wishes, ParticipantMatches matches) {
        this.wishes = wishes;
        this.matches = matches;
    }

    @GetMapping("/min-side/frivillig")
    String page(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", wishes.mine().map(WishForm::of).orElseGet(WishForm::new));
        }
        model.addAttribute("matches", matches.mine());
        model.addAttribute("wishes", Wish.values());
        model.addAttribute("slots", Slots.all());
        return "volunteer/my-page";
    }

    @PostMapping("/min-side/frivillig/wish")
    String saveWish(@ModelAttribute("form") WishForm form, BindingResult errors, Model model,
                    RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                wishes.saveMine(form);
                redirect.addFlashAttribute("saved", true);
                return "redirect:/min-side/frivillig";
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        model.addAttribute("matches", matches.mine());
        model.addAttribute("wishes", Wish.values());
        model.addAttribute("slots", Slots.all());
        return "volunteer/my-page";
    }

    /** The participant's yes; with {@code share} ticked, also their consent to share with that volunteer. */
    @PostMapping("/min-side/frivillig/matches/{id}/accept")
    String accept(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean share,
                  RedirectAttributes redirect) {
        try {
            matches.accept(id, share);
            redirect.addFlashAttribute("accepted", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("actionError", e.code());
        }
        return "redirect:/min-side/frivillig";
    }

    /** The open goals of their plan the participant shares with the volunteer become exactly those ticked. */
    @PostMapping("/min-side/frivillig/matches/{id}/goals")
    String goals(@PathVariable UUID id, @RequestParam(required = false) List<UUID> goalIds,
                 RedirectAttributes redirect) {
        try {
            matches.shareGoals(id, goalIds == null ? List.of() : goalIds);
            redirect.addFlashAttribute("goalsSaved", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("actionError", e.code());
        }
        return "redirect:/min-side/frivillig";
    }

    @PostMapping("/min-side/frivillig/matches/{id}/share")
    String share(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            matches.share(id);
            redirect.addFlashAttribute("sharing", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("actionError", e.code());
        }
        return "redirect:/min-side/frivillig";
    }

    /** Stops sharing with the volunteer after a question naming them; at once they no longer see the participant. */
    @PostMapping("/min-side/frivillig/matches/{id}/unshare")
    String unshare(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean confirmed,
                   HttpServletRequest request, Model model, RedirectAttributes redirect) {
        if (!confirmed) {
            ParticipantMatches.MyMatch match = matches.mine().stream().filter(m -> m.matchId().equals(id)).findFirst()
                    .orElseThrow(() -> new NotFoundException("Match"));
            return Confirmation.ask(model, request, "/min-side/frivillig", "volunteer.mypage.unshare",
                    "confirm.stopSharingWithVolunteer", match.volunteerName());
        }
        matches.stopSharing(id);
        redirect.addFlashAttribute("unshared", true);
        return "redirect:/min-side/frivillig";
    }

    /** Ends the match after a question (a tap too many must not end it); only one's own match is asked about. */
    @PostMapping("/min-side/frivillig/matches/{id}/end")
    String end(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean confirmed,
               HttpServletRequest request, Model model, RedirectAttributes redirect) {
        if (!confirmed) {
            ParticipantMatches.MyMatch match = matches.mine().stream().filter(m -> m.matchId().equals(id)).findFirst()
                    .orElseThrow(() -> new NotFoundException("Match"));
            return Confirmation.ask(model, request, "/min-side/frivillig", "volunteer.mypage.end",
                    "confirm.endVolunteerMatch", match.volunteerName());
        }
        try {
            matches.end(id);
            redirect.addFlashAttribute("ended", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("actionError", e.code());
        }
        return "redirect:/min-side/frivillig";
    }
}
