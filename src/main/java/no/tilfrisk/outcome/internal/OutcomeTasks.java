package no.tilfrisk.outcome.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.dashboard.Task;
import no.tilfrisk.dashboard.TaskSource;
import no.tilfrisk.outcome.DueMeasurement;
import no.tilfrisk.outcome.Outcomes;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.platform.tenancy.TenantPrincipal;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Measurements due for the participants of the signed-in guide's own departments, on «Mine oppgaver»: one task per
 * person, soonest first, at most {@link #LIMIT}, so that they never crowd out the rest of the list. An admin with
 * no department of their own gets none (they would get the whole organisation).
 */
@Component
class OutcomeTasks implements TaskSource {

    static final int LIMIT = 10;

    private final Outcomes outcomes;
    private final PersonLookup persons;
    private final AuditTrail audit;

    OutcomeTasks(Outcomes outcomes, PersonLookup persons, AuditTrail audit) {
        this.outcomes = outcomes;
        this.persons = persons;
        this.audit = audit;
    }

    @Override
    @Transactional
    public List<Task> tasksFor(TenantPrincipal user) {
        if (!(user.hasRole("ORG_ADMIN") || user.hasRole("COORDINATOR") || user.hasRole("STAFF"))
                || user.departmentIds().isEmpty()) {
            return List.of();
        }
        Set<UUID> mine = new java.util.HashSet<>();
        for (UUID department : user.departmentIds()) {
            mine.addAll(persons.membersOf(department, persons.visiblePersonIds()));
        }
        Map<UUID, List<DueMeasurement>> due = outcomes.dueFor(mine);
        var names = persons.names(due.keySet());
        List<Map.Entry<UUID, List<DueMeasurement>>> shown = due.entrySet().stream()
                .filter(e -> names.containsKey(e.getKey()))
                .sorted(Comparator.comparing((Map.Entry<UUID, List<DueMeasurement>> e) -> e.getValue().get(0).due())
                        .thenComparing(e -> names.get(e.getKey()).displayName()))
                .limit(LIMIT).toList();
        audit.recordEach(shown.stream().map(Map.Entry::getKey).toList(), AuditAction.LIST, "outcome.due");
        return shown.stream().map(e -> new Task(e.getValue().get(0).due(), "task.outcome",
                names.get(e.getKey()).displayName(), "/persons/" + e.getKey() + "/outcomes", null)).toList();
    }
}
