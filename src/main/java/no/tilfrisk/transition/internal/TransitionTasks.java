package no.tilfrisk.transition.internal;

import java.util.List;
import java.util.stream.Collectors;
import no.tilfrisk.dashboard.Task;
import no.tilfrisk.dashboard.TaskSource;
import no.tilfrisk.platform.tenancy.TenantPrincipal;
import no.tilfrisk.transition.AlertTask;
import no.tilfrisk.transition.ChecklistItem;
import no.tilfrisk.transition.TransitionAlerts;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The transition alerts on the recipient's «Mine oppgaver»: the step (8, 4, 1 weeks, the day, no first contact),
 * the person and the items still not in place, linked to the transition, with «done» closing the alert. Only for
 * the staff roles.
 */
@Component
class TransitionTasks implements TaskSource {

    private final TransitionAlerts alerts;
    private final MessageSource messages;

    TransitionTasks(TransitionAlerts alerts, MessageSource messages) {
        this.alerts = alerts;
        this.messages = messages;
    }

    @Override
    public List<Task> tasksFor(TenantPrincipal user) {
        if (!(user.hasRole("ORG_ADMIN") || user.hasRole("COORDINATOR") || user.hasRole("STAFF"))) {
            return List.of();
        }
        return alerts.mine().stream().map(this::task).toList();
    }

    private Task task(AlertTask a) {
        String subject = a.personName();
        if (!a.stillOpen().isEmpty()) {
            subject += ": " + a.stillOpen().stream().map(this::label).collect(Collectors.joining(", "));
        }
        String href = "/persons/" + a.personId() + "/transitions/" + a.alert().transitionId();
        return new Task(a.alert().dueOn(), "transition.task." + a.alert().step().name(), subject, href,
                "/transitions/alerts/" + a.alert().id() + "/done");
    }

    private String label(ChecklistItem i) {
        return i.messageKey() == null ? i.label()
                : messages.getMessage(i.messageKey(), null, i.code().name(), LocaleContextHolder.getLocale());
    }
}
