package no.tilfrisk.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A goal (or sub-goal, with its parent) with its sub-goals, actions and evaluations, newest evaluation first. */
public record Goal(UUID id, UUID parentId, LifeArea lifeArea, String text, PlanStatus status,
                   LocalDate nextEvaluationOn, List<Goal> subGoals, List<PlanAction> actions,
                   List<Evaluation> evaluations) {
}
