package no.tilfrisk.importer.internal;

import static no.tilfrisk.Demo.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import no.tilfrisk.TestClock;
import no.tilfrisk.TilfriskTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * The import through {@code /api/v1/imports}, as an integrator would: upload with a mapping (the dry run comes back
 * at once, its row messages in the caller's language), dry-run again with a choice, run (202, then the status with
 * the batch and the row report), the same run again, undo (twice: once undone). And the bad requests, each a
 * problem+json naming its field, never a 500. Fixtures are persons named with the test's tag, erased by the undo.
 */
@TilfriskTest
class ImportApiTest {

    private static final String ADMIN = bearer("demo-admin");

    @Autowired
    MockMvc mvc;
    @Autowired
    ImportJobs jobs;
    @Autowired
    TestClock.SettableClock clock;

    @AfterEach
    void release() {
        clock.release();
    }

    private static MockMultipartHttpServletRequestBuilder upload(String name, String text, String kind, String mapping,
                                                                 UUID key) {
        return upload(name, text, kind, mapping, key, ADMIN);
    }

    private static MockMultipartHttpServletRequestBuilder upload(String name, String text, String kind, String mapping,
                                                                 UUID key, String authorization) {
        var request = multipart("/api/v1/imports")
                .file(new MockMultipartFile("file", name, "text/csv", text.getBytes(StandardCharsets.UTF_8)));
        request.param("kind", kind).header("Authorization", authorization);
        if (mapping != null) {
            request.param("mapping", mapping);
        }
        if (key != null) {
            request.header("Idempotency-Key", key.toString());
        }
        return request;
    }

    @Test
    void uploadDryRunRunAndUndoThroughTheApi() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String csv = "\uFEFFNavn;Fødselsår\r\nApi Ola " + tag + ";1980\r\nApi Gammel " + tag + ";1789\r\n";
        String mapping = "{\"name\": \"Navn\", \"birthYear\": \"Fødselsår\"}";
        UUID key = UUID.randomUUID();
        mvc.perform(upload("api.csv", csv, "PERSONS", mapping, key))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/imports/files/" + key))
                .andExpect(jsonPath("$.id").value(key.toString()))
                .andExpect(jsonPath("$.rows").value(2))
                .andExpect(jsonPath("$.dryRun.created").value(1))
                .andExpect(jsonPath("$.dryRun.refused").value(1))
                .andExpect(jsonPath("$.dryRun.notes[0].row").value(3))
                .andExpect(jsonPath("$.dryRun.notes[0].message").value(
                        "fødselsår 1789 er ikke gyldig: Fødselsåret må være mellom 1900 og 2100."));
        // the same upload again with the same key stores one file
        mvc.perform(upload("api.csv", csv, "PERSONS", null, key))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.mapping.birthYear").value("Fødselsår"));

