package no.tilfrisk.organisation;

import static no.tilfrisk.Demo.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.TilfriskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@TilfriskTest
class DepartmentApiTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theAdminListsCreatesReadsAndChangesDepartments() throws Exception {
        String name = "Porsgrunn " + UUID.randomUUID();
        String location = mvc.perform(post("/api/v1/departments").header("Authorization", bearer("demo-admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"" + name + "\", \"municipality\": \"Porsgrunn\", \"startDate\": \"2021-03-01\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value(name))
                .andReturn().getResponse().getHeader("Location");
        assertThat(location).startsWith("/api/v1/departments/");

        mvc.perform(get(location).header("Authorization", bearer("demo-admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.municipality").value("Porsgrunn"))
                .andExpect(jsonPath("$.startDate").value("2021-03-01"));

        mvc.perform(put(location).header("Authorization", bearer("demo-admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"" + name + " sentrum\", \"municipality\": \"Porsgrunn\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(name + " sentrum"));

        mvc.perform(get("/api/v1/departments").header("Authorization", bearer("demo-ansatt")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name", hasItem(name + " sentrum")))
                .andExpect(jsonPath("$[*].name", hasItem("Skien")));
    }

    @Test
    void aRepeatedRequestWithTheSameIdempotencyKeyCreatesOneDepartment() throws Exception {
        UUID key = UUID.randomUUID();
        String body = "{\"name\": \"Idempotent " + key + "\"}";
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/api/v1/departments").header("Authorization", bearer("demo-admin"))
                            .header("Idempotency-Key", key.toString())
                            .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.id").value(key.toString()));
        }
        String all = mvc.perform(get("/api/v1/departments").header("Authorization", bearer("demo-admin")))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(all, "$[?(@.name == 'Idempotent " + key + "')].id")).hasSize(1);
    }

    @Test
    void emptyAndOverlongNamesAreRefusedFieldByField() throws Exception {
        mvc.perform(post("/api/v1/departments").header("Authorization", bearer("demo-admin"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"  \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].message").value("Skriv inn et navn på avdelingen."));

        mvc.perform(post("/api/v1/departments").header("Authorization", bearer("demo-admin"))
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"" + "x".repeat(201) + "\", \"municipality\": \"" + "y".repeat(101) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[?(@.field == 'name')].message")
                        .value("The name can have at most 200 characters."))
                .andExpect(jsonPath("$.errors[?(@.field == 'municipality')].message")
                        .value("The municipality can have at most 100 characters."));
    }

    @Test
    void theMunicipalityComesFromTheOfficialList() throws Exception {
        mvc.perform(post("/api/v1/departments").header("Authorization", bearer("demo-admin"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Atlantis\", \"municipality\": \"Atlantis\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("municipality"));
        mvc.perform(post("/api/v1/departments").header("Authorization", bearer("demo-admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Nord " + UUID.randomUUID() + "\", \"municipality\": \"  guovdageaidnu – kautokeino \"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.municipality").value("Guovdageaidnu – Kautokeino"));
    }

    @Test
    void aDuplicateNameIsAFieldError() throws Exception {
        mvc.perform(post("/api/v1/departments").header("Authorization", bearer("demo-admin"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"skien\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("finnes allerede")));
    }

    @Test
    void malformedJsonAndWrongTypesAreA400ProblemNotA500() throws Exception {
        mvc.perform(post("/api/v1/departments").header("Authorization", bearer("demo-admin"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Kunne ikke lese forespørselen"));
        mvc.perform(post("/api/v1/departments").header("Authorization", bearer("demo-admin"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"A\", \"startDate\": \"31.02.2020\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/departments").header("Authorization", bearer("demo-admin"))
                        .header("Idempotency-Key", "not-a-uuid")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"A\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
    }

    @Test
    void anUnknownOrMalformedIdIsNotFound() throws Exception {
        mvc.perform(get("/api/v1/departments/" + UUID.randomUUID()).header("Authorization", bearer("demo-admin")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(get("/api/v1/departments/not-an-id").header("Authorization", bearer("demo-admin")))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/departments/" + UUID.randomUUID()).header("Authorization", bearer("demo-admin"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Ingen\"}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void onlyTheAdminChangesDepartments() throws Exception {
        for (String token : new String[] {"demo-koordinator", "demo-ansatt", "demo-frivillig", "demo-deltaker", "demo-styret"}) {
            mvc.perform(post("/api/v1/departments").header("Authorization", bearer(token))
                            .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Forbudt " + token + "\"}"))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.title").value("Ingen tilgang"));
        }
        mvc.perform(get("/api/v1/departments").header("Authorization", bearer("demo-admin")))
                .andExpect(jsonPath("$[*].name", not(hasItem(containsString("Forbudt")))));
    }

    @Test
    void theApiNeedsAValidToken() throws Exception {
        mvc.perform(get("/api/v1/departments"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/departments").header("Authorization", bearer("demo-nobody")))
                .andExpect(status().isUnauthorized());
    }
}
