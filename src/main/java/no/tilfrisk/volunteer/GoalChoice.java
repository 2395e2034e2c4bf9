package no.tilfrisk.volunteer;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.plan.Goal;
import no.tilfrisk.plan.Plan;
import no.tilfrisk.platform.web.InvalidInputException;

/** An open goal of the participant's plan, in their words, and whether it is shared with the match's volunteer. */
public record GoalChoice(UUID id, String text, boolean chosen) {

    /** The plan's open goals (main goals each followed by their sub-goals), those in {@code chosen} marked. */
    static List<GoalChoice> of(Plan plan, Collection<UUID> chosen) {
        return plan.allGoals().stream().filter(g -> g.status().open())
                .map(g -> new GoalChoice(g.id(), g.text(), chosen.contains(g.id()))).toList();
    }

    /** The chosen ids, each an open goal of the plan; any other is a message on {@code field}. */
    static Set<UUID> check(Plan plan, Collection<UUID> chosen, String field) {
        Set<UUID> ids = chosen == null ? Set.of() : Set.copyOf(chosen.stream().filter(java.util.Objects::nonNull).toList());
        Set<UUID> open = Set.copyOf(plan.allGoals().stream().filter(g -> g.status().open()).map(Goal::id).toList());
        if (!open.containsAll(ids)) {
            throw new InvalidInputException(field, "volunteer.goals.unknown");
        }
        return ids;
    }
}
