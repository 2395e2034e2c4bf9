package no.tilfrisk.plan.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.plan.ActionForm;
import no.tilfrisk.plan.Evaluation;
import no.tilfrisk.plan.EvaluationForm;
import no.tilfrisk.plan.Goal;
import no.tilfrisk.plan.GoalForm;
import no.tilfrisk.plan.Mapping;
import no.tilfrisk.plan.MappingForm;
import no.tilfrisk.plan.Mappings;
import no.tilfrisk.plan.Plan;
import no.tilfrisk.plan.PlanAction;
import no.tilfrisk.plan.PlanStatus;
import no.tilfrisk.plan.Plans;
import no.tilfrisk.platform.web.IdempotencyKey;
import no.tilfrisk.platform.web.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/persons/{personId}")
@Tag(name = "Mappings and plan", description = "A participant's mapping conversations and plan (goals, actions, "
        + "evaluations, proposals, history). For admins, coordinators and staff about persons they may see, and for "
        + "the participant about themself; anyone else gets 404. The writes are the plan pages' forms, for staff who "
        + "may see the person, with the same checks and history. Every call is audited")
class PlanApi {

    /** «Utført» on an action: its status now and the open status it had, which an undo within a minute puts back. */
    record ActionDone(UUID id, PlanStatus status, PlanStatus was) {
    }

    /** The open status to put back («Angre» after «Utført»). */
    record UndoDone(PlanStatus status) {
    }

    /** A staff member's decision on a participant's proposal: {@code accept} or {@code reject}, with a comment. */
    record Decision(String decision, String comment) {
    }

    private static final String MAPPING_EXAMPLE = """
            {"mappedOn": "2024-03-01",
             "areas": [{"rating": 4, "words": "Bor hos en venn"}, {"rating": 6}, null, {"rating": 7, "words": "Har familien"}],
             "interestIds": [], "newInterests": "fiske, sjakk",
             "dreams": "Egen leilighet", "strengths": "Stå-på-vilje", "challenges": "Ensomhet på kvelden"}""";
    private static final String GOAL_EXAMPLE = """
            {"lifeArea": "HOUSING", "text": "Jeg vil ha min egen leilighet", "status": "IN_PROGRESS",
             "nextEvaluationOn": "2024-09-01"}""";
    private static final String SUB_GOAL_EXAMPLE = """
            {"parentId": "0b7e4c1d-2f3a-4b5c-8d9e-0f1a2b3c4d5e", "text": "Søke kommunal bolig", "status": "NOT_STARTED"}""";
    private static final String ACTION_EXAMPLE = """
            {"text": "Ringe boligkontoret", "responsible": "PARTICIPANT", "targetDate": "2024-04-15",
             "status": "NOT_STARTED"}""";
    private static final String STAFF_ACTION_EXAMPLE = """
            {"text": "Følge til visning", "responsible": "STAFF",
             "responsibleUserId": "6f1c0a52-3b7e-4f0e-9a51-1f2a3b4c5d6e", "status": "IN_PROGRESS"}""";
    private static final String EVALUATION_EXAMPLE = """
            {"evaluatedOn": "2024-06-01", "whatHappened": "Søknaden er sendt", "nextStep": "Vente på svar",
             "nextEvaluationOn": "2024-09-01"}""";
    private static final String UNDO_EXAMPLE = """
            {"status": "IN_PROGRESS"}""";
    private static final String ACCEPT_EXAMPLE = """
            {"decision": "accept", "comment": "Godt forslag"}""";
    private static final String REJECT_EXAMPLE = """
            {"decision": "reject", "comment": "Vi snakker om det på neste samtale"}""";

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

    // ---------------------------------------------------------------- writes: the plan pages' forms

