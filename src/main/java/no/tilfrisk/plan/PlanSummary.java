package no.tilfrisk.plan;

import java.util.List;

/** For the portal's home page: the participant's main goals and the next open actions, soonest first. */
public record PlanSummary(List<Goal> goals, List<PlanAction> nextActions) {
}
