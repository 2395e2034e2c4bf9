package no.tilfrisk.activity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.time.DayOfWeek;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.tilfrisk.account.UserAccounts;
import no.tilfrisk.activity.Activities;
import no.tilfrisk.activity.Activity;
import no.tilfrisk.activity.ActivityCounts;
import no.tilfrisk.activity.ActivityForm;
import no.tilfrisk.activity.ActivityFormat;
import no.tilfrisk.activity.ActivitySessions;
import no.tilfrisk.activity.SessionForm;
import no.tilfrisk.organisation.Department;
import no.tilfrisk.organisation.Departments;
import no.tilfrisk.platform.web.Confirmation;
import no.tilfrisk.platform.web.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The activity pages: the list with its figures for a period, an activity with its sessions, create and change. */
@Controller
@RequestMapping("/activities")
class ActivityController {

    private final Activities activities;
    private final ActivitySessions sessions;
    private final Departments departments;
    private final UserAccounts users;
    private final Clock clock;

    ActivityController(Activities activities, ActivitySessions sessions, Departments departments, UserAccounts users,
                       Clock clock) {
        this.clock = clock;
        this.activities = activities;
        this.sessions = sessions;
        this.departments = departments;
        this.users = users;
    }

    @GetMapping
    String list(@RequestParam(required = false) UUID department, @RequestParam(required = false) UUID kind,
                @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                Model model) {
        Period period = Period.chosenOrThisYear(from, to, LocalDate.now(clock));
        LocalDate start = period.from();
        LocalDate end = period.to();
        model.addAttribute("department", department);
        model.addAttribute("kind", kind);
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        List<Department> all = departments.list();
        model.addAttribute("personCounts", ActivityAccess.mayCountPersons());
        model.addAttribute("visibleDepartments", all.stream().filter(d -> ActivityAccess.maySeeCounts(d.id())).toList());
        model.addAttribute("kinds", activities.kinds());
        model.addAttribute("mayCreate", !activities.departmentsToManage().isEmpty());
        try {
            var overviews = activities.list(department, start, end).stream()
                    .filter(o -> kind == null || o.activity().kind().id().equals(kind)).toList();
            model.addAttribute("overviews", overviews);
        } catch (InvalidInputException e) {
            model.addAttribute("overviews", List.of());
            model.addAttribute("periodError", e.code());
        }
        return "activity/list";
    }

    @GetMapping("/new")
    String newActivity(Model model) {
        List<Department> mine = activities.departmentsToCreateIn();
        ActivityForm form = new ActivityForm();
        form.setStartDate(LocalDate.now(clock));
        if (mine.size() == 1) {
            form.setDepartmentId(mine.get(0).id());
        }
        model.addAttribute("form", form);
        model.addAttribute("formId", UUID.randomUUID());
        return formPage(model, null);
    }

