package no.tilfrisk.report.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import no.tilfrisk.organisation.Department;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The coordinators' and admins' dashboard: the last 12 months of one department (admins: any, or the whole
 * organisation). The department arrives as text, so that a wrong one is a message on the page, not an error page.
 */
@Controller
class DashboardController {

    private final CoordinatorDashboard dashboard;
    private final Clock clock;

    DashboardController(CoordinatorDashboard dashboard, Clock clock) {
        this.dashboard = dashboard;
        this.clock = clock;
    }

    @GetMapping("/dashboard")
    String page(@RequestParam(required = false) String department, Locale locale, Model model) {
        var choices = dashboard.departmentsToChoose();
        UUID chosen = dashboard.defaultDepartment();
        boolean unknown = false;
        if (department != null && !department.isBlank()) {
            UUID asked = choices.stream().map(Department::id).filter(id -> id.toString().equals(department.strip()))
                    .findFirst().orElse(null);
            if (asked == null) {
                unknown = true;
            } else {
                chosen = asked;
            }
        }
        LocalDate[] period = CoordinatorDashboard.lastTwelveMonths(LocalDate.now(clock));
        model.addAttribute("doc", dashboard.document(chosen, period[0], period[1], locale));
        model.addAttribute("departments", choices);
        model.addAttribute("department", chosen);
        model.addAttribute("unknownDepartment", unknown);
        model.addAttribute("from", period[0]);
        model.addAttribute("to", period[1]);
        return "report/dashboard";
    }
}
