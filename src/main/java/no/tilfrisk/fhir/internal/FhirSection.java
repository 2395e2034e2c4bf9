package no.tilfrisk.fhir.internal;

import no.tilfrisk.fhir.FhirExport;
import no.tilfrisk.person.PersonDataSection;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import tools.jackson.databind.json.JsonMapper;

/** The person's FHIR R4 bundle, last in their export: the same bundle as {@code GET /api/v1/persons/{id}/fhir}. */
@Configuration(proxyBeanMethods = false)
class FhirSection {

    @Bean
    @Order(80)
    PersonDataSection fhirInTheExport(ObjectProvider<FhirExport> export, JsonMapper json) {
        // found when the export runs: the FHIR export itself reads the person through the export's service
        return new PersonDataSection("fhir", person -> json.readTree(export.getObject().jsonInTheExport(person,
                LocaleContextHolder.getLocale())), "fhir/export :: fhir");
    }
}
