package no.tilfrisk.platform;

import static no.tilfrisk.Demo.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import no.tilfrisk.TilfriskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The API names a missing parameter as a field, in the caller's language, like any other wrong field. */
@TilfriskTest
class ApiProblemsTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aMissingParameterIsNamedInTheCallersLanguage() throws Exception {
        mvc.perform(get("/api/v1/outcomes/aggregates").param("to", "2025-12-31").header("Authorization", bearer("demo-admin")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Ugyldige data"))
                .andExpect(jsonPath("$.errors[0].field").value("from"))
                .andExpect(jsonPath("$.errors[0].message").value("Må fylles ut."));
        mvc.perform(get("/api/v1/outcomes/aggregates").param("to", "2025-12-31").header("Authorization", bearer("demo-admin"))
                        .header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("Required."));
    }
}
