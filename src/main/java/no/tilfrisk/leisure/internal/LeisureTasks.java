package no.tilfrisk.leisure.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import no.tilfrisk.dashboard.Task;
import no.tilfrisk.dashboard.TaskSource;
import no.tilfrisk.leisure.Inclusions;
import no.tilfrisk.leisure.Lending;
import no.tilfrisk.platform.tenancy.TenantPrincipal;
import org.springframework.stereotype.Component;

/**
 * The leisure work on «Mine oppgaver» for coordinators and staff: the follow-up's check-ins (2 weeks, 1, 3, 6 and
 * 12 months) due within {@value #HORIZON_DAYS} days or overdue, and loans past their expected return, for
 * participants of their departments. Nothing for other roles, admins included, who would get every department's.
 */
@Component
class LeisureTasks implements TaskSource {

    static final int HORIZON_DAYS = 14;

    private final Inclusions inclusions;
    private final Lending lending;
    private final Clock clock;

    LeisureTasks(Inclusions inclusions, Lending lending, Clock clock) {
        this.inclusions = inclusions;
        this.lending = lending;
        this.clock = clock;
    }

    @Override
    public List<Task> tasksFor(TenantPrincipal user) {
        if (!user.hasRole("COORDINATOR") && !user.hasRole("STAFF")) {
            return List.of();
        }
        List<Task> tasks = new ArrayList<>();
        inclusions.checkInsDue(LocalDate.now(clock).plusDays(HORIZON_DAYS)).forEach(d -> tasks.add(new Task(d.on(),
                "leisure.task.checkIn." + d.due().name(), d.participantName(),
                "/leisure/processes/" + d.processId() + "#check-ins", null)));
        lending.overdue().forEach(l -> tasks.add(new Task(l.expectedReturn(), "leisure.task.loanOverdue",
                l.participantName() + " (" + l.itemName() + ")", "/leisure/equipment", null)));
        return tasks;
    }
}
