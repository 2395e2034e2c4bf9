package no.tilfrisk.volunteer.internal;

import no.tilfrisk.person.PersonDataSection;
import no.tilfrisk.volunteer.Volunteers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The person's volunteer data in their export: a volunteer's profile and screening, a participant's wish, the
 * matches on either side with their meetings. Read in the export's transaction, audited by the service.
 */
@Configuration(proxyBeanMethods = false)
class VolunteerSection {

    @Bean
    @Order(70)
    PersonDataSection volunteersInTheExport(Volunteers volunteers) {
        return new PersonDataSection("volunteer", volunteers::export, "volunteer/export :: volunteer");
    }
}
