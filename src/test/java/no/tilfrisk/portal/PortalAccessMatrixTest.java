package no.tilfrisk.portal;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static no.tilfrisk.Demo.OTHER_ORGANISATION;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.MatrixTarget;
import no.tilfrisk.MatrixRequests;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.person.ConsentForm;
import no.tilfrisk.person.ConsentMethod;
import no.tilfrisk.person.ConsentPurpose;
import no.tilfrisk.person.Consents;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page of the portal module × every demo role × a participant in the caller's own department, in another
 * department, and in another organisation. «Min side» is for the participant's own account only; invitations follow
 * the person register's department rule; the invitation link itself is public and shows nothing without a live
 * token. A new endpoint without an entry here fails the test.
 */
@TilfriskTest
@Import(People.class)
class PortalAccessMatrixTest {

    static final Map<String, Set<MatrixTarget>> INVITE_RIGHTS = MatrixTarget.DEPARTMENT_RULE;

    static final Set<String> ENDPOINTS = Set.of(
            "GET /min-side", "GET /min-side/aktiviteter", "POST /min-side/aktiviteter/{sessionId}",
            "GET /persons/{personId}/invitation", "POST /persons/{personId}/invitation",
            "GET /invitation/{token}", "POST /invitation/{token}");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    People people;
    @Autowired
    Consents consents;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointOfTheModuleIsInTheMatrix() {
        assertThat(ENDPOINTS).containsExactlyInAnyOrderElementsOf(MatrixRequests.endpointsIn(mappings, "no.tilfrisk.portal"));
    }

    @Test
    void invitationsFollowTheDepartmentRule() throws Exception {
        List<String> failures = new ArrayList<>();
        for (var account : INVITE_RIGHTS.entrySet()) {
            UserDetails who = accounts.loadUserByUsername(account.getKey());
            for (MatrixTarget target : MatrixTarget.values()) {
                String name = "Matrise " + UUID.randomUUID().toString().substring(0, 8);
                UUID organisation = target == MatrixTarget.OTHER_ORGANISATION ? OTHER_ORGANISATION : DEMO_RECOVERY;
                UUID person = people.register(organisation, switch (target) {
                    case OWN_DEPARTMENT -> "Skien";
                    case OTHER_DEPARTMENT -> "Stavanger";
                    case OTHER_ORGANISATION -> "Bergen";
                }, name);
                People.asSystem(organisation, () -> consents.give(person,
                        new ConsentForm(ConsentPurpose.CONTACT_EMAIL, ConsentMethod.VERBAL, null, null)));
                boolean reach = account.getValue().contains(target);
                String email = "matrise-" + UUID.randomUUID().toString().substring(0, 8) + "@example.no";
                for (String method : List.of("GET", "POST")) {
                    var response = mvc.perform(MatrixRequests.request(method, "/persons/" + person + "/invitation",
                            "email=" + email, who, "")).andReturn().getResponse();
                    int status = response.getStatus();
                    String body = response.getContentAsString(StandardCharsets.UTF_8);
                    String cell = account.getKey() + " × " + target + " × " + method + " → " + status;
                    boolean allowed = method.equals("GET") ? status == 200 : status == 302;
                    if (status >= 500 || allowed != reach) {
                        failures.add((reach ? "denied but should be allowed: " : "allowed but should be denied: ") + cell);
                    }
                    if (!reach && body.contains(name)) {
                        failures.add("leaks the person's name: " + cell);
                    }
                }
                int invitations = Tenancy.runAs(organisation, () -> tx.execute(s -> db.sql(
                        "SELECT count(*) FROM portal_invitation WHERE person_id = ?").param(person).query(Integer.class).single()));
                if (invitations != (reach ? 1 : 0)) {
                    failures.add(account.getKey() + " × " + target + ": " + invitations + " invitations made");
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void minSideIsForParticipantsOnly() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String account : INVITE_RIGHTS.keySet()) {
            UserDetails who = accounts.loadUserByUsername(account);
            boolean participant = account.startsWith("deltaker@");
            for (String path : List.of("/min-side", "/min-side/aktiviteter")) {
                int status = mvc.perform(MatrixRequests.request("GET", path, "", who, "")).andReturn().getResponse().getStatus();
                if ((status == 200) != participant || status >= 500) {
                    failures.add(account + " × GET " + path + " → " + status);
                }
            }
            int status = mvc.perform(MatrixRequests.request("POST", "/min-side/aktiviteter/" + UUID.randomUUID(),
                    "coming=true", who, "")).andReturn().getResponse().getStatus();
            if (status != (participant ? 404 : 403)) {
                failures.add(account + " × POST sign-up for an unknown session → " + status);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void theInvitationLinkShowsNothingWithoutALiveToken() throws Exception {
        var page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/invitation/gjettet"))
                .andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("Lenken virker ikke lenger")
                .doesNotContain("name=\"password\"");
        var post = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/invitation/gjettet")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("password", "en lang nok setning").param("repeat", "en lang nok setning"))
                .andReturn().getResponse();
        assertThat(post.getStatus()).isEqualTo(200);
        assertThat(post.getContentAsString(StandardCharsets.UTF_8)).contains("Lenken virker ikke lenger");
    }
}
