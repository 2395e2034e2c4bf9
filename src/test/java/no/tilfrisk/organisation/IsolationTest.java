package no.tilfrisk.organisation;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static no.tilfrisk.Demo.bearer;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import no.tilfrisk.Demo;
import no.tilfrisk.TilfriskTest;
import org.assertj.core.api.Assertions;
import org.hamcrest.Matchers;
import org.springframework.security.core.userdetails.UserDetailsService;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import org.springframework.transaction.support.TransactionTemplate;

/** admin@annen can neither read nor change «Demo Recovery» departments, by API or by page. */
@TilfriskTest
class IsolationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    UserDetailsService accounts;

    UUID skien;

    @BeforeEach
    void findSkien() {
        skien = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s ->
                db.sql("SELECT id FROM department WHERE name = 'Skien'").query(UUID.class).single()));
    }

    @Test
    void theApiNeitherShowsNorChangesAnotherOrganisationsDepartment() throws Exception {
        mvc.perform(get("/api/v1/departments").header("Authorization", bearer("demo-annen")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name", hasItem("Bergen")))
                .andExpect(jsonPath("$[*].name", not(hasItem("Skien"))));
        mvc.perform(get("/api/v1/departments/" + skien).header("Authorization", bearer("demo-annen")))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/departments/" + skien).header("Authorization", bearer("demo-annen"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Kapret\"}"))
                .andExpect(status().isNotFound());
        // creating under an id that another organisation holds neither overwrites nor reveals it
        mvc.perform(post("/api/v1/departments").header("Authorization", bearer("demo-annen"))
                        .header("Idempotency-Key", skien.toString())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Kapret\"}"))
                .andExpect(status().isNotFound());
        assertSkienUnchanged();
    }

    @Test
    void thePagesNeitherShowNorChangeAnotherOrganisationsDepartment() throws Exception {
        var otherAdmin = accounts.loadUserByUsername(Demo.OTHER_ADMIN);
        mvc.perform(get("/admin/departments/" + skien).with(user(otherAdmin)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/admin/departments/" + skien).with(user(otherAdmin)).with(csrf())
                        .param("name", "Kapret"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/departments").with(user(otherAdmin)))
                .andExpect(status().isOk())
                .andExpect(MockMvcResultMatchers.content()
                        .string(not(Matchers.containsString(skien.toString()))));
        assertSkienUnchanged();
    }

    private void assertSkienUnchanged() {
        String name = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s ->
                db.sql("SELECT name FROM department WHERE id = ?").param(skien).query(String.class).single()));
        Assertions.assertThat(name).isEqualTo("Skien");
    }
}
