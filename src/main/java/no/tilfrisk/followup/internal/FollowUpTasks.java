package no.tilfrisk.followup.internal;

import java.util.List;
import no.tilfrisk.dashboard.Task;
import no.tilfrisk.dashboard.TaskSource;
import no.tilfrisk.followup.ContactLog;
import no.tilfrisk.platform.tenancy.TenantPrincipal;
import org.springframework.stereotype.Component;

/** The signed-in staff member's open follow-ups on «Mine oppgaver»; nothing for roles outside the contact log. */
@Component
class FollowUpTasks implements TaskSource {

    private static final int LIMIT = 50;

    private final ContactLog contacts;

    FollowUpTasks(ContactLog contacts) {
        this.contacts = contacts;
    }

    @Override
    public List<Task> tasksFor(TenantPrincipal user) {
        if (!(user.hasRole("ORG_ADMIN") || user.hasRole("COORDINATOR") || user.hasRole("STAFF"))) {
            return List.of();
        }
        return contacts.followUpsDue(LIMIT).stream()
                .map(f -> new Task(f.due(), "task.followUp", f.personName(), "/contacts/" + f.contactId(),
                        "/contacts/" + f.contactId() + "/follow-up-done", f.since()))
                .toList();
    }
}
