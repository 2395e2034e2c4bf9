package no.tilfrisk.plan.internal;

import java.util.List;
import java.util.UUID;
import no.tilfrisk.person.PersonDataSection;
import no.tilfrisk.plan.Mapping;
import no.tilfrisk.plan.Mappings;
import no.tilfrisk.plan.Plan;
import no.tilfrisk.plan.Plans;
import org.springframework.stereotype.Component;

/** The person's mappings and plan (goals, actions, evaluations, proposals and the plan's history), in their export. */
@Component
class PlanSection implements PersonDataSection {

    /** The section: the mappings newest first, and the plan. */
    record PlanData(List<Mapping> mappings, Plan plan) {
    }

    private final Mappings mappings;
    private final Plans plans;

    PlanSection(Mappings mappings, Plans plans) {
        this.mappings = mappings;
        this.plans = plans;
    }

    @Override
    public String name() {
        return "plan";
    }

    @Override
    public Object of(UUID personId) {
        return new PlanData(mappings.ofPerson(personId), plans.plan(personId));
    }

    @Override
    public String printFragment() {
        return "plan/export :: plan";
    }
}
