package no.tilfrisk.plan.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.dashboard.Task;
import no.tilfrisk.dashboard.TaskSource;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.tenancy.TenantPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evaluations and actions due on the signed-in staff member's «Mine oppgaver»; nothing for other roles. The roles
 * are checked here and not with {@code @PreAuthorize}, since «Mine oppgaver» asks every source for every user and
 * a role the plan does not serve gets an empty list, not a refusal. The persons are those the caller may see
 * ({@link PersonLookup#visiblePersonIds()}), and each one shown is one row in the audit trail.
 */
@Component
class PlanTasks implements TaskSource {

    private static final int LIMIT = 50;

    /** How far ahead the task list looks for evaluations and actions due. */
    static final int TASK_HORIZON_DAYS = 30;

    private final JdbcClient db;
    private final PersonLookup persons;
    private final AuditTrail audit;
    private final Clock clock;

    PlanTasks(JdbcClient db, PersonLookup persons, AuditTrail audit, Clock clock) {
        this.db = db;
        this.persons = persons;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public List<Task> tasksFor(TenantPrincipal user) {
        if (!(user.hasRole("ORG_ADMIN") || user.hasRole("COORDINATOR") || user.hasRole("STAFF"))) {
            return List.of();
        }
        return due(LIMIT).stream().map(d -> {
            String base = "/persons/" + d.personId() + "/plan";
            return d.isEvaluation()
                    ? new Task(d.due(), "plan.task.evaluation", d.personName() + ": " + d.text(),
                            base + "/goals/" + d.goalId() + "/evaluations/new", null, d.since())
                    : new Task(d.due(), "plan.task.action", d.personName() + ": " + d.text(),
                            base + "#action-" + d.actionId(), base + "/actions/" + d.actionId() + "/done", d.since());
        }).toList();
    }

    /** An evaluation or an action due. */
    record Due(UUID personId, String personName, UUID goalId, UUID actionId, String text, LocalDate due,
               Instant since) {

        boolean isEvaluation() {
            return actionId == null;
        }
    }

    /**
     * The signed-in staff member's evaluations and actions due within {@value #TASK_HORIZON_DAYS} days (or overdue),
     * soonest first: actions they are responsible for, and in the plans they follow (they are responsible for an
     * action in it, or added a goal to it) evaluations and actions of the participant, a volunteer, a relative or a
     * partner. Only about persons they may still see.
     */
    private List<Due> due(int limit) {
        UUID me = Tenancy.currentPrincipal().map(TenantPrincipal::userId).orElse(null);
        if (me == null) {
            return List.of();
        }
        // the plans they follow, among the persons they may see as the outer query requires anyway: so that it
        // reads the person indexes instead of every organisation's goals and actions (bench/RESULTS.md, follow-up)
        String follows = """
                (SELECT f.person_id FROM plan_action f WHERE f.responsible_user_id = :me AND f.organisation_id = :org
                   AND f.person_id = ANY(:visible)
                 UNION SELECT f.person_id FROM plan_goal f WHERE f.created_by = :me AND f.organisation_id = :org
                   AND f.person_id = ANY(:visible))""";
        record Row(UUID personId, UUID goalId, UUID actionId, String text, LocalDate due, Instant since) {
        }
        List<Row> rows = db.sql("""
                        SELECT * FROM (
                          SELECT g.person_id, g.id AS goal_id, NULL::uuid AS action_id, g.text, g.next_evaluation_on AS due,
                                 g.created_at AS since
                            FROM plan_goal g
                           WHERE g.organisation_id = :org AND g.next_evaluation_on <= :horizon
                             AND g.status NOT IN ('REACHED', 'CLOSED') AND g.person_id = ANY(:visible)
                             AND g.person_id IN """ + follows + """

                          UNION ALL
                          SELECT a.person_id, a.goal_id, a.id, a.text, a.target_date, a.created_at
                            FROM plan_action a
                           WHERE a.organisation_id = :org AND a.target_date <= :horizon
                             AND a.status NOT IN ('REACHED', 'CLOSED') AND a.person_id = ANY(:visible)
                             AND (a.responsible_user_id = :me
                                  OR a.responsible_kind <> 'STAFF' AND a.person_id IN """ + follows + """
                        )) due ORDER BY due, text, goal_id LIMIT :limit""")
                .param("org", Tenancy.requireOrganisationId()).param("me", me)
                .param("horizon", LocalDate.now(clock).plusDays(TASK_HORIZON_DAYS))
                .param("visible", persons.visiblePersonIds().toArray(UUID[]::new)).param("limit", limit)
                .query(Row.class).list();
        var names = persons.names(rows.stream().map(Row::personId).collect(Collectors.toSet()));
        audit.recordEach(rows.stream().map(Row::personId).distinct().toList(), AuditAction.LIST, "plan.tasks");
        return rows.stream().map(r -> new Due(r.personId(),
                names.containsKey(r.personId()) ? names.get(r.personId()).displayName() : null,
                r.goalId(), r.actionId(), r.text(), r.due(), r.since())).toList();
    }
}
