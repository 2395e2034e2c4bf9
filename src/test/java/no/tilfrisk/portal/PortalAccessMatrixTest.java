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

    /**
     * What an endpoint needs: the participant's own account (a page of «Min side», or its twin under
     * {@code /api/v1/me} with the participant's token), the department rule, or nothing (a public link).
     */
    enum Need { PARTICIPANT_OWN, PARTICIPANT_API, INVITE, PUBLIC }

    record Endpoint(Need need, String body) {
    }

    /**
     * Every endpoint: {personId} the target participant (with consent to e-mail), {email} a fresh address of theirs,
     * {sessionId} a session that does not exist; {new} ids of nothing (another's goal, action, item or match is «not
     * found» alike). The participant's API bodies change nothing of the demo participant's: an unknown goal, a wish
     * with a field wrong. The public invitation link is tried signed out, below.
     */
    static final Map<String, Endpoint> ENDPOINTS = Map.ofEntries(
            Map.entry("GET /min-side", new Endpoint(Need.PARTICIPANT_OWN, "")),
            Map.entry("GET /min-side/aktiviteter", new Endpoint(Need.PARTICIPANT_OWN, "")),
            Map.entry("POST /min-side/aktiviteter/{sessionId}", new Endpoint(Need.PARTICIPANT_OWN, "coming=true")),
            Map.entry("GET /persons/{personId}/invitation", new Endpoint(Need.INVITE, "email={email}")),
            Map.entry("POST /persons/{personId}/invitation", new Endpoint(Need.INVITE, "email={email}")),
            Map.entry("POST /api/v1/persons/{personId}/invitation", new Endpoint(Need.INVITE, "{\"email\": \"api-{email}\"}")),
            Map.entry("GET /invitation/{token}", new Endpoint(Need.PUBLIC, "")),
            Map.entry("POST /invitation/{token}", new Endpoint(Need.PUBLIC, "")),
            // the participant's own API (issue 20, item 1)
            Map.entry("GET /api/v1/me/sessions", new Endpoint(Need.PARTICIPANT_API, "")),
            Map.entry("POST /api/v1/me/sessions/{sessionId}/sign-up", new Endpoint(Need.PARTICIPANT_API, "{\"coming\": true}")),
            Map.entry("GET /api/v1/me/plan", new Endpoint(Need.PARTICIPANT_API, "")),
            Map.entry("POST /api/v1/me/plan/proposals", new Endpoint(Need.PARTICIPANT_API,
                    "{\"goalId\": \"{new}\", \"text\": \"Nye ord\"}")),
            Map.entry("POST /api/v1/me/plan/actions/{actionId}/done", new Endpoint(Need.PARTICIPANT_API, "")),
            Map.entry("GET /api/v1/me/transitions", new Endpoint(Need.PARTICIPANT_API, "")),
            Map.entry("POST /api/v1/me/transitions/items/{itemId}/status", new Endpoint(Need.PARTICIPANT_API,
                    "{\"status\": \"IN_PLACE\"}")),
            Map.entry("GET /api/v1/me/leisure", new Endpoint(Need.PARTICIPANT_API, "")),
            Map.entry("POST /api/v1/me/leisure/check-ins/{due}", new Endpoint(Need.PARTICIPANT_API,
                    "{\"rating\": 11, \"stillTakingPart\": true}")),
            Map.entry("GET /api/v1/me/volunteer", new Endpoint(Need.PARTICIPANT_API, "")),
            Map.entry("PUT /api/v1/me/volunteer/wish", new Endpoint(Need.PARTICIPANT_API,
                    "{\"wishes\": [\"WALK_OUTDOORS\"], \"languages\": \"norsk\"}")),
            Map.entry("POST /api/v1/me/volunteer/matches/{id}/accept", new Endpoint(Need.PARTICIPANT_API, "{\"share\": true}")),
            Map.entry("PUT /api/v1/me/volunteer/matches/{id}/goals", new Endpoint(Need.PARTICIPANT_API, "{\"goalIds\": []}")),
            Map.entry("POST /api/v1/me/volunteer/matches/{id}/share", new Endpoint(Need.PARTICIPANT_API, "")),
            Map.entry("POST /api/v1/me/volunteer/matches/{id}/unshare", new Endpoint(Need.PARTICIPANT_API, "")),
            Map.entry("POST /api/v1/me/volunteer/matches/{id}/end", new Endpoint(Need.PARTICIPANT_API, "")));

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
                .skip(c -> c.row().need() != Need.PARTICIPANT_OWN)
                .allowed(c -> c.account().startsWith("deltaker@"))
                .judge(c -> true, (c, r) -> c.read()
                        ? ((r.status() == 200) != r.allowed() ? "wrong answer to «Min side»" : null)
                        // signing up for a session that does not exist: not found for him, forbidden for the others
                        : (r.status() != (r.allowed() ? 404 : 403) ? "wrong answer to a sign-up for an unknown session" : null))
                .verify();
    }

    /**
     * The participant's API: every other account's token is refused (403) before anything is looked up; the
     * participant's own reads answer, and their writes to ids that are not theirs are «not found», to bodies with a
     * field wrong a 400; nothing of the target person changes.
     */
    @Test
    void theParticipantApiIsForTheParticipantsTokenOnly() throws Exception {
        AccessMatrix.of(mvc, accounts, ENDPOINTS, Endpoint::body, List.of(MatrixTarget.OWN_DEPARTMENT), this::fixture)
                .accounts(INVITE_RIGHTS.keySet())
                .skip(c -> c.row().need() != Need.PARTICIPANT_API)
                .allowed(c -> c.account().startsWith("deltaker@"))
                .state(this::invitations)
                .judge(c -> true, (c, r) -> !r.allowed()
                        ? (r.status() != 403 ? "allowed but should be denied: " + r.status() : null)
                        : c.read() ? (r.status() != 200 && r.status() != 404 ? "wrong answer to a read: " + r.status() : null)
                        : (r.status() != 404 && r.status() != 400 ? "wrong answer to a write of nothing: " + r.status() : null))
                .check((c, r) -> r.body().contains(c.fixture().name()) ? "shows another person's name" : null)
                .verify();
    }

    /** A participant in the target's department who consents to e-mail, and a fresh address for them. */
    record Fixture(UUID organisation, UUID person, String name, String email) implements AccessMatrix.Fixture {
        @Override
        public Map<String, ?> values(String endpoint) {
            return Map.of("personId", person, "email", email, "sessionId", UUID.randomUUID(), "actionId", UUID.randomUUID(),
                    "itemId", UUID.randomUUID(), "id", UUID.randomUUID(), "due", "WEEK_2");
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
