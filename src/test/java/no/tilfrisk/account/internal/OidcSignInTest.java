package no.tilfrisk.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.tilfrisk.Demo;
import no.tilfrisk.People;
import no.tilfrisk.SignInSession;
import no.tilfrisk.TestAccounts;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.account.Role;
import no.tilfrisk.platform.crypto.FieldEncryption;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-in through the organisation's OpenID Connect provider, end to end against NAV's mock-oauth2-server started
 * here: the browser's steps are MockMvc (Tilfrisk) and a plain HTTP client (the provider's authorize endpoint, which
 * answers at once with a code). An account an admin made is linked on its first sign-in; someone without an account
 * is refused with a page that says why; a provider whose acr is not one of the organisation's values leaves the
 * second factor to Tilfrisk; logout offers the provider's; a provider that does not answer is a page, not a 500,
 * also one that accepts the connection and never answers (our own time limit, at the start, the token exchange or
 * its keys); ID-porten's national id links an account where national ids are on; only the roles the organisation
 * lets in sign in through the provider.
 */
@TilfriskTest
class OidcSignInTest {

    static final String ISSUER_ID = "tilfrisk";
    static final String CLIENT_ID = "tilfrisk-demo";

    static MockOAuth2Server provider;

    @Autowired
    MockMvc mvc;
    @Autowired
    OidcProviders providers;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    People people;
    @Autowired
    FieldEncryption crypto;

    final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void startProvider() {
        provider = new MockOAuth2Server();
        provider.start();
    }

    @AfterAll
    static void stopProvider() {
        provider.shutdown();
    }

    @BeforeEach
    void configure() {
        configure(provider.issuerUrl(ISSUER_ID).toString(), true);
    }

    /** The demo organisation offers no provider after this class. */
    @AfterEach
    void offAgain() {
        configure(provider.issuerUrl(ISSUER_ID).toString(), false);
    }

    @Test
    void anAccountAnAdminMadeSignsInIsLinkedAndSignsOutOfTheProviderToo() throws Exception {
        TestAccounts.Account account = accounts.create(Demo.DEMO_RECOVERY, Role.STAFF, Set.of());
        SignInSession session = new SignInSession(mvc);
        String subject = "sub-" + UUID.randomUUID();

        MockHttpServletResponse back = signIn(session, subject, account.email(), "idporten-loa-substantial");
        assertThat(back.getRedirectedUrl()).isEqualTo("/");
        String start = session.get("/").andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(start).contains("Test STAFF");
        assertThat(linkedUser(subject)).isEqualTo(account.id());

        // the link, not the e-mail, finds the account the next time
        SignInSession again = new SignInSession(mvc);
        assertThat(signIn(again, subject, "changed-" + account.email(), null).getRedirectedUrl()).isEqualTo("/");
        again.get("/").andExpect(status().isOk());

        var logout = session.perform(MockMvcRequestBuilders.post("/logout").with(csrf())).andReturn();
        String endSession = (String) logout.getRequest().getAttribute(OidcController.END_SESSION);
        assertThat(endSession).startsWith(provider.issuerUrl(ISSUER_ID) + "/endsession")
                .contains("id_token_hint=").contains("post_logout_redirect_uri=");
        assertThat(logout.getResponse().getForwardedUrl()).isEqualTo("/logout/provider");
        // signed out of Tilfrisk: the session no longer opens a page
        assertThat(session.get("/").andReturn().getResponse().getRedirectedUrl()).endsWith("/login");
    }

