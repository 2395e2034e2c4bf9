package no.tilfrisk.report;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.Dates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** Bad input on the project pages and API: clear messages next to the fields, never a 500, nothing twice. */
@TilfriskTest
class ProjectPagesTest {

    static final LocalDate T = LocalDate.now(Dates.OSLO);

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;

    @Test
    void aProjectEndingBeforeItStartsWithANegativeGrantIsRefusedFieldByFieldInBothLanguages() throws Exception {
        var admin = accounts.loadUserByUsername("admin@demo.tilfrisk.no");
        String formId = UUID.randomUUID().toString();
        var response = mvc.perform(post("/projects").with(user(admin)).with(csrf()).param("formId", formId)
                        .param("name", "Baklengs").param("funder", "Dam").param("startsOn", T.toString())
                        .param("endsOn", T.minusDays(1).toString()).param("grants[0].year", "2025")
                        .param("grants[0].amount", "-5").param("plannedReach", "mange").param("goalTargetPercent", "101"))
                .andReturn().getResponse();
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).isEqualTo(200);
        // the form's own checks first (a number that is not one), then the service's once the form is whole
        assertThat(body).contains("field-error", "Skriv et helt tall.", "Andelen må være et helt tall fra 1 til 100.");
        response = mvc.perform(post("/projects").with(user(admin)).with(csrf()).param("formId", formId)
                        .param("name", "Baklengs").param("funder", "Dam").param("startsOn", T.toString())
                        .param("endsOn", T.minusDays(1).toString()).param("grants[0].year", "2025")
                        .param("grants[0].amount", "-5").header("Accept-Language", "en").param("lang", "en"))
                .andReturn().getResponse();
        body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(body).contains("The end date cannot be before the start date.", "The amount cannot be negative.");
        assertThat(count("Baklengs")).isZero();

        var api = mvc.perform(post("/api/v1/projects").header("Authorization", "Bearer demo-admin")
                        .contentType("application/json")
                        .content("{\"name\": \"Baklengs\", \"funder\": \"Dam\", \"startsOn\": \"" + T + "\", \"endsOn\": \""
                                + T.minusDays(1) + "\", \"grants\": [{\"year\": 2025, \"amount\": -5}]}"))
                .andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(400);
        assertThat(api.getContentType()).contains("problem+json");
        assertThat(api.getContentAsString(StandardCharsets.UTF_8)).contains("endsOn", "grants[0].amount");
        assertThat(count("Baklengs")).isZero();
        api = mvc.perform(post("/api/v1/projects").header("Authorization", "Bearer demo-admin")
                        .contentType("application/json").content("{\"name\": \"Baklengs\", \"funder\": \"Dam\", \"startsOn\": \""
                                + T + "\", \"endsOn\": \"" + T + "\", \"goalTargetPercent\": 0}"))
                .andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(400);
        assertThat(api.getContentAsString(StandardCharsets.UTF_8)).contains("goalTargetPercent");
        assertThat(count("Baklengs")).isZero();
    }

    @Test
    void aDoubleSubmitCreatesOneProjectAndItsReportShowsNoScript() throws Exception {
        var admin = accounts.loadUserByUsername("admin@demo.tilfrisk.no");
        String formId = UUID.randomUUID().toString();
        String name = "Dobbel " + formId.substring(0, 8);
        for (int i = 0; i < 2; i++) {
            var response = mvc.perform(post("/projects").with(user(admin)).with(csrf()).param("formId", formId)
                            .param("name", name).param("funder", "Dam").param("startsOn", T.toString())
                            .param("endsOn", T.plusDays(10).toString())
                            .param("summaryMd", "Bra *år*.\n\n<script>alert('x')</script><a href=\"javascript:alert(1)\">lenke</a>"))
                    .andReturn().getResponse();
            assertThat(response.getStatus()).isEqualTo(302);
            assertThat(response.getRedirectedUrl()).isEqualTo("/projects/" + formId);
        }
        assertThat(count(name)).isEqualTo(1);
        String page = mvc.perform(get("/reports/funder/" + formId).with(user(admin))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("<em>år</em>").doesNotContain("alert(").doesNotContain("javascript:");
    }

    @Test
    void anUnknownProjectOrAnUnknownFormatIsAClearAnswerNotAServerError() throws Exception {
        var admin = accounts.loadUserByUsername("admin@demo.tilfrisk.no");
        assertThat(mvc.perform(get("/reports/funder/" + UUID.randomUUID()).with(user(admin))).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/api/v1/reports/funder/" + UUID.randomUUID()).header("Authorization", "Bearer demo-admin"))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/reports/funder/ikke-en-id").with(user(admin))).andReturn().getResponse()
                .getStatus()).isBetween(400, 404);
        String someProject = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s ->
                db.sql("SELECT id::text FROM project LIMIT 1").query(String.class).single()));
        var bad = mvc.perform(get("/reports/funder/" + someProject + "/download").param("format", "exe").with(user(admin)))
                .andReturn().getResponse();
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentAsString(StandardCharsets.UTF_8)).contains("Velg PDF, Word, Excel eller CSV.");
    }

    private long count(String name) {
        return Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s ->
                db.sql("SELECT count(*) FROM project WHERE name = ?").param(name).query(Long.class).single()));
    }
}
