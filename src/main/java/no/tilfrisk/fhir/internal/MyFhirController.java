package no.tilfrisk.fhir.internal;

import java.util.Locale;
import no.tilfrisk.fhir.FhirExport;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * «Min side»: the participant downloads their own FHIR R4 bundle (linked from «Hvem har sett opplysningene mine?»
 * and the start of Min side). No person in the request: it is always the signed-in participant's own.
 */
@Controller
class MyFhirController {

    private final FhirExport export;

    MyFhirController(FhirExport export) {
        this.export = export;
    }

    @GetMapping("/min-side/fhir")
    ResponseEntity<String> download(Locale locale) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(FhirExport.MEDIA_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("tilfrisk-fhir.json").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(export.mine(locale));
    }
}
