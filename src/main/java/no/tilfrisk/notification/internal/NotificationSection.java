package no.tilfrisk.notification.internal;

import no.tilfrisk.notification.Notifications;
import no.tilfrisk.person.PersonDataSection;
import no.tilfrisk.person.PersonLookup;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** The notices sent to the person (when, channel, kind, address; never a text), in their export. */
@Configuration(proxyBeanMethods = false)
class NotificationSection {

    @Bean
    @Order(95)
    PersonDataSection noticesInTheExport(Notifications notifications, PersonLookup persons) {
        return new PersonDataSection("notifications", personId -> {
            persons.requireVisible(personId);
            return notifications.sentTo(personId);
        }, "notification/export :: notices");
    }
}
