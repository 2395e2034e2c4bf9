package no.tilfrisk.directory.internal;

import no.tilfrisk.directory.Referrals;
import no.tilfrisk.person.PersonDataSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The person's referrals to the directory's offers in their export: when, to which offer, why, the consent to
 * give their name, and what came of it. Read by {@link Referrals#forPerson}, which checks that the reader may see
 * the person and records the reading, in the export's transaction.
 */
@Configuration(proxyBeanMethods = false)
class ReferralSection {

    @Bean
    @Order(85)
    PersonDataSection referralsInTheExport(Referrals referrals) {
        return new PersonDataSection("referrals", referrals::forPerson, "directory/export :: referrals");
    }
}
