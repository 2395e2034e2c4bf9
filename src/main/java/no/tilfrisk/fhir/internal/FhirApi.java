package no.tilfrisk.fhir.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import java.util.UUID;
import no.tilfrisk.fhir.FhirExport;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "FHIR", description = "One person as a FHIR R4 bundle, with the rights of the person's page; every call is audited")
class FhirApi {

    private final FhirExport export;

    FhirApi(FhirExport export) {
        this.export = export;
    }

    @GetMapping(value = "/api/v1/persons/{id}/fhir", produces = {FhirExport.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "The person as a FHIR R4 Bundle (collection): Patient, EpisodeOfCare, Encounter, "
            + "Questionnaire, QuestionnaireResponse, Observation, CarePlan and Goal; texts in the caller's language")
    ResponseEntity<String> bundle(@PathVariable UUID id, Locale locale) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(FhirExport.MEDIA_TYPE))
                .body(export.json(id, locale));
    }
}
