package no.tilfrisk.volunteer.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.tilfrisk.activity.Activities;
import no.tilfrisk.activity.Activity;
import no.tilfrisk.activity.ActivitySession;
import no.tilfrisk.activity.ActivitySessions;
import no.tilfrisk.platform.web.Confirmation;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.volunteer.MeetingForm;
import no.tilfrisk.volunteer.MeetingKind;
import no.tilfrisk.volunteer.MyVolunteering;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The volunteer's own pages, made for a phone and in plain words: my participants (what each shares), proposals to
 * say yes to, my groups with their next sessions and the roll call, my screening; and a participant's page with
 * the meeting form. A volunteer sees nothing else.
 */
@Controller
class MyVolunteerController {

    /** How many coming sessions of each group the page shows. */
    static final int NEXT_SESSIONS = 3;

    private final MyVolunteering mine;
    private final Activities activities;
    private final ActivitySessions sessions;
    private final Clock clock;

    MyVolunteerController(MyVolunteering mine, Activities activities, ActivitySessions sessions, Clock clock) {
        this.mine = mine;
        this.activities = activities;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** Hours as a phone keyboard types them: «1,5» or «1.5». */
    @InitBinder("form")
    void decimals(WebDataBinder binder) {
        binder.registerCustomEditor(BigDecimal.class, new DecimalInput());
    }

    @GetMapping("/frivillig")
    String home(Model model) {
        LocalDate today = LocalDate.now(clock);
        Map<Activity, List<ActivitySession>> groups = new LinkedHashMap<>();
        for (Activity a : activities.led()) {
            groups.put(a, sessions.list(a.id()).stream().filter(s -> !s.date().isBefore(today) && !s.cancelled())
                    .limit(NEXT_SESSIONS).toList());
        }
        model.addAttribute("participants", mine.participants());
        model.addAttribute("proposals", mine.proposals());
        model.addAttribute("groups", groups);
        model.addAttribute("screening", mine.screening());
        return "volunteer/mine";
    }

    @PostMapping("/frivillig/matches/{id}/accept")
    String accept(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            mine.accept(id);
            redirect.addFlashAttribute("accepted", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("actionError", e.code());
        }
        return "redirect:/frivillig";
    }

    /** The volunteer ends a match after a question naming the participant; only their own shared ones. */
    @PostMapping("/frivillig/matches/{id}/end")
    String end(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean confirmed,
               HttpServletRequest request, Model model, RedirectAttributes redirect) {
        if (!confirmed) {
            return Confirmation.ask(model, request, "/frivillig/matches/" + id, "volunteer.my.end",
                    "confirm.endVolunteering", mine.participant(id).displayName());
        }
        try {
            mine.end(id);
            redirect.addFlashAttribute("ended", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("actionError", e.code());
        }
        return "redirect:/frivillig";
    }

    @GetMapping("/frivillig/matches/{id}")
    String participant(@PathVariable UUID id, Model model) {
        MeetingForm form = new MeetingForm();
        form.setMetOn(LocalDate.now(clock));
        model.addAttribute("form", form);
        return page(id, UUID.randomUUID(), model);
    }

    @PostMapping("/frivillig/matches/{id}/meetings")
    String log(@PathVariable UUID id, @RequestParam UUID formId, @ModelAttribute("form") MeetingForm form,
               BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                mine.logMeeting(formId, id, form);
                redirect.addFlashAttribute("logged", true);
                return "redirect:/frivillig/matches/" + id;
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        return page(id, formId, model);
    }

    private String page(UUID id, UUID formId, Model model) {
        model.addAttribute("participant", mine.participant(id));
        model.addAttribute("meetings", mine.meetings(id));
        model.addAttribute("kinds", MeetingKind.values());
        model.addAttribute("formId", formId);
        return "volunteer/participant";
    }
}
