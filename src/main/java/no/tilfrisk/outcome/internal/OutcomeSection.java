package no.tilfrisk.outcome.internal;

import no.tilfrisk.outcome.Outcomes;
import no.tilfrisk.person.PersonDataSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The person's measurements, each with its answers and score, in their export. */
@Configuration(proxyBeanMethods = false)
class OutcomeSection {

    @Bean
    PersonDataSection outcomesInTheExport(Outcomes outcomes) {
        return new PersonDataSection("outcomes", outcomes::ofPerson, "outcome/export :: outcomes");
    }
}
