package no.tilfrisk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.AccessMatrix;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page of the portal module × every demo role × a participant in the caller's own department, in another
 * department, and in another organisation. «Min side» is for the participant's own account only; invitations follow
 * the person register's department rule; the invitation link itself is public and shows nothing without a live
 * token. A new endpoint without an entry here fails the test.
 */
@TilfriskTest
class PortalAccessMatrixTest {

    static final Map<String, Set<MatrixTarget>> INVITE_RIGHTS = MatrixTarget.DEPARTMENT_RULE;

    /** What an endpoint needs: the participant's own account, the department rule, or nothing (a public link). */
    enum Need { OWN, INVITE, PUBLIC }

    record Endpoint(Need need, String body) {
    }

    /**
     * Every endpoint: {personId} the target participant (with consent to e-mail), {email} a fresh address of theirs,
     * {sessionId} a session that does not exist. The public invitation link is tried signed out, below.
     */
    static final Map<String, Endpoint> ENDPOINTS = Map.of(
            "GET /min-side", new Endpoint(Need.OWN, ""),
            "GET /min-side/aktiviteter", new Endpoint(Need.OWN, ""),
            "POST /min-side/aktiviteter/{sessionId}", new Endpoint(Need.OWN, "coming=true"),
            "GET /persons/{personId}/invitation", new Endpoint(Need.INVITE, "email={email}"),
            "POST /persons/{personId}/invitation", new Endpoint(Need.INVITE, "email={email}"),
            "POST /api/v1/persons/{personId}/invitation", new Endpoint(Need.INVITE, "{\"email\": \"api-{email}\"}"),
            "GET /invitation/{token}", new Endpoint(Need.PUBLIC, ""),
            "POST /invitation/{token}", new Endpoint(Need.PUBLIC, ""));

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
        assertThat(ENDPOINTS.keySet()).containsExactlyInAnyOrderElementsOf(MatrixRequests.endpointsIn(mappings, "no.tilfrisk.portal"));
    }

    @Test
    void invitationsFollowTheDepartmentRule() throws Exception {
        AccessMatrix.of(mvc, accounts, ENDPOINTS, Endpoint::body, List.of(MatrixTarget.values()), this::fixture)
                .accounts(INVITE_RIGHTS.keySet())
                .skip(c -> c.row().need() != Need.INVITE)
                .allowed(c -> INVITE_RIGHTS.get(c.account()).contains(c.target()))
                .formErrorsRefuse()
                .state(this::invitations)
                .check((c, r) -> r.allowed() && r.status() != (c.read() ? 200 : c.endpoint().contains(" /api/") ? 201 : 302)
                        ? "denied but should be allowed" : null)
                // the form makes one invitation; its page none
                .check((c, r) -> Integer.parseInt(r.after()) - Integer.parseInt(r.before()) != (r.allowed() && !c.read() ? 1 : 0)
                        ? r.before() + " → " + r.after() + " invitations" : null)
                .check((c, r) -> !r.allowed() && r.body().contains(c.fixture().name()) ? "leaks the person's name" : null)
                .verify();
    }

    @Test
    void minSideIsForParticipantsOnly() throws Exception {
        // about the caller himself: one target is enough
        AccessMatrix.of(mvc, accounts, ENDPOINTS, Endpoint::body, List.of(MatrixTarget.OWN_DEPARTMENT), this::fixture)
                .accounts(INVITE_RIGHTS.keySet())
                .skip(c -> c.row().need() != Need.OWN)
                .allowed(c -> c.account().startsWith("deltaker@"))
                .judge(c -> true, (c, r) -> c.read()
                        ? ((r.status() == 200) != r.allowed() ? "wrong answer to «Min side»" : null)
                        // signing up for a session that does not exist: not found for him, forbidden for the others
                        : (r.status() != (r.allowed() ? 404 : 403) ? "wrong answer to a sign-up for an unknown session" : null))
                .verify();
    }

    /** A participant in the target's department who consents to e-mail, and a fresh address for them. */
    record Fixture(UUID organisation, UUID person, String name, String email) implements AccessMatrix.Fixture {
        @Override
        public Map<String, ?> values(String endpoint) {
            return Map.of("personId", person, "email", email, "sessionId", UUID.randomUUID());
        }
    }

    private Fixture fixture(MatrixTarget target) {
        String name = "Matrise " + UUID.randomUUID().toString().substring(0, 8);
        UUID organisation = target.organisation();
        UUID person = people.register(organisation, target.department(), name);
        People.asSystem(organisation, () -> consents.give(person,
                new ConsentForm(ConsentPurpose.CONTACT_EMAIL, ConsentMethod.VERBAL, null, null)));
        String email = "matrise-" + UUID.randomUUID().toString().substring(0, 8) + "@example.no";
        return new Fixture(organisation, person, name, email);
    }

    private String invitations(Fixture f) {
        Integer n = Tenancy.runAs(f.organisation(), () -> tx.execute(s -> db.sql(
                "SELECT count(*) FROM portal_invitation WHERE person_id = ?").param(f.person()).query(Integer.class).single()));
        return String.valueOf(n);
    }

    @Test
    void theInvitationLinkShowsNothingWithoutALiveToken() throws Exception {
        var page = mvc.perform(MockMvcRequestBuilders.get("/invitation/gjettet"))
                .andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("Lenken virker ikke lenger")
                .doesNotContain("name=\"password\"");
        var post = mvc.perform(MockMvcRequestBuilders.post("/invitation/gjettet")
                        .with(SecurityMockMvcRequestPostProcessors.csrf())
                        .param("password", "en lang nok setning").param("repeat", "en lang nok setning"))
                .andReturn().getResponse();
        assertThat(post.getStatus()).isEqualTo(200);
        assertThat(post.getContentAsString(StandardCharsets.UTF_8)).contains("Lenken virker ikke lenger");
    }
}
