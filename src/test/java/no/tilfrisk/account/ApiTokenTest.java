package no.tilfrisk.account;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static no.tilfrisk.Demo.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import java.util.UUID;
import no.tilfrisk.Demo;
import no.tilfrisk.TestAccounts;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

@TilfriskTest
class ApiTokenTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts testAccounts;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;

    @Test
    void aTokenMadeInTheUiIsShownOnceWorksOnTheApiAndStopsWorkingWhenRevoked() throws Exception {
        var account = testAccounts.create(DEMO_RECOVERY, Role.STAFF, Set.of());
        var me = accounts.loadUserByUsername(account.email());

        var issued = (ApiTokens.IssuedToken) mvc.perform(post("/account/tokens").with(user(me)).with(csrf())
                        .param("name", "Regneark"))
                .andExpect(redirectedUrl("/account/tokens"))
                .andExpect(flash().attributeExists("issued"))
                .andReturn().getFlashMap().get("issued");
        assertThat(issued.value()).startsWith("tf_").hasSizeGreaterThan(40);

        // stored hashed, never in clear
        String stored = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s ->
                db.sql("SELECT token_hash FROM api_token WHERE id = ?").param(issued.id()).query(String.class).single()));
        assertThat(stored).isEqualTo(ApiTokens.hash(issued.value())).doesNotContain(issued.value());

        // the list shows the name but never the value again
        mvc.perform(get("/account/tokens").with(user(me)))
                .andExpect(content().string(containsString("Regneark")))
                .andExpect(content().string(not(containsString(issued.value()))));

        mvc.perform(get("/api/v1/me").header("Authorization", bearer(issued.value())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value(account.email()))
                .andExpect(jsonPath("$.roles[0]").value("STAFF"));

        mvc.perform(post("/account/tokens/" + issued.id() + "/revoke").with(user(me)).with(csrf()))
                .andExpect(redirectedUrl("/account/tokens"));
        mvc.perform(get("/api/v1/me").header("Authorization", bearer(issued.value())))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aTokenNeedsANameOfSensibleLength() throws Exception {
        var me = accounts.loadUserByUsername(Demo.STAFF);
        mvc.perform(post("/account/tokens").with(user(me)).with(csrf()).param("name", " "))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Gi nøkkelen et navn")));
        mvc.perform(post("/account/tokens").with(user(me)).with(csrf()).param("name", "x".repeat(101)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("høyst 100 tegn")));
    }

    @Test
    void nobodyRevokesAnotherUsersToken() throws Exception {
        var owner = testAccounts.create(DEMO_RECOVERY, Role.STAFF, Set.of());
        UUID tokenId = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql(
                "SELECT id FROM api_token WHERE user_id = (SELECT id FROM app_user WHERE email = ?)")
                .param(Demo.STAFF).query(UUID.class).single()));
        mvc.perform(post("/account/tokens/" + tokenId + "/revoke")
                        .with(user(accounts.loadUserByUsername(owner.email()))).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/me").header("Authorization", bearer("demo-ansatt")))
                .andExpect(status().isOk());
    }

    @Test
    void aDeactivatedUsersTokenStopsWorking() throws Exception {
        var account = testAccounts.create(DEMO_RECOVERY, Role.STAFF, Set.of());
        String value = "test-token-" + UUID.randomUUID();
        Tenancy.runAs(DEMO_RECOVERY, () -> tx.executeWithoutResult(s -> {
            db.sql("INSERT INTO api_token (id, organisation_id, user_id, name, token_hash) VALUES (?, ?, ?, 't', ?)")
                    .params(UUID.randomUUID(), DEMO_RECOVERY, account.id(), ApiTokens.hash(value)).update();
        }));
        mvc.perform(get("/api/v1/me").header("Authorization", bearer(value))).andExpect(status().isOk());
        Tenancy.runAs(DEMO_RECOVERY, () -> tx.executeWithoutResult(s ->
                db.sql("UPDATE app_user SET active = false WHERE id = ?").param(account.id()).update()));
        mvc.perform(get("/api/v1/me").header("Authorization", bearer(value))).andExpect(status().isUnauthorized());
    }

    @Test
    void meShowsUserOrganisationRolesAndDepartments() throws Exception {
        mvc.perform(get("/api/v1/me").header("Authorization", bearer("demo-koordinator")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value("koordinator@demo.tilfrisk.no"))
                .andExpect(jsonPath("$.organisation.name").value("Demo Recovery"))
                .andExpect(jsonPath("$.roles[*]", containsInAnyOrder("COORDINATOR")))
                .andExpect(jsonPath("$.departments[*].name", containsInAnyOrder("Skien")));
        mvc.perform(get("/api/v1/me").header("Authorization", bearer("demo-annen")))
                .andExpect(jsonPath("$.organisation.name").value("Annen Organisasjon"));
    }
}
