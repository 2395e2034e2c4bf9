package no.tilfrisk.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import no.tilfrisk.Demo;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

/** Issue 21, item 7: the answers that were 500s or said nothing useful, one by one. */
@TilfriskTest
class ErrorBodiesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-5", "99999999999", "1\u00002"})
    void aBadNumberInTheOutcomeSettingsIsAFieldErrorAndChangesNothing(String value) throws Exception {
        String before = settings();
        MvcResult result = mvc.perform(post("/outcomes/settings").with(user(accounts.loadUserByUsername(Demo.ADMIN)))
                        .with(csrf()).param("abstinenceWindowMonths", "12").param("minGapDays", value)
                        .param("qualityOfLifeGain", "1").param("who5Gain", "10").param("meaningfulMin", "7"))
                .andExpect(status().isOk()).andReturn();
        String page = result.getResponse().getContentAsString();
        assertThat(page).contains("class=\"error-summary\"").contains("href=\"#minGapDays\"")
                .contains("id=\"minGapDays-error\"");
        assertThat(settings()).isEqualTo(before);
    }

    @Test
    void aNulCharacterOnAPageIsNamedInTheFormsListOfErrors() throws Exception {
        String name = "Nul" + UUID.randomUUID();
        String page = mvc.perform(post("/persons").with(user(accounts.loadUserByUsername(Demo.ADMIN))).with(csrf())
                        .param("formId", UUID.randomUUID().toString()).param("displayName", name + "\u0000x"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("class=\"error-summary\"").contains("<a href=\"#displayName\">")
                .contains("nulltegn");
        assertThat(persons(name)).isZero();
    }

    @Test
    void aNulCharacterInJsonIsAProblemNamingTheFieldInTheCallersLanguage() throws Exception {
        mvc.perform(post("/api/v1/persons").header("Authorization", Demo.bearer("demo-admin"))
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"displayName\": \"Nul\\u0000tegn\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("displayName"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("NUL")));
    }

    @Test
    void aNumberOfTheWrongFormInJsonNamesItsField() throws Exception {
        for (String value : new String[]{"\"abc\"", "99999999999"}) {
            mvc.perform(post("/api/v1/persons").header("Authorization", Demo.bearer("demo-admin"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"displayName\": \"Tall\", \"birthYear\": " + value + "}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("birthYear"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"*/*", "application/*", "text/plain", "nonsense"})
    void anUnsupportedOrWildcardContentTypeIs415WithAProblem(String contentType) throws Exception {
        mvc.perform(post("/api/v1/persons").header("Authorization", Demo.bearer("demo-admin"))
                        .header("Content-Type", contentType).content("{\"displayName\": \"Feil type\"}"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Innholdstypen støttes ikke"));
        mvc.perform(put("/api/v1/departments/" + UUID.randomUUID()).header("Authorization", Demo.bearer("demo-admin"))
                        .header("Content-Type", contentType).content("{}"))
                .andExpect(status().isUnsupportedMediaType());
        mvc.perform(post("/persons").with(user(accounts.loadUserByUsername(Demo.ADMIN))).with(csrf())
                        .header("Content-Type", contentType).content("displayName=x"))
                .andExpect(status().is4xxClientError());
    }

    @Test
    void theFunderReportsApiAnswersProblemsLikeTheRestOfTheApi() throws Exception {
        mvc.perform(get("/api/v1/reports/funder/" + UUID.randomUUID()).header("Authorization", Demo.bearer("demo-admin")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Ikke funnet"));
        mvc.perform(get("/api/v1/reports/funder/ikke-en-id").header("Authorization", Demo.bearer("demo-admin")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/reports/funder/" + UUID.randomUUID()).header("Authorization", Demo.bearer("demo-deltaker")))
                .andExpect(status().is4xxClientError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private String settings() {
        return Tenancy.runAs(Demo.DEMO_RECOVERY, () -> tx.execute(s -> db.sql(
                "SELECT coalesce((SELECT row(o.*)::text FROM outcome_settings o WHERE organisation_id = ?), 'none')")
                .param(Demo.DEMO_RECOVERY).query(String.class).single()));
    }

    private int persons(String name) {
        return Tenancy.runAs(Demo.DEMO_RECOVERY, () -> tx.execute(s -> db.sql(
                "SELECT count(*) FROM person WHERE display_name LIKE ?").param(name + "%").query(Integer.class).single()));
    }
}