        String files = "/api/v1/imports/files/" + key;
        mvc.perform(post(files + "/dry-run").header("Authorization", ADMIN).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kind\": \"PERSONS\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.notes[0].message").value(
                        "birth year 1789 is not valid: The birth year must be between 1900 and 2100."));

        // refused rows stop the run unless they are left out: the status says why
        mvc.perform(post(files + "/run").header("Authorization", ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\": \"PERSONS\"}"))
                .andExpect(status().isAccepted()).andExpect(header().string("Location", files));
        jobs.await(key, Duration.ofMinutes(2));
        mvc.perform(get(files).header("Authorization", ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.finished").value(true))
                .andExpect(jsonPath("$.refusal").value("1 rader er avvist. Rett dem, eller velg å importere uten dem."));

        mvc.perform(post(files + "/run").header("Authorization", ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\": \"PERSONS\", \"skipRefused\": true}"))
                .andExpect(status().isAccepted());
        jobs.await(key, Duration.ofMinutes(2));
        String batch = com.jayway.jsonpath.JsonPath.read(mvc.perform(get(files).header("Authorization", ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.report.created").value(1))
                .andExpect(jsonPath("$.report.refused").value(1))
                .andExpect(jsonPath("$.batch.fileName").value("api.csv"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8), "$.batch.id");
        // the same run again answers the import made, and makes nothing
        mvc.perform(post(files + "/run").header("Authorization", ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\": \"PERSONS\", \"skipRefused\": true}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.batch.id").value(batch));
        mvc.perform(get("/api/v1/imports").header("Authorization", ADMIN))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].batch.id", hasItem(batch)));

        // undo: refused after 24 hours with a conflict, then done once, and a repeat answers the same
        Instant at = Instant.parse(com.jayway.jsonpath.JsonPath.read(mvc.perform(get("/api/v1/imports/" + batch)
                        .header("Authorization", ADMIN)).andExpect(jsonPath("$.undoable").value(true))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8), "$.batch.importedAt"));
        clock.standAt(at.plus(Duration.ofHours(25)));
        mvc.perform(post("/api/v1/imports/" + batch + "/undo").header("Authorization", ADMIN))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("batchId"));
        clock.release();
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/api/v1/imports/" + batch + "/undo").header("Authorization", ADMIN)
                            .header("Idempotency-Key", key.toString()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.batch.undoneAt").isNotEmpty())
                    .andExpect(jsonPath("$.undoable").value(false));
        }
    }

    @Test
    void badRequestsAreProblemsNamingTheirFieldNeverA500() throws Exception {
        // no file and no kind: a JSON body where a multipart one belongs
        mvc.perform(post("/api/v1/imports").header("Authorization", ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("file")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("kind")));
        // a file that says it is an XLSX and is not one
        mvc.perform(upload("liste.xlsx", "Navn;Fødselsår\r\nOla;1980\r\n", "PERSONS", null, null))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message").value(
                        "Fila er ikke et Excel-regneark (XLSX) som kan leses. Lagre den på nytt som XLSX eller CSV."));
        // a kind that is none, a mapping that is no JSON object, a column mapped twice
        mvc.perform(upload("a.csv", "Navn\r\nOla\r\n", "PETS", null, null))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("kind"));
        mvc.perform(upload("a.csv", "Navn\r\nOla\r\n", "PERSONS", "[\"Navn\"", null))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("mapping"));
        mvc.perform(upload("a.csv", "Navn\r\nOla\r\n", "PERSONS", "{\"name\": \"Navn\", \"fullName\": \"Navn\"}", null))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("mapping"))
                .andExpect(jsonPath("$.errors[0].message").value(
                        "Kolonnen «Navn» er valgt for to felt. Velg hver kolonne bare én gang."));
        // a dry run without a kind, a choice that is no id, and a file that is none
        UUID file = UUID.randomUUID();
        mvc.perform(upload("a.csv", "Navn\r\nOla\r\n", "PERSONS", null, file)).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/imports/files/" + file + "/dry-run").header("Authorization", ADMIN)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"mapping\": {\"name\": \"Navn\"}}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("kind"));
        mvc.perform(post("/api/v1/imports/files/" + file + "/dry-run").header("Authorization", ADMIN)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kind\": \"PERSONS\", \"choices\": {\"2\": \"abc\"}}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("choices.2"));
        mvc.perform(post("/api/v1/imports/files/" + UUID.randomUUID() + "/run").header("Authorization", ADMIN)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kind\": \"PERSONS\"}"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        // someone who may not import is refused before anything is read
        mvc.perform(upload("a.csv", "Navn\r\nOla\r\n", "PERSONS", null, null, bearer("demo-ansatt")))
                .andExpect(status().isForbidden());
    }

    @Test
    void theImportApiIsDocumentedWithExamples() throws Exception {
        String doc = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        for (String path : java.util.List.of("/api/v1/imports", "/api/v1/imports/{batchId}", "/api/v1/imports/files/{id}",
                "/api/v1/imports/files/{id}/dry-run", "/api/v1/imports/files/{id}/run",
                "/api/v1/imports/{batchId}/undo")) {
            assertThat(doc).as(path).contains("\"" + path + "\"");
        }
        assertThat(doc).contains("the mapping part of persons", "skipRefused");
    }
}
