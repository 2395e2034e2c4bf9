package no.tilfrisk.portal.internal;

import java.util.UUID;
import no.tilfrisk.account.CurrentUser;
import no.tilfrisk.activity.SessionSignUps;
import no.tilfrisk.caregroup.NextMeeting;
import no.tilfrisk.outcome.DueMeasurement;
import no.tilfrisk.outcome.MyOutcomes;
import no.tilfrisk.outcome.Outcomes;
import no.tilfrisk.plan.MyPlan;
import no.tilfrisk.platform.web.NotFoundException;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * «Min side»: the participant's own start page and their coming sessions. Everything here is about the signed-in
 * participant's own person, found from the account; no page takes a person from the request.
 */
@Controller
class MyPageController {

    private final SessionSignUps signUps;
    private final NextMeeting nextMeeting;
    private final MyPlan plan;
    private final MyOutcomes myOutcomes;
    private final Outcomes outcomes;

    MyPageController(SessionSignUps signUps, MyPlan plan, MyOutcomes myOutcomes, Outcomes outcomes,
                     NextMeeting nextMeeting) {
        this.signUps = signUps;
        this.nextMeeting = nextMeeting;
        this.plan = plan;
        this.myOutcomes = myOutcomes;
        this.outcomes = outcomes;
    }

    @GetMapping("/min-side")
    String home(Model model) {
        model.addAttribute("name", CurrentUser.get().displayName());
        model.addAttribute("coming", signUps.coming().stream().filter(s -> !s.cancelled()).limit(3).toList());
        model.addAttribute("summary", plan.summary().orElse(null));
        model.addAttribute("due", dueMeasurements());
        model.addAttribute("nextMeeting", nextMeeting.mine().orElse(null));
        return "portal/home";
    }

    /** What the participant is asked to answer now; nothing when the account is not linked to a person. */
    private List<DueMeasurement> dueMeasurements() {
        try {
            return outcomes.dueFor(myOutcomes.myPerson());
        } catch (NotFoundException notLinked) {
            return List.of();
        }
    }

    @GetMapping("/min-side/aktiviteter")
    String activities(Model model) {
        model.addAttribute("coming", signUps.coming());
        model.addAttribute("aheadDays", SessionSignUps.AHEAD_DAYS);
        return "portal/activities";
    }

    @PostMapping("/min-side/aktiviteter/{sessionId}")
    String signUp(@PathVariable UUID sessionId, @RequestParam(defaultValue = "true") boolean coming,
                  RedirectAttributes redirect) {
        signUps.signUp(sessionId, coming);
        redirect.addFlashAttribute("changed", coming ? "signedUp" : "signedOff");
        return "redirect:/min-side/aktiviteter#s-" + sessionId;
    }
}
