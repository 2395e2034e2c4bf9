package no.tilfrisk.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.platform.web.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in participant's own plan and mappings («Min plan», «Mine kartlegginger»). The person is always the
 * one the participant's account belongs to, never one named in the request. The participant reads, marks their
 * own actions done and proposes goals or changes, which wait for a guide.
 */
@Service
@PreAuthorize("hasRole('PARTICIPANT')")
public class MyPlan {

    private final Plans plans;
    private final PlanRecords records;
    private final Mappings mappings;
    private final PlanAccess access;
    private final AuditTrail audit;

    MyPlan(Plans plans, PlanRecords records, Mappings mappings, PlanAccess access, AuditTrail audit) {
        this.plans = plans;
        this.records = records;
        this.mappings = mappings;
        this.access = access;
        this.audit = audit;
    }

    /** The participant's person, if their account is linked to one. */
    @Transactional(readOnly = true)
    public Optional<UUID> person() {
        return access.ownPerson();
    }

    /** The participant's plan, or empty where the account has no person. */
    @Transactional
    public Optional<Plan> plan() {
        return access.ownPerson().map(person -> {
            Plan plan = records.load(person);
            audit.record(person, AuditAction.READ, "plan.plan");
            return plan;
        });
    }

    /** For the portal's home page: the main goals and up to three open actions, soonest first. */
    @Transactional
    public Optional<PlanSummary> summary() {
        return plan().map(p -> new PlanSummary(p.goals(), p.allActions().stream().filter(a -> a.status().open())
                .sorted(Comparator.comparing(PlanAction::targetDate, Comparator.nullsLast(Comparator.naturalOrder())))
                .limit(3).toList()));
    }

    /** Marks an action the participant is responsible for as reached; any other action is «not found». */
    @Transactional
    public void markDone(UUID actionId) {
        UUID person = access.ownPerson().orElseThrow(() -> new NotFoundException("Action"));
        PlanRecords.ActionRow action = records.actionRow(person, actionId);
        if (action.responsibleKind() != Responsible.PARTICIPANT) {
            throw new NotFoundException("Action");
        }
        plans.markReached(person, action);
    }

    /** Proposes a new goal or new words for one of the participant's goals; the plan stays as it is. */
    @Transactional
    public UUID propose(UUID id, ProposalForm form) {
        UUID person = access.ownPerson().orElseThrow(() -> new NotFoundException("Person"));
        return plans.propose(id, person, form);
    }

    /** The participant's mappings, oldest first, to read over time. */
    @Transactional
    public List<Mapping> mappings() {
        return access.ownPerson().map(person -> {
            List<Mapping> list = mappings.load(person);
            audit.record(person, AuditAction.READ, "plan.mapping.list");
            List<Mapping> oldestFirst = new ArrayList<>(list);
            Collections.reverse(oldestFirst);
            return oldestFirst;
        }).orElse(List.of());
    }
}
