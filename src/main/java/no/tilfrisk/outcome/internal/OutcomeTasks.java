package no.tilfrisk.outcome.internal;

import java.util.List;
import no.tilfrisk.dashboard.Task;
import no.tilfrisk.dashboard.TaskSource;
import no.tilfrisk.outcome.Outcomes;
import no.tilfrisk.platform.tenancy.TenantPrincipal;
import org.springframework.stereotype.Component;

/**
 * Measurements due for the participants of the signed-in guide's own departments, on «Mine oppgaver»: one task per
 * person, soonest first, at most {@link #LIMIT}; nothing for roles that do not follow participants up.
 */
@Component
class OutcomeTasks implements TaskSource {

    static final int LIMIT = 10;

    private final Outcomes outcomes;

    OutcomeTasks(Outcomes outcomes) {
        this.outcomes = outcomes;
    }

    @Override
    public List<Task> tasksFor(TenantPrincipal user) {
        if (!(user.hasRole("ORG_ADMIN") || user.hasRole("COORDINATOR") || user.hasRole("STAFF"))) {
            return List.of();
        }
        return outcomes.dueInMyDepartments(LIMIT).stream().map(d -> new Task(d.due(), "task.outcome", d.personName(),
                "/persons/" + d.personId() + "/outcomes", null)).toList();
    }
}
