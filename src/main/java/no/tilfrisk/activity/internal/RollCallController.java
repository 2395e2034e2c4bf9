package no.tilfrisk.activity.internal;

import java.util.List;
import java.util.Map;
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
 * without it), head-counts with steppers, and cancelling a session. With htmx a tap or a count answers with the
 * changed row or counts and, out of band, «Til stede» and the running total; without it every form posts and
 * comes back to the page.
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
        model.addAttribute("tally", call.tally());
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
                @RequestParam(defaultValue = "found") String list, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
                RedirectAttributes redirect) {
        try {
            var mark = rollCall.mark(id, personId, present);
            if (htmx != null) {
                model.addAttribute("m", mark);
                model.addAttribute("list", list);
                model.addAttribute("markBase", markBase(id));
                model.addAttribute("tally", rollCall.present(id));
                return "activity/rollcall :: marked";
            }
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("actionError", e.code());
        }
        return "redirect:/sessions/" + id;
    }

    /**
     * A head-count as typed, when it is not what the page showed ({@code was}; a form without it counts as changed):
     * {@code null} when left as it was, or empty; anything but a whole number is that field's error.
     */
    static Integer typed(String field, String typed, String was) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        int value;
        try {
            value = Integer.parseInt(typed.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "typeMismatch.java.lang.Integer");
        }
        return was != null && was.strip().equals(String.valueOf(value)) ? null : value;
    }

    /**
     * The change a save makes: the fields typed anew, and one field one up or down when its stepper was pressed
     * ({@code step} is {@code field:1} or {@code field:-1}).
     */
    static AttendanceRollCall.HeadCountChange change(Map<String, String> form) {
        String step = form.get("step");
        String stepped = null;
        int by = 0;
        if (step != null && step.indexOf(':') > 0) {
            stepped = step.substring(0, step.indexOf(':'));
            by = "-1".equals(step.substring(step.indexOf(':') + 1)) ? -1 : 1;
        }
        return new AttendanceRollCall.HeadCountChange(typed("adults", form.get("adults"), form.get("adultsWas")),
                typed("children", form.get("children"), form.get("childrenWas")),
                typed("guests", form.get("guests"), form.get("guestsWas")), stepped, by);
    }

    /** Where a tap on a person goes, without the person's id. */
    private static String markBase(UUID session) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/sessions/{id}/attendance/")
                .buildAndExpand(session).getPath();
    }

    /**
     * The head-counts: as typed (saved on change with htmx, by «Lagre antall» without), or one up or down by a
     * stepper. With htmx the answer is the messages and, out of band, the numbers this save set and the total;
     * without, back to the page.
     */
    @PostMapping("/counts")
    String counts(@PathVariable UUID id, @RequestParam Map<String, String> form,
                  @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
                  RedirectAttributes redirect) {
        boolean counted = false;
        String error = null;
        String field = null;
        List<String> changed = List.of();
        try {
            var change = change(form);
            rollCall.recount(id, change);
            counted = true;
            changed = change.fields();
        } catch (InvalidInputException e) {
            error = e.code();
            field = e.field();
            changed = field == null ? List.of() : List.of(field);
        }
        if (htmx != null) {
            var call = rollCall.present(id);
            model.addAttribute("tally", call);
            model.addAttribute("sitting", call.session());
            model.addAttribute("activity", call.activity());
            model.addAttribute("counted", counted);
            model.addAttribute("countError", error);
            model.addAttribute("countField", field);
            // only the numbers this save set: a number being typed in another box meanwhile stays as typed
            model.addAttribute("countsChanged", changed);
            return "activity/rollcall :: counted";
        }
        redirect.addFlashAttribute("counted", counted);
        redirect.addFlashAttribute("countError", error);
        redirect.addFlashAttribute("countField", field);
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
