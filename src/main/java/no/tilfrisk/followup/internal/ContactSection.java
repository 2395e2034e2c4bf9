package no.tilfrisk.followup.internal;

import java.util.UUID;
import no.tilfrisk.followup.ContactLog;
import no.tilfrisk.person.PersonDataSection;
import org.springframework.stereotype.Component;

/** The person's contacts, notes included, in their export. */
@Component
class ContactSection implements PersonDataSection {

    private final ContactLog contacts;

    ContactSection(ContactLog contacts) {
        this.contacts = contacts;
    }

    @Override
    public String name() {
        return "contacts";
    }

    @Override
    public Object of(UUID personId) {
        return contacts.allOf(personId);
    }

    @Override
    public String printFragment() {
        return "followup/export :: contacts";
    }
}
