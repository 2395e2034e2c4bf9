package no.tilfrisk.volunteer.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import no.tilfrisk.dashboard.Task;
import no.tilfrisk.dashboard.TaskSource;
import no.tilfrisk.platform.tenancy.TenantPrincipal;
import no.tilfrisk.volunteer.Matches;
import org.springframework.stereotype.Component;

/**
 * The coordinator's check-ins on «Mine oppgaver»: 2 weeks, 6 weeks and 3 months after a match started, due within
 * {@value #HORIZON_DAYS} days or overdue, for participants of the coordinator's departments. Nothing for other
 * roles, admins included, who would get every department's (the roles are checked here, not refused, as every
 * source is asked for every user).
 */
@Component
class VolunteerTasks implements TaskSource {

    static final int HORIZON_DAYS = 14;

    private final Matches matches;
    private final Clock clock;

    VolunteerTasks(Matches matches, Clock clock) {
        this.matches = matches;
        this.clock = clock;
    }

    @Override
    public List<Task> tasksFor(TenantPrincipal user) {
        if (!user.hasRole("COORDINATOR")) {
            return List.of();
        }
        return matches.checkInsDue(LocalDate.now(clock).plusDays(HORIZON_DAYS)).stream()
                .map(d -> new Task(d.due(), "volunteer.task.checkIn." + d.step().name(), d.participantName(),
                        "/volunteers/matches/" + d.matchId(),
                        "/volunteers/matches/" + d.matchId() + "/check-ins/" + d.step().name()))
                .toList();
    }
}
