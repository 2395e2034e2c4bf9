package no.tilfrisk.dashboard;

import no.tilfrisk.account.CurrentUser;
import no.tilfrisk.organisation.Departments;
import no.tilfrisk.organisation.Organisations;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page after sign-in. Later modules add the user's tasks and figures here. */
@Controller
class StartPageController {

    private final Organisations organisations;
    private final Departments departments;

    StartPageController(Organisations organisations, Departments departments) {
        this.organisations = organisations;
        this.departments = departments;
    }

    @GetMapping("/")
    String start(Model model) {
        var user = CurrentUser.get();
        model.addAttribute("user", user);
        model.addAttribute("organisation", organisations.current());
        model.addAttribute("departments", departments.list().stream()
                .filter(d -> user.departmentIds().contains(d.id()))
                .toList());
        return "dashboard/start";
    }
}
