package no.tilfrisk.plan.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.plan.Evaluation;
import no.tilfrisk.plan.Goal;
import no.tilfrisk.plan.Mapping;
import no.tilfrisk.plan.Mappings;
import no.tilfrisk.plan.Plan;
import no.tilfrisk.plan.PlanAction;
import no.tilfrisk.plan.Plans;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/persons/{personId}")
@Tag(name = "Mappings and plan", description = "A participant's mapping conversations and plan (goals, actions, "
        + "evaluations, proposals, history). For admins, coordinators and staff about persons they may see, and for "
        + "the participant about themself; anyone else gets 404. Every call is audited")
class PlanApi {

    private final Mappings mappings;
    private final Plans plans;

    PlanApi(Mappings mappings, Plans plans) {
        this.mappings = mappings;
        this.plans = plans;
    }

    @GetMapping("/mappings")
    @Operation(summary = "The person's mappings, newest first: per life area the rating 1–10 and own words")
    List<Mapping> mappings(@PathVariable UUID personId) {
        return mappings.ofPerson(personId);
    }

    @GetMapping("/mappings/{mappingId}")
    @Operation(summary = "One mapping")
    Mapping mapping(@PathVariable UUID personId, @PathVariable UUID mappingId) {
        return mappings.get(personId, mappingId);
    }

    @GetMapping("/plan")
    @Operation(summary = "The whole plan: main goals with sub-goals, actions and evaluations; proposals; history")
    Plan plan(@PathVariable UUID personId) {
        return plans.plan(personId);
    }

    @GetMapping("/plan/goals")
    @Operation(summary = "Every goal, main goals each followed by their sub-goals")
    List<Goal> goals(@PathVariable UUID personId) {
        return plans.plan(personId).allGoals();
    }

    @GetMapping("/plan/actions")
    @Operation(summary = "Every action of the plan")
    List<PlanAction> actions(@PathVariable UUID personId) {
        return plans.plan(personId).allActions();
    }

    @GetMapping("/plan/evaluations")
    @Operation(summary = "Every evaluation of the plan, newest first per goal")
    List<Evaluation> evaluations(@PathVariable UUID personId) {
        return plans.plan(personId).allEvaluations();
    }
}
