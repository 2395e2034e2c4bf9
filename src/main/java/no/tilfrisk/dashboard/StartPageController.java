package no.tilfrisk.dashboard;

import java.util.Set;
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

    private final Organisations organisations;
    private final Departments departments;
    private final MyTasks tasks;

    StartPageController(Organisations organisations, Departments departments, MyTasks tasks) {
        this.organisations = organisations;
        this.departments = departments;
        this.tasks = tasks;
    }

    @GetMapping("/")
    String start(Model model) {
        var user = CurrentUser.get();
        if (user.roles().equals(Set.of(Role.PARTICIPANT))) {
            return "redirect:/min-side"; // a participant's start is their own page
        }
        model.addAttribute("user", user);
        model.addAttribute("organisation", organisations.current());
        model.addAttribute("departments", departments.list().stream()
                .filter(d -> user.departmentIds().contains(d.id()))
                .toList());
        model.addAttribute("tasks", tasks.of(user));
        // the task list is for those who work with persons; it shows even when empty, so they know it is there
        model.addAttribute("tasksShown", user.roles().stream().anyMatch(Role::seesPersonalData));
        return "dashboard/start";
    }
}
