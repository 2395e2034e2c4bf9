package no.tilfrisk.plan;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/** A participant's plan: main goals (each with sub-goals, actions, evaluations), proposals and history, newest first. */
public record Plan(UUID personId, String personName, List<Goal> goals, List<Proposal> proposals,
                   List<PlanChange> history) {

    /** Every goal, main goals each followed by their sub-goals. */
    public List<Goal> allGoals() {
        return goals.stream().flatMap(g -> Stream.concat(Stream.of(g),
                g.subGoals().stream())).toList();
    }

    public List<PlanAction> allActions() {
        return allGoals().stream().flatMap(g -> g.actions().stream()).toList();
    }

    public List<Evaluation> allEvaluations() {
        return allGoals().stream().flatMap(g -> g.evaluations().stream()).toList();
    }

    public List<Proposal> openProposals() {
        return proposals.stream().filter(p -> p.status() == ProposalStatus.OPEN).toList();
    }
}