    @Test
    void someoneWithoutAnAccountIsRefusedWithAPageThatSaysWhy() throws Exception {
        SignInSession session = new SignInSession(mvc);
        String nobody = "ukjent-" + UUID.randomUUID() + "@example.org";
        MockHttpServletResponse back = signIn(session, "sub-" + UUID.randomUUID(), nobody, "idporten-loa-high");
        assertThat(back.getRedirectedUrl()).isEqualTo("/login?oidc=unknown");
        assertThat(session.get("/login?oidc=unknown").andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("Vi fant ingen konto i Tilfrisk for deg.");
        assertThat(session.get("/").andReturn().getResponse().getRedirectedUrl()).endsWith("/login");
        // an account of another organisation with that address is not this organisation's either
        TestAccounts.Account elsewhere = accounts.create(Demo.OTHER_ORGANISATION, Role.STAFF, Set.of());
        assertThat(signIn(new SignInSession(mvc), "sub-" + UUID.randomUUID(), elsewhere.email(), null)
                .getRedirectedUrl()).isEqualTo("/login?oidc=unknown");
    }

    @Test
    void aProviderSayingTheSecondFactorIsMissingLeavesItToTilfrisk() throws Exception {
        TestAccounts.Account account = accounts.create(Demo.DEMO_RECOVERY, Role.STAFF, Set.of());
        enrolSecondFactor(account.id());

        SignInSession low = new SignInSession(mvc);
        assertThat(signIn(low, "sub-" + UUID.randomUUID(), account.email(), "idporten-loa-low").getRedirectedUrl())
                .isEqualTo("/login/second-factor");
        assertThat(low.get("/persons").andReturn().getResponse().getRedirectedUrl()).contains("/login/second-factor");

        SignInSession high = new SignInSession(mvc);
        assertThat(signIn(high, linkedSubject(account.id()), account.email(), "idporten-loa-high").getRedirectedUrl())
                .isEqualTo("/");
        high.get("/persons").andExpect(status().isOk());
    }

    @Test
    void aProviderThatDoesNotAnswerIsAPageNotAnError() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        configure("http://127.0.0.1:" + closed + "/borte", true);
        SignInSession session = new SignInSession(mvc);
        MockHttpServletResponse page = session.get("/oauth2/authorization/" + Demo.DEMO_RECOVERY)
                .andExpect(status().isServiceUnavailable()).andReturn().getResponse();
        assertThat(page.getContentAsString()).contains("Mock-ID svarer ikke nå. Prøv igjen om litt");
        session.get("/oauth2/authorization/" + UUID.randomUUID()).andExpect(status().isNotFound());
    }

    @Test
    void idPortensNationalIdLinksTheAccountWhosePersonHasItOnlyWhereNationalIdsAreOn() throws Exception {
        TestAccounts.Account account = accounts.create(Demo.DEMO_RECOVERY, Role.STAFF, Set.of());
        String pid = nationalIdOf(account.id());
        boolean before = nationalIdsOn(true);
        try {
            // ID-porten: a pid, no e-mail
            String subject = "sub-" + UUID.randomUUID();
            SignInSession session = new SignInSession(mvc);
            assertThat(signIn(session, subject, Map.of("pid", pid, "acr", "idporten-loa-high")).getRedirectedUrl())
                    .isEqualTo("/");
            session.get("/").andExpect(status().isOk());
            assertThat(linkedUser(subject)).isEqualTo(account.id());
            // a number no account's person has: refused
            assertThat(signIn(new SignInSession(mvc), "sub-" + UUID.randomUUID(),
                    Map.of("pid", otherNationalId(pid))).getRedirectedUrl()).isEqualTo("/login?oidc=unknown");
            // national ids off: the number links no one
            nationalIdsOn(false);
            assertThat(signIn(new SignInSession(mvc), "sub-" + UUID.randomUUID(), Map.of("pid", pid))
                    .getRedirectedUrl()).isEqualTo("/login?oidc=unknown");
        } finally {
            nationalIdsOn(before);
        }
    }

