package no.tilfrisk.platform;

import static no.tilfrisk.Demo.bearer;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import no.tilfrisk.TilfriskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@TilfriskTest
class OperationsTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theStylesheetTheIconAndHtmxAreServedToAnyoneAndPagesLinkThem() throws Exception {
        mvc.perform(get("/css/tilfrisk.css")).andExpect(status().isOk())
                .andExpect(content().string(containsString(".skip-link")));
        // the icon of the browser's tab and bookmarks; without the link every page also asked for /favicon.ico
        mvc.perform(get("/css/favicon.svg")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("image/svg+xml"))
                .andExpect(content().string(containsString("<title>Tilfrisk</title>")));
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/css/tilfrisk.css\"")))
                .andExpect(content().string(containsString("<link rel=\"icon\" type=\"image/svg+xml\" href=\"/css/favicon.svg\">")))
                .andExpect(content().string(containsString("/webjars/htmx.org/")));
    }

    @Test
    void livenessAndReadinessAreOpenAndUp() throws Exception {
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void metricsAreForTheOperatorOnlyNeverAnOrganisationsAdmin() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        for (String token : new String[]{"demo-ansatt", "demo-admin", "demo-annen", "ikke-en-nokkel"}) {
            mvc.perform(get("/actuator/prometheus").header("Authorization", bearer(token)))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/actuator/prometheus").header("Authorization", bearer("demo-operator")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("jvm_memory_used_bytes")));
        // the operator's token is no key to the API: it names no account
        mvc.perform(get("/api/v1/me").header("Authorization", bearer("demo-operator"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/me']").exists())
                .andExpect(jsonPath("$.components.securitySchemes.token.scheme").value("bearer"))
                .andExpect(jsonPath("$.paths['/api/v1/departments/{id}'].put").exists());
    }
}
