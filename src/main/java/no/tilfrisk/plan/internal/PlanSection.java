package no.tilfrisk.plan.internal;

import java.util.List;
import no.tilfrisk.person.PersonDataSection;
import no.tilfrisk.plan.Mapping;
import no.tilfrisk.plan.Mappings;
import no.tilfrisk.plan.Plan;
import no.tilfrisk.plan.Plans;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** The person's mappings and plan (goals, actions, evaluations, proposals and the plan's history), in their export. */
@Configuration(proxyBeanMethods = false)
class PlanSection {

    /** The section: the mappings newest first, and the plan. */
    record PlanData(List<Mapping> mappings, Plan plan) {
    }

    @Bean
    @Order(20)
    PersonDataSection planInTheExport(Mappings mappings, Plans plans) {
        return new PersonDataSection("plan", person -> new PlanData(mappings.ofPerson(person), plans.plan(person)),
                "plan/export :: plan");
    }
}