    @Test
    void onlyTheRolesTheOrganisationLetsInSignInThroughTheProvider() throws Exception {
        TestAccounts.Account participant = accounts.create(Demo.DEMO_RECOVERY, Role.PARTICIPANT, Set.of());
        SignInSession refused = new SignInSession(mvc);
        assertThat(signIn(refused, "sub-" + UUID.randomUUID(), participant.email(), "idporten-loa-high")
                .getRedirectedUrl()).isEqualTo("/login?oidc=role");
        assertThat(refused.get("/login?oidc=role").andReturn().getResponse().getContentAsString())
                .contains("Kontoen din kan ikke logge inn gjennom denne innloggingstjenesten");
        assertThat(refused.get("/").andReturn().getResponse().getRedirectedUrl()).endsWith("/login");
        assertThat(linkedSubjects(participant.id())).isZero();
        var english = mvc.perform(MockMvcRequestBuilders.get("/login").param("oidc", "role").param("lang", "en"))
                .andReturn().getResponse();
        english.setCharacterEncoding("UTF-8");
        assertThat(english.getContentAsString()).contains("Your account cannot sign in through this identity provider");

        // the admin lets participants in too (the settings page keeps the choice), and the same account gets in
        var admin = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .user(new AccountLookupAccess(db).admin());
        mvc.perform(MockMvcRequestBuilders.post("/admin/sign-in").with(admin).with(csrf())
                        .param("issuer", provider.issuerUrl(ISSUER_ID).toString()).param("clientId", CLIENT_ID)
                        .param("displayName", "Mock-ID").param("secondFactorValues", "idporten-loa-high")
                        .param("enabled", "true").param("_signInRoles", "on")
                        .param("signInRoles", "STAFF", "PARTICIPANT"))
                .andExpect(status().is3xxRedirection());
        assertThat(People.asSystem(Demo.DEMO_RECOVERY, () -> providers.settings().getSignInRoles()))
                .containsExactlyInAnyOrder(Role.STAFF, Role.PARTICIPANT);
        assertThat(signIn(new SignInSession(mvc), "sub-" + UUID.randomUUID(), participant.email(),
                "idporten-loa-high").getRedirectedUrl()).doesNotContain("oidc=");
        assertThat(linkedSubjects(participant.id())).isOne();
        // and no role at all is a field message, nothing saved
        String none = mvc.perform(MockMvcRequestBuilders.post("/admin/sign-in").with(admin).with(csrf())
                        .param("issuer", provider.issuerUrl(ISSUER_ID).toString()).param("clientId", CLIENT_ID)
                        .param("displayName", "Mock-ID").param("_signInRoles", "on"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(none).contains("Velg minst én rolle som kan logge inn gjennom tjenesten.");
        assertThat(People.asSystem(Demo.DEMO_RECOVERY, () -> providers.settings().getSignInRoles()))
                .containsExactlyInAnyOrder(Role.STAFF, Role.PARTICIPANT);
    }

    @Test
    @Timeout(60)
    void aProviderThatAcceptsButNeverAnswersIsThePageWithinOurTimeLimit() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String hanging = "http://127.0.0.1:" + silent.getLocalPort();
            // its discovery document
            configure(hanging + "/idp", true);
            new SignInSession(mvc).get("/oauth2/authorization/" + Demo.DEMO_RECOVERY)
                    .andExpect(status().isServiceUnavailable());

            // the token exchange, after the provider sent the browser back
            HttpServer discovery = discovery(hanging + "/token", hanging + "/jwks");
            try {
                configure("http://127.0.0.1:" + discovery.getAddress().getPort() + "/idp", true);
                assertUnanswered(signInResult(new SignInSession(mvc), "sub-" + UUID.randomUUID(),
                        Map.of("email", "x@example.org")));
            } finally {
                discovery.stop(0);
            }

            // its signing keys, after a token came back
            discovery = discovery(provider.tokenEndpointUrl(ISSUER_ID).toString(), hanging + "/jwks");
            try {
                configure("http://127.0.0.1:" + discovery.getAddress().getPort() + "/idp", true);
                assertUnanswered(signInResult(new SignInSession(mvc), "sub-" + UUID.randomUUID(),
                        Map.of("email", "x@example.org")));
            } finally {
                discovery.stop(0);
            }
        }
    }

