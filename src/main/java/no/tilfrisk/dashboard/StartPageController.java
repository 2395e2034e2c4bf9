package no.tilfrisk.dashboard;

import java.util.Comparator;
import java.util.List;
import no.tilfrisk.account.CurrentUser;
import no.tilfrisk.account.Role;
import no.tilfrisk.organisation.Departments;
import no.tilfrisk.organisation.Organisations;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page after sign-in: the user's departments and «Mine oppgaver», soonest first, from every module. */
@Controller
class StartPageController {

    /** Enough for a day's work; the modules' own pages have the rest. */
    static final int MAX_TASKS = 50;

    private final Organisations organisations;
    private final Departments departments;
    private final List<TaskSource> taskSources;

    StartPageController(Organisations organisations, Departments departments, List<TaskSource> taskSources) {
        this.organisations = organisations;
        this.departments = departments;
        this.taskSources = taskSources;
    }

    @GetMapping("/")
    String start(Model model) {
        var user = CurrentUser.get();
        if (user.roles().equals(java.util.Set.of(Role.PARTICIPANT))) {
            return "redirect:/min-side"; // a participant's start is their own page
        }
        model.addAttribute("user", user);
        model.addAttribute("organisation", organisations.current());
        model.addAttribute("departments", departments.list().stream()
                .filter(d -> user.departmentIds().contains(d.id()))
                .toList());
        model.addAttribute("tasks", taskSources.stream().flatMap(s -> s.tasksFor(user).stream())
                .sorted(Comparator.comparing(Task::due)).limit(MAX_TASKS).toList());
        // the task list is for those who work with persons; it shows even when empty, so they know it is there
        model.addAttribute("tasksShown", user.roles().stream().anyMatch(Role::seesPersonalData));
        return "dashboard/start";
    }
}
