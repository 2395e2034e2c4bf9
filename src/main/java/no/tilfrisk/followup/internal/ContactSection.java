package no.tilfrisk.followup.internal;

import no.tilfrisk.followup.ContactLog;
import no.tilfrisk.person.PersonDataSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The person's contacts, notes included, in their export. */
@Configuration(proxyBeanMethods = false)
class ContactSection {

    @Bean
    PersonDataSection contactsInTheExport(ContactLog contacts) {
        return new PersonDataSection("contacts", contacts::allOf, "followup/export :: contacts");
    }
}