    @PostMapping("/mappings")
    @Operation(summary = "Record a mapping: the date, per life area (in the order of the areas) a rating 1–10 and "
            + "own words, interests, dreams, strengths and challenges",
            description = "areas: one entry per life area in this order: HOUSING, ECONOMY, WORK_EDUCATION, NETWORK, "
                    + "PHYSICAL_HEALTH, MENTAL_HEALTH, SUBSTANCE_USE, LEISURE, CHILDREN_FAMILY, LEGAL; an entry left "
                    + "out or null was not talked about. newInterests (separated by commas) join the organisation's "
                    + "list. An Idempotency-Key header (a UUID) becomes the mapping's id, so a retried request "
                    + "records one.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "a first mapping", value = MAPPING_EXAMPLE))))
    ResponseEntity<Mapping> recordMapping(@RequestHeader(name = IdempotencyKey.HEADER, required = false) UUID key,
                                          @PathVariable UUID personId, @RequestBody MappingForm form) {
        UUID id = mappings.record(IdempotencyKey.idFor(key), personId, form);
        return ResponseEntity.created(URI.create("/api/v1/persons/" + personId + "/mappings/" + id))
                .body(mappings.get(personId, id));
    }

    @PostMapping("/plan/goals")
    @Operation(summary = "Add a goal in the participant's words, or with parentId a sub-goal (which shares its main "
            + "goal's life area)",
            description = "status is NOT_STARTED when left out. An Idempotency-Key header (a UUID) becomes the goal's "
                    + "id, so a retried request adds one goal.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
                    @ExampleObject(name = "a main goal", value = GOAL_EXAMPLE),
                    @ExampleObject(name = "a sub-goal", value = SUB_GOAL_EXAMPLE)})))
    ResponseEntity<Goal> addGoal(@RequestHeader(name = IdempotencyKey.HEADER, required = false) UUID key,
                                 @PathVariable UUID personId, @RequestBody GoalForm form) {
        UUID id = plans.addGoal(IdempotencyKey.idFor(key), personId, form);
        return ResponseEntity.created(URI.create("/api/v1/persons/" + personId + "/plan/goals/" + id))
                .body(plans.goal(personId, id));
    }

    @PutMapping("/plan/goals/{goalId}")
    @Operation(summary = "Change a goal: its words, life area, status and next evaluation date, all sent as on the "
            + "goal's page (a field left out takes its default; a sub-goal keeps its main goal)",
            description = "A change of nothing writes nothing; every change is one row of the plan's history.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "in progress", value = GOAL_EXAMPLE))))
    Goal changeGoal(@PathVariable UUID personId, @PathVariable UUID goalId, @RequestBody GoalForm form) {
        plans.updateGoal(personId, goalId, form);
        return plans.goal(personId, goalId);
    }

    @PostMapping("/plan/goals/{goalId}/actions")
    @Operation(summary = "Add an action towards a goal: what, who is responsible (STAFF with responsibleUserId, "
            + "anyone else by responsibleName), by when",
            description = "status is NOT_STARTED when left out. An Idempotency-Key header (a UUID) becomes the "
                    + "action's id, so a retried request adds one action.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
                    @ExampleObject(name = "the participant's", value = ACTION_EXAMPLE),
                    @ExampleObject(name = "a staff member's", value = STAFF_ACTION_EXAMPLE)})))
    ResponseEntity<PlanAction> addAction(@RequestHeader(name = IdempotencyKey.HEADER, required = false) UUID key,
                                         @PathVariable UUID personId, @PathVariable UUID goalId,
                                         @RequestBody ActionForm form) {
        UUID id = plans.addAction(IdempotencyKey.idFor(key), personId, goalId, form);
        return ResponseEntity.created(URI.create("/api/v1/persons/" + personId + "/plan/actions")).body(
                plans.action(personId, id));
    }

    @PutMapping("/plan/actions/{actionId}")
    @Operation(summary = "Change an action, all its fields sent as on the action's page",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "a staff member's", value = STAFF_ACTION_EXAMPLE))))
    PlanAction changeAction(@PathVariable UUID personId, @PathVariable UUID actionId, @RequestBody ActionForm form) {
        plans.updateAction(personId, actionId, form);
        return plans.action(personId, actionId);
    }

    @PostMapping("/plan/actions/{actionId}/done")
    @Operation(summary = "Mark an action reached («Utført»); marking it again changes nothing",
            description = "Answers the status it had (was): for one minute, the one who marked it can put it back "
                    + "with POST …/undo-done.")
    ActionDone actionDone(@PathVariable UUID personId, @PathVariable UUID actionId) {
        PlanStatus was = plans.actionDone(personId, actionId);
        // a closed action stays closed, as on the page
        return new ActionDone(actionId, was.open() ? PlanStatus.REACHED : was, was);
    }

    @PostMapping("/plan/actions/{actionId}/undo-done")
    @Operation(summary = "Take back «Utført»: the action gets the open status it had («Angre»)",
            description = "Only by the one who marked it and within one minute of marking it; later, by someone else, "
                    + "or on an action not reached, the answer is 400 and nothing changes.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "back to in progress", value = UNDO_EXAMPLE))))
    PlanAction undoActionDone(@PathVariable UUID personId, @PathVariable UUID actionId,
                              @RequestBody(required = false) UndoDone body) {
        plans.undoActionDone(personId, actionId, body == null ? null : body.status());
        return plans.action(personId, actionId);
    }

    @PostMapping("/plan/goals/{goalId}/evaluations")
    @Operation(summary = "Evaluate a goal: when, what happened, the next step; the goal's next evaluation date "
            + "becomes nextEvaluationOn (left out: not planned)",
            description = "An Idempotency-Key header (a UUID) becomes the evaluation's id, so a retried request "
                    + "adds one.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "an evaluation", value = EVALUATION_EXAMPLE))))
    ResponseEntity<Evaluation> addEvaluation(@RequestHeader(name = IdempotencyKey.HEADER, required = false) UUID key,
                                             @PathVariable UUID personId, @PathVariable UUID goalId,
                                             @RequestBody EvaluationForm form) {
        UUID id = plans.addEvaluation(IdempotencyKey.idFor(key), personId, goalId, form);
        Evaluation evaluation = plans.plan(personId).allEvaluations().stream().filter(e -> e.id().equals(id))
                .findFirst().orElseThrow(() -> new NotFoundException("Evaluation"));
        return ResponseEntity.created(URI.create("/api/v1/persons/" + personId + "/plan/evaluations"))
                .body(evaluation);
    }

    @PostMapping("/plan/proposals/{proposalId}")
    @Operation(summary = "Decide on the participant's proposal: accept (a new goal, or the goal gets the proposed "
            + "words) or reject (a comment needed)",
            description = "A decided proposal stays decided: deciding again is refused. Answers the plan as it is "
                    + "after.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
                    @ExampleObject(name = "accept", value = ACCEPT_EXAMPLE),
                    @ExampleObject(name = "reject", value = REJECT_EXAMPLE)})))
    Plan decide(@PathVariable UUID personId, @PathVariable UUID proposalId, @RequestBody Decision body) {
        plans.decide(personId, proposalId, body.decision(), body.comment());
        return plans.plan(personId);
    }
}
