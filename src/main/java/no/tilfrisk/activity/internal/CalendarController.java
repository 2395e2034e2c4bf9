package no.tilfrisk.activity.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import no.tilfrisk.activity.ActivitySessions;
import no.tilfrisk.activity.ActivitySessions.CalendarEntry;
import no.tilfrisk.activity.CalendarFeeds;
import no.tilfrisk.organisation.Department;
import no.tilfrisk.organisation.Departments;
import no.tilfrisk.platform.web.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The calendar: a week or a month of sessions, per department or of what the caller leads, as a list by day (it
 * reads on a phone and to a screen reader). And the department feeds for calendar apps.
 */
@Controller
@RequestMapping("/calendar")
class CalendarController {

    /** One day of the calendar with its sessions. */
    record Day(LocalDate date, List<CalendarEntry> entries) {
    }

    private final ActivitySessions sessions;
    private final CalendarFeeds feeds;
    private final Departments departments;
    private final MessageSource messages;
    private final Clock clock;

    CalendarController(ActivitySessions sessions, CalendarFeeds feeds, Departments departments, MessageSource messages,
                       Clock clock) {
        this.clock = clock;
        this.sessions = sessions;
        this.feeds = feeds;
        this.departments = departments;
        this.messages = messages;
    }

    @GetMapping
    String calendar(@RequestParam(defaultValue = "week") String view, @RequestParam(required = false) LocalDate date,
                    @RequestParam(required = false) UUID department, @RequestParam(defaultValue = "false") boolean mine,
                    Model model) {
        boolean month = "month".equals(view);
        LocalDate today = LocalDate.now(clock);
        LocalDate day = date != null ? date : today;
        LocalDate from = month ? day.withDayOfMonth(1) : day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate to = month ? from.plusMonths(1).minusDays(1) : from.plusDays(6);
        Map<LocalDate, List<CalendarEntry>> byDay = sessions.between(from, to, department, mine).stream()
                .collect(Collectors.groupingBy(e -> e.session().date()));
        List<Day> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            // a week shows every day; a month only days with something on
            if (!month || byDay.containsKey(d)) {
                days.add(new Day(d, byDay.getOrDefault(d, List.of())));
            }
        }
        model.addAttribute("month", month);
        model.addAttribute("view", month ? "month" : "week");
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("previous", month ? from.minusMonths(1) : from.minusWeeks(1));
        model.addAttribute("next", month ? from.plusMonths(1) : from.plusWeeks(1));
        model.addAttribute("days", days);
        model.addAttribute("department", department);
        model.addAttribute("mine", mine);
        model.addAttribute("today", today);
        model.addAttribute("visibleDepartments", departments.list().stream()
                .filter(d -> ActivityAccess.maySeeCounts(d.id())).toList());
        model.addAttribute("departmentNames", departments.list().stream()
                .collect(Collectors.toMap(Department::id, Department::name)));
        return "activity/calendar";
    }

    @GetMapping("/feeds")
    String feeds(Model model) {
        model.addAttribute("feeds", feeds.list());
        model.addAttribute("feedBase", ServletUriComponentsBuilder
                .fromCurrentContextPath().path("/calendar/feed/").toUriString());
        model.addAttribute("myDepartments", departments.list().stream()
                .filter(d -> ActivityAccess.mayManage(d.id())).toList());
        model.addAttribute("departmentNames", departments.list().stream()
                .collect(Collectors.toMap(Department::id, Department::name)));
        return "activity/feeds";
    }

    @PostMapping("/feeds")
    String createFeed(@RequestParam(required = false) UUID departmentId, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("newFeed", feeds.create(departmentId));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("feedError", e.code());
        }
        return "redirect:/calendar/feeds";
    }

    @PostMapping("/feeds/{id}/revoke")
    String revokeFeed(@PathVariable UUID id, RedirectAttributes redirect) {
        feeds.revoke(id);
        redirect.addFlashAttribute("revoked", true);
        return "redirect:/calendar/feeds";
    }

    /** The feed itself, for calendar apps: no sign-in, the token is the key. */
    @GetMapping("/feed/{token}.ics")
    ResponseEntity<String> feed(@PathVariable String token, Locale locale) {
        return feeds.render(token, messages.getMessage("calendar.feed.name", null, locale))
                .map(ics -> ResponseEntity.ok().cacheControl(CacheControl.noStore().cachePrivate())
                        .contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8)).body(ics))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
