package no.tilfrisk.caregroup.internal;

import no.tilfrisk.caregroup.ResponsibilityGroups;
import no.tilfrisk.person.PersonDataSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The person's responsibility group in their export: members, meetings with who came, the minutes and the
 * decisions. Read in the export's transaction through the service, which checks that the caller may see the
 * person and records the read.
 */
@Configuration(proxyBeanMethods = false)
class CareGroupSection {

    @Bean
    @Order(90)
    PersonDataSection responsibilityGroupInTheExport(ResponsibilityGroups groups) {
        return new PersonDataSection("caregroup", groups::group, "caregroup/export :: group");
    }
}
