package no.tilfrisk.transition.internal;

import no.tilfrisk.person.PersonDataSection;
import no.tilfrisk.transition.Transitions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The person's transitions in their export: each with its dates, own words, checklist and date moves. Read in the
 * export's transaction, audited by the service.
 */
@Configuration(proxyBeanMethods = false)
class TransitionSection {

    @Bean
    @Order(90)
    PersonDataSection transitionsInTheExport(Transitions transitions) {
        return new PersonDataSection("transitions", transitions::export, "transition/export :: transitions");
    }
}