    /** The failed sign-in goes on to the 503 page (MockMvc records the forward; the page is asked for as it would be). */
    private void assertUnanswered(MvcResult result) throws Exception {
        assertThat(result.getResponse().getForwardedUrl()).isEqualTo(OidcSignIn.UNANSWERED_PATH);
        Object unavailable = result.getRequest().getAttribute(OidcSignIn.UNAVAILABLE);
        assertThat(unavailable).isInstanceOf(OidcClientRegistrations.Lookup.Unavailable.class);
        MockHttpServletResponse page = mvc.perform(MockMvcRequestBuilders.get(OidcSignIn.UNANSWERED_PATH)
                .requestAttr(OidcSignIn.UNAVAILABLE, unavailable)).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(503);
        assertThat(page.getContentAsString()).contains("Mock-ID svarer ikke nå. Prøv igjen om litt");
        // asked for directly, there is no such page
        mvc.perform(MockMvcRequestBuilders.get(OidcSignIn.UNANSWERED_PATH)).andExpect(status().isNotFound());
    }

    /** A discovery document that answers at once: the mock's authorize endpoint, the given token and key addresses. */
    private HttpServer discovery(String tokenEndpoint, String jwks) throws java.io.IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/idp";
        byte[] document = ("{\"issuer\": \"" + issuer + "\", \"authorization_endpoint\": \""
                + provider.authorizationEndpointUrl(ISSUER_ID) + "\", \"token_endpoint\": \"" + tokenEndpoint
                + "\", \"jwks_uri\": \"" + jwks + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        server.createContext("/idp/.well-known/openid-configuration", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, document.length);
            exchange.getResponseBody().write(document);
            exchange.close();
        });
        server.start();
        return server;
    }

    @Test
    void theSettingsAreCheckedFieldByFieldAndTheSecretIsNeverShown() throws Exception {
        var admin = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .user(new AccountLookupAccess(db).admin());
        String page = mvc.perform(MockMvcRequestBuilders.get("/admin/sign-in").with(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(provider.issuerUrl(ISSUER_ID).toString()).doesNotContain("hemmelig-klientnokkel");
        String refused = mvc.perform(MockMvcRequestBuilders.post("/admin/sign-in").with(admin).with(csrf())
                        .param("issuer", "ftp://idp").param("clientId", "").param("displayName", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Skriv utstederens adresse", "Skriv klient-id-en", "Skriv navnet som skal stå");
        assertThat(People.asSystem(Demo.DEMO_RECOVERY, () -> providers.settings().getIssuer()))
                .isEqualTo(provider.issuerUrl(ISSUER_ID).toString());
        byte[] stored = Tenancy.runAs(Demo.DEMO_RECOVERY, () -> tx.execute(s -> db.sql(
                "SELECT client_secret_encrypted FROM oidc_provider WHERE organisation_id = ?")
                .param(Demo.DEMO_RECOVERY).query(byte[].class).single()));
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("hemmelig");
    }

    /** The browser's way: Tilfrisk → the provider (which answers with a code at once) → Tilfrisk's callback. */
    private MockHttpServletResponse signIn(SignInSession session, String subject, String email, String acr)
            throws Exception {
        return signIn(session, subject, acr == null ? Map.of("email", email) : Map.of("email", email, "acr", acr));
    }

    private MockHttpServletResponse signIn(SignInSession session, String subject, Map<String, Object> claims)
            throws Exception {
        return signInResult(session, subject, claims).getResponse();
    }

    private MvcResult signInResult(SignInSession session, String subject, Map<String, Object> claims)
            throws Exception {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", List.of(CLIENT_ID), claims,
                3600));
        String authorize = session.get("/oauth2/authorization/" + Demo.DEMO_RECOVERY)
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(authorize).startsWith(provider.authorizationEndpointUrl(ISSUER_ID).toString());
        HttpResponse<Void> atProvider = browser.send(HttpRequest.newBuilder(URI.create(authorize)).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(atProvider.statusCode()).isEqualTo(302);
        URI callback = URI.create(atProvider.headers().firstValue("Location").orElseThrow());
        assertThat(callback.getPath()).isEqualTo("/login/oauth2/code/" + Demo.DEMO_RECOVERY);
        return session.perform(MockMvcRequestBuilders.get(callback)).andReturn();
    }

    private void configure(String issuer, boolean enabled) {
        People.asSystem(Demo.DEMO_RECOVERY, () -> {
            providers.save(new OidcProviderForm(issuer, CLIENT_ID, "hemmelig-klientnokkel", "Mock-ID",
                    "idporten-loa-substantial, idporten-loa-high", enabled));
            return null;
        });
    }

    /** Gives the account a person with a national id of its own (random: the number is unique per organisation). */
    private String nationalIdOf(UUID user) {
        String pid = String.format("%011d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 100_000_000_000L));
        UUID person = people.register(Demo.DEMO_RECOVERY, "Skien", "OIDC Fnr " + UUID.randomUUID());
        Tenancy.runAs(Demo.DEMO_RECOVERY, () -> tx.executeWithoutResult(s -> {
            db.sql("UPDATE person SET national_id_mac = ? WHERE id = ?").params(crypto.fingerprint(pid), person)
                    .update();
            db.sql("UPDATE app_user SET person_id = ? WHERE id = ?").params(person, user).update();
        }));
        return pid;
    }

    private static String otherNationalId(String pid) {
        return (pid.charAt(0) == '9' ? "1" : "9") + pid.substring(1);
    }

    /** Sets whether the demo organisation has national ids on; answers what it was. */
    private boolean nationalIdsOn(boolean on) {
        return Tenancy.runAs(Demo.DEMO_RECOVERY, () -> tx.execute(s -> {
            boolean was = db.sql("SELECT national_id_enabled FROM organisation WHERE id = ?").param(Demo.DEMO_RECOVERY)
                    .query(Boolean.class).single();
            db.sql("UPDATE organisation SET national_id_enabled = ? WHERE id = ?").params(on, Demo.DEMO_RECOVERY)
                    .update();
            return was;
        }));
    }

    private UUID linkedUser(String subject) {
        return Tenancy.runAs(Demo.DEMO_RECOVERY, () -> tx.execute(s -> db.sql(
                        "SELECT user_id FROM oidc_link WHERE organisation_id = ? AND subject = ?")
                .params(Demo.DEMO_RECOVERY, subject).query(UUID.class).optional().orElse(null)));
    }

    private int linkedSubjects(UUID user) {
        return Tenancy.runAs(Demo.DEMO_RECOVERY, () -> tx.execute(s -> db.sql(
                        "SELECT count(*) FROM oidc_link WHERE organisation_id = ? AND user_id = ?")
                .params(Demo.DEMO_RECOVERY, user).query(Integer.class).single()));
    }

    private String linkedSubject(UUID user) {
        return Tenancy.runAs(Demo.DEMO_RECOVERY, () -> tx.execute(s -> db.sql(
                        "SELECT subject FROM oidc_link WHERE organisation_id = ? AND user_id = ?")
                .params(Demo.DEMO_RECOVERY, user).query(String.class).single()));
    }

    private void enrolSecondFactor(UUID user) {
        Tenancy.runAs(Demo.DEMO_RECOVERY, () -> tx.executeWithoutResult(s -> db.sql("""
                        INSERT INTO second_factor (user_id, organisation_id, secret_encrypted, last_used_step)
                        VALUES (?, ?, '\\x00', 0)""")
                .params(user, Demo.DEMO_RECOVERY).update()));
    }

    /** The demo admin as a signed-in user, for the settings page. */
    private record AccountLookupAccess(JdbcClient db) {
        org.springframework.security.core.userdetails.UserDetails admin() {
            return new AccountLookup(db).loadUserByUsername(Demo.ADMIN);
        }
    }
}