    @PostMapping
    String create(@RequestParam UUID formId, @Valid @ModelAttribute("form") ActivityForm form, BindingResult errors,
                  Model model) {
        if (!errors.hasErrors()) {
            try {
                Activity created = activities.create(formId, form);
                return "redirect:/activities/" + created.id() + "?created";
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        model.addAttribute("formId", formId);
        return formPage(model, null);
    }

    /** Sessions shown per page of an activity, both the upcoming and the past ones. */
    static final int SESSIONS_PER_PAGE = 10;

    /**
     * An activity: about it, its figures for a period, and its sessions, those to come first (soonest first) and the
     * past in their own list (latest first), each paged; {@code list} says which of the two {@code page} turns.
     */
    @GetMapping("/{id}")
    String show(@PathVariable UUID id, @RequestParam(required = false) LocalDate from,
                @RequestParam(required = false) LocalDate to, @RequestParam(defaultValue = "upcoming") String list,
                @RequestParam(defaultValue = "0") int page, Model model) {
        Activity activity = activities.get(id);
        LocalDate today = LocalDate.now(clock);
        LocalDate start = from != null ? from : activity.startDate();
        LocalDate end = to != null ? to : activity.endDate() != null ? activity.endDate()
                : today.withDayOfYear(1).plusYears(1).minusDays(1);
        if (end.isBefore(start)) {
            end = start;
        }
        if (from == null && start.plusYears(10).isBefore(end)) {
            start = end.minusYears(10).plusDays(1); // a long-running group shows its last ten years unless asked
        }
        model.addAttribute("activity", activity);
        model.addAttribute("department", departments.get(activity.departmentId()));
        model.addAttribute("personCounts", ActivityAccess.mayCountPersons());
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        try {
            model.addAttribute("counts", activities.counts(id, start, end));
        } catch (InvalidInputException e) {
            model.addAttribute("counts", ActivityCounts.NONE);
            model.addAttribute("periodError", e.code());
        }
        boolean pastPaged = "past".equals(list);
        model.addAttribute("upcoming", sessions.page(id, today, true, pastPaged ? 0 : page, SESSIONS_PER_PAGE));
        model.addAttribute("past", sessions.page(id, today, false, pastPaged ? page : 0, SESSIONS_PER_PAGE));
        // leaders may be volunteers: named to those who run the department's activities, not to report readers
        model.addAttribute("leaders", ActivityAccess.mayManage(activity.departmentId())
                || activity.leaderIds().contains(ActivityAccess.caller().userId())
                ? users.names(new HashSet<>(activity.leaderIds())) : Map.of());
        model.addAttribute("mayManage", ActivityAccess.mayManage(activity.departmentId()));
        model.addAttribute("mayTakeRollCall", ActivityAccess.mayManage(activity.departmentId())
                || activity.leaderIds().contains(ActivityAccess.caller().userId()));
        model.addAttribute("today", today);
        model.addAttribute("weekdays", DayOfWeek.values());
        if (!model.containsAttribute("sessionForm")) {
            SessionForm sessionForm = new SessionForm();
            sessionForm.setDate(activity.covers(today) ? today : activity.startDate());
            model.addAttribute("sessionForm", sessionForm);
        }
        return "activity/show";
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        Activity activity = activities.forChange(id);
        model.addAttribute("form", ActivityForm.of(activity));
        return formPage(model, activity);
    }

    @PostMapping("/{id}")
    String update(@PathVariable UUID id, @Valid @ModelAttribute("form") ActivityForm form, BindingResult errors,
                  Model model, RedirectAttributes redirect) {
        Activity activity = activities.get(id);
        if (!errors.hasErrors()) {
            try {
                activities.update(id, form);
                redirect.addFlashAttribute("saved", true);
                return "redirect:/activities/" + id;
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        return formPage(model, activity);
    }

    @PostMapping("/{id}/archive")
    String archive(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean confirmed,
                   HttpServletRequest request, Model model, RedirectAttributes redirect) {
        if (!confirmed) {
            return Confirmation.ask(model, request, "/activities/" + id, "activities.archive",
                    "confirm.archiveActivity", activities.toArchive(id).name());
        }
        activities.archive(id);
        redirect.addFlashAttribute("archived", id);
        return "redirect:/activities";
    }

    /** The undo of archiving: the activity is back in the lists. */
    @PostMapping("/{id}/unarchive")
    String unarchive(@PathVariable UUID id, RedirectAttributes redirect) {
        activities.unarchive(id);
        redirect.addFlashAttribute("unarchived", true);
        return "redirect:/activities/" + id;
    }

    @PostMapping("/{id}/sessions")
    String addSessions(@PathVariable UUID id, @Valid @ModelAttribute("sessionForm") SessionForm form,
                       BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                int created = sessions.add(id, form);
                redirect.addFlashAttribute("sessionsAdded", created);
                return "redirect:/activities/" + id + "#sessions";
            } catch (InvalidInputException e) {
                e.addTo(errors);
            }
        }
        model.addAttribute("addOpen", true);
        return show(id, null, null, "upcoming", 0, model);
    }

    @GetMapping("/kinds")
    String kinds(Model model) {
        activities.departmentsToCreateIn();
        model.addAttribute("kinds", activities.kinds());
        return "activity/kinds";
    }

    @PostMapping("/kinds")
    String addKind(@RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
        try {
            activities.addKind(name);
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("kindError", e.code());
        }
        return "redirect:/activities/kinds";
    }

    private String formPage(Model model, Activity activity) {
        model.addAttribute("activity", activity);
        model.addAttribute("formats", ActivityFormat.values());
        model.addAttribute("kinds", activities.kinds());
        model.addAttribute("myDepartments", activities.departmentsToManage());
        model.addAttribute("possibleLeaders", users.possibleLeaders());
        model.addAttribute("knownPartners", activities.knownPartners());
        return "activity/form";
    }
}
