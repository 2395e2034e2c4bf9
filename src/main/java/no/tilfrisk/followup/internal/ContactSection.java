package no.tilfrisk.followup.internal;

import no.tilfrisk.followup.ContactLog;
import no.tilfrisk.person.PersonDataSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** The person's contacts, notes included, in their export. */
@Configuration(proxyBeanMethods = false)
class ContactSection {

    @Bean
    @Order(10)
    PersonDataSection contactsInTheExport(ContactLog contacts) {
        return new PersonDataSection("contacts", contacts::allOf, "followup/export :: contacts");
    }
}
