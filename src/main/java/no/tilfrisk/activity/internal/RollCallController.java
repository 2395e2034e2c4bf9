package no.tilfrisk.activity.internal;

import java.util.UUID;
import no.tilfrisk.activity.ActivitySession;
import no.tilfrisk.activity.ActivitySessions;
import no.tilfrisk.activity.AttendanceRollCall;
import no.tilfrisk.platform.web.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Roll call on a phone: search-as-you-type, one tap per person (one small request with htmx, a plain form post
 * without it), head-counts, and cancelling a session.
 */
@Controller
@RequestMapping("/sessions/{id}")
class RollCallController {

    private final AttendanceRollCall rollCall;
    private final ActivitySessions sessions;

    RollCallController(AttendanceRollCall rollCall, ActivitySessions sessions) {
        this.rollCall = rollCall;
        this.sessions = sessions;
    }

    @GetMapping
    String open(@PathVariable UUID id, Model model) {
        var call = rollCall.open(id);
        model.addAttribute("call", call);
        model.addAttribute("sitting", call.session());
        model.addAttribute("markBase", markBase(id));
        model.addAttribute("activity", call.activity());
        model.addAttribute("mayManage", ActivityAccess.mayManage(call.activity().departmentId()));
        return "activity/rollcall";
    }

    /** Search results for the roll call (the htmx fragment, or the whole page without htmx). */
    @GetMapping("/find")
    String find(@PathVariable UUID id, @RequestParam(defaultValue = "") String q,
                @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("found", rollCall.find(id, q));
        model.addAttribute("q", q);
        if (htmx != null) {
            model.addAttribute("markBase", markBase(id));
            return "activity/rollcall :: found";
        }
        return open(id, model);
    }

    /** One tap: present or not. With htmx the answer is the person's row; without, back to the page. */
    @PostMapping("/attendance/{personId}")
    String mark(@PathVariable UUID id, @PathVariable UUID personId, @RequestParam(defaultValue = "true") boolean present,
                @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
                RedirectAttributes redirect) {
        try {
            var mark = rollCall.mark(id, personId, present);
            if (htmx != null) {
                model.addAttribute("m", mark);
                model.addAttribute("markBase", markBase(id));
                return "activity/rollcall :: mark";
            }
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("actionError", e.code());
        }
        return "redirect:/sessions/" + id;
    }

    /** A head-count as typed: empty keeps what was there; anything but a whole number is that field's error. */
    private static int count(String field, String typed, int kept) {
        if (typed == null || typed.isBlank()) {
            return kept;
        }
        try {
            return Integer.parseInt(typed.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "typeMismatch.java.lang.Integer");
        }
    }

    /** Where a tap on a person goes, without the person's id. */
    private static String markBase(UUID session) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/sessions/{id}/attendance/")
                .buildAndExpand(session).getPath();
    }

    @PostMapping("/counts")
    String counts(@PathVariable UUID id, @RequestParam(required = false) String adults,
                  @RequestParam(required = false) String children, @RequestParam(required = false) String guests,
                  RedirectAttributes redirect) {
        ActivitySession session = sessions.get(id);
        try {
            rollCall.count(id, count("adults", adults, session.adults()), count("children", children, session.children()),
                    count("guests", guests, session.guests()));
            redirect.addFlashAttribute("counted", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("countError", e.code());
            redirect.addFlashAttribute("countField", e.field());
        }
        return "redirect:/sessions/" + id + "#counts";
    }

    @PostMapping("/cancel")
    String cancel(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        ActivitySession session = sessions.get(id);
        try {
            sessions.cancel(id, reason);
            redirect.addFlashAttribute("cancelled", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("actionError", e.code());
        }
        return "redirect:/activities/" + session.activityId() + "#sessions";
    }

    @PostMapping("/reinstate")
    String reinstate(@PathVariable UUID id, RedirectAttributes redirect) {
        ActivitySession session = sessions.get(id);
        sessions.reinstate(id);
        redirect.addFlashAttribute("reinstated", true);
        return "redirect:/activities/" + session.activityId() + "#sessions";
    }
}
