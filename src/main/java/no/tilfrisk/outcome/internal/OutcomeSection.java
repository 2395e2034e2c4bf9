package no.tilfrisk.outcome.internal;

import no.tilfrisk.outcome.Outcomes;
import no.tilfrisk.person.PersonDataSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** The person's measurements, each with its answers and score, in their export. */
@Configuration(proxyBeanMethods = false)
class OutcomeSection {

    @Bean
    @Order(30)
    PersonDataSection outcomesInTheExport(Outcomes outcomes) {
        return new PersonDataSection("outcomes", outcomes::ofPerson, "outcome/export :: outcomes");
    }
}
