package no.tilfrisk.plan.internal;

import java.util.List;
import no.tilfrisk.dashboard.Task;
import no.tilfrisk.dashboard.TaskSource;
import no.tilfrisk.plan.Plans;
import no.tilfrisk.platform.tenancy.TenantPrincipal;
import org.springframework.stereotype.Component;

/** Evaluations and actions due on the signed-in staff member's «Mine oppgaver»; nothing for other roles. */
@Component
class PlanTasks implements TaskSource {

    private static final int LIMIT = 50;

    private final Plans plans;

    PlanTasks(Plans plans) {
        this.plans = plans;
    }

    @Override
    public List<Task> tasksFor(TenantPrincipal user) {
        if (!(user.hasRole("ORG_ADMIN") || user.hasRole("COORDINATOR") || user.hasRole("STAFF"))) {
            return List.of();
        }
        return plans.due(LIMIT).stream().map(d -> {
            String base = "/persons/" + d.personId() + "/plan";
            return d.isEvaluation()
                    ? new Task(d.due(), "plan.task.evaluation", d.personName() + ": " + d.text(),
                            base + "/goals/" + d.goalId() + "/evaluations/new", null)
                    : new Task(d.due(), "plan.task.action", d.personName() + ": " + d.text(),
                            base + "#action-" + d.actionId(), base + "/actions/" + d.actionId() + "/done");
        }).toList();
    }
}
