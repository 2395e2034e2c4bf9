package no.tilfrisk.leisure.internal;

import no.tilfrisk.leisure.LeisureExport;
import no.tilfrisk.person.PersonDataSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The person's leisure data in their export: their inclusion processes with steps, decisions and check-ins, and
 * their loans. Read in the export's transaction, audited by the services.
 */
@Configuration(proxyBeanMethods = false)
class LeisureSection {

    @Bean
    @Order(80)
    PersonDataSection leisureInTheExport(LeisureExport export) {
        return new PersonDataSection("leisure", export::of, "leisure/export :: leisure");
    }
}
