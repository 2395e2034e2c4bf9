package no.tilfrisk.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import no.tilfrisk.account.CurrentUser;
import no.tilfrisk.account.Role;
import no.tilfrisk.organisation.Departments;
import no.tilfrisk.organisation.Organisations;
import no.tilfrisk.platform.tenancy.TenantPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page after sign-in, per role. Those who run sessions (staff, coordinators, admins, volunteers) get
 * «I dag»: today's and the next two weeks' sessions they run, each with its roll call; a volunteer also the groups
 * they lead. Those who work with persons get «Mine oppgaver» from every module, grouped into overdue, this week and
 * later, with what arose since their last sitting marked «Ny». Report readers get their shortcuts; a participant's
 * start is «Min side». Other modules add sections through {@link StartSection.Source} (a volunteer's participants).
 */
@Controller
class StartPageController {

    /** How far «I dag» looks ahead, and how many sessions it shows at most. */
    static final int DAYS_AHEAD = 14;
    static final int SESSIONS_SHOWN = 8;

    private final Organisations organisations;
    private final Departments departments;
    private final MyTasks tasks;
    private final StartPageVisits visits;
    private final List<TodaySource> today;
    private final List<StartSection.Source> sections;
    private final Clock clock;

    StartPageController(Organisations organisations, Departments departments, MyTasks tasks,
                        StartPageVisits visits, List<TodaySource> today, List<StartSection.Source> sections, Clock clock) {
        this.organisations = organisations;
        this.departments = departments;
        this.tasks = tasks;
        this.visits = visits;
        this.today = today;
        this.sections = sections;
        this.clock = clock;
    }

    @GetMapping("/")
    String start(Model model) {
        var user = CurrentUser.get();
        if (user.roles().equals(Set.of(Role.PARTICIPANT))) {
            return "redirect:/min-side"; // a participant's start is their own page
        }
        LocalDate day = LocalDate.now(clock);
        model.addAttribute("user", user);
        model.addAttribute("organisation", organisations.current());
        model.addAttribute("departments", departments.list().stream()
                .filter(d -> user.departmentIds().contains(d.id()))
                .toList());
        // the task list is for those who work with persons; it shows even when empty, so they know it is there
        boolean tasksShown = user.roles().stream().anyMatch(Role::seesPersonalData);
        model.addAttribute("tasksShown", tasksShown);
        if (tasksShown) {
            // the tasks in one transaction, then the visit in its own short one (StartPageVisits)
            model.addAttribute("tasks", TaskGroups.of(tasks.of(user), day));
            model.addAttribute("seen", visits.visit(user.userId()));
        }
        boolean runsSessions = runsSessions(user);
        model.addAttribute("todayShown", runsSessions);
        if (runsSessions) {
            model.addAttribute("sittings", today.stream()
                    .flatMap(s -> s.sessionsFor(user, day, day.plusDays(DAYS_AHEAD), SESSIONS_SHOWN).stream())
                    .sorted(Comparator.comparing(Sitting::date)
                            .thenComparing(Sitting::startTime, Comparator.nullsFirst(Comparator.naturalOrder())))
                    .limit(SESSIONS_SHOWN).toList());
        }
        // a volunteer's groups: staff reach theirs through «Aktiviteter»
        model.addAttribute("groups", user.hasRole("VOLUNTEER") && !user.hasRole("STAFF")
                && !user.hasRole("COORDINATOR") && !user.hasRole("ORG_ADMIN")
                ? today.stream().flatMap(s -> s.groupsFor(user).stream()).toList() : List.of());
        model.addAttribute("sections", sections.stream().flatMap(s -> s.sectionFor(user).stream()).toList());
        return "dashboard/start";
    }

    private static boolean runsSessions(TenantPrincipal user) {
        return user.hasRole("ORG_ADMIN") || user.hasRole("COORDINATOR") || user.hasRole("STAFF")
                || user.hasRole("VOLUNTEER");
    }
}
