package no.tilfrisk.account;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static no.tilfrisk.Demo.bearer;
import static org.assertj.core.api.Assertions.assertThat;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import no.tilfrisk.Demo;
import no.tilfrisk.SignInSession;
import no.tilfrisk.TestAccounts;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.organisation.Organisations;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.transaction.support.TransactionTemplate;

@TilfriskTest
class SecondFactorTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts accounts;
    @Autowired
    Organisations organisations;
    @Autowired
    UserDetailsService lookup;
    @Autowired
    ApiTokens tokens;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;

    /** What a person has after setting up the factor: the secret in their app and the recovery codes on paper. */
    record Enrolled(TestAccounts.Account account, String secret, long step, List<String> recoveryCodes) {
    }

    @Test
    void aNewUserWhoseOrganisationRequiresItSetsItUpBeforeReachingAnyPage() throws Exception {
        UUID organisation = organisationRequiringSecondFactor();
        var admin = accounts.create(organisation, Role.ORG_ADMIN, Set.of());
        var browser = new SignInSession(mvc);

        browser.signIn(admin.email(), admin.password()).andExpect(redirectedUrl("/login/second-factor"));
        // between the password and the code: no page but the second factor's, not even by POST
        for (String path : List.of("/", "/admin/users", "/admin/departments", "/account/tokens")) {
            browser.get(path).andExpect(toSecondFactor());
        }
        browser.post("/admin/users", "displayName", "Snik", "email", "snik@test.tilfrisk.no", "roles", "ORG_ADMIN")
                .andExpect(toSecondFactor());
        browser.post("/account/tokens", "name", "snik").andExpect(toSecondFactor());
        browser.get("/login/second-factor").andExpect(redirectedUrl("/account/second-factor"));

        var page = browser.get("/account/second-factor")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Organisasjonen din krever totrinnsinnlogging")))
                .andExpect(content().string(containsString("src=\"data:image/png;base64,")))
                .andReturn();
        String secret = ((String) page.getModelAndView().getModel().get("secret")).replace(" ", "");
        assertThat(secret).matches("[A-Z2-7]{32}");
        // the same secret until it is confirmed, so a reload does not change the QR code
        assertThat(browser.get("/account/second-factor").andReturn().getModelAndView().getModel().get("secret"))
                .isEqualTo(page.getModelAndView().getModel().get("secret"));

        long step = currentStep();
        browser.post("/account/second-factor", "code", otherThan(code(secret, step)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Koden stemmer ikke")));
        browser.post("/account/second-factor", "code", "")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Skriv inn koden.")));
        browser.get("/").andExpect(toSecondFactor());

        @SuppressWarnings("unchecked")
        var recoveryCodes = (List<String>) browser.post("/account/second-factor", "code", code(secret, step))
                .andExpect(redirectedUrl("/account/second-factor"))
                .andReturn().getFlashMap().get("recoveryCodes");
        assertThat(recoveryCodes).hasSize(10).doesNotHaveDuplicates()
                .allSatisfy(c -> assertThat(c).matches("[a-z0-9]{4}(-[a-z0-9]{4}){3}"));

        browser.get("/account/second-factor")
                .andExpect(content().string(containsString(recoveryCodes.get(0))))
                .andExpect(content().string(containsString(recoveryCodes.get(9))));
        // signed in now, in the same session
        browser.get("/").andExpect(status().isOk());
        browser.get("/admin/users").andExpect(status().isOk());
        // the codes were shown once; neither they nor the secret show again
        browser.get("/account/second-factor")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("10 ubrukte reservekoder")))
                .andExpect(content().string(not(containsString(recoveryCodes.get(0)))))
                .andExpect(content().string(not(containsString(secret.substring(0, 4) + " " + secret.substring(4, 8)))));

        // stored encrypted and hashed, never in clear
        byte[] stored = inOrganisation(organisation, () -> db.sql(
                "SELECT secret_encrypted FROM second_factor WHERE user_id = ?").param(admin.id()).query(byte[].class).single());
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(secret);
        List<String> hashes = inOrganisation(organisation, () -> db.sql(
                "SELECT code_hash FROM recovery_code WHERE user_id = ?").param(admin.id()).query(String.class).list());
        assertThat(hashes).hasSize(10).noneMatch(h -> recoveryCodes.stream().anyMatch(c -> h.contains(c)));
    }

    @Test
    void anEnrolledUserGivesTheCodeAfterThePasswordAndLandsOnThePageAskedFor() throws Exception {
        var enrolled = enrolled(Role.COORDINATOR);
        var browser = new SignInSession(mvc);
        browser.get("/account/tokens").andExpect(redirectedUrl("/login"));
        browser.signIn(enrolled.account().email(), enrolled.account().password())
                .andExpect(redirectedUrl("/login/second-factor"));
        browser.get("/login/second-factor")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Skriv inn koden fra appen")));
        // the password alone neither sees nor changes a factor that is set up
        browser.get("/account/second-factor").andExpect(redirectedUrl("/login/second-factor"));
        browser.post("/account/second-factor/recovery-codes")
                .andExpect(redirectedUrl("/account/second-factor"))
                .andExpect(flash().attributeCount(0));
        browser.post("/account/second-factor", "code", code(enrolled.secret(), currentStep()))
                .andExpect(redirectedUrl("/account/second-factor"))
                .andExpect(flash().attributeCount(0));

        browser.post("/login/second-factor", "code", code(enrolled.secret(), enrolled.step() + 1))
                .andExpect(redirectedUrlPattern("**/account/tokens?continue"));
        browser.get("/account/tokens").andExpect(status().isOk());
        browser.get("/login/second-factor").andExpect(redirectedUrl("/"));
    }

    @Test
    void aCodeIsAcceptedOnceOnly() throws Exception {
        var enrolled = enrolled(Role.STAFF);
        // the code that confirmed the set-up cannot sign in
        var first = signedInWithPassword(enrolled);
        first.post("/login/second-factor", "code", code(enrolled.secret(), enrolled.step()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Koden stemmer ikke, eller den er brukt før")));
        String next = code(enrolled.secret(), enrolled.step() + 1);
        first.post("/login/second-factor", "code", next).andExpect(redirectedUrl("/"));

        // nor can a code that signed in once, in another session
        var second = signedInWithPassword(enrolled);
        second.post("/login/second-factor", "code", next).andExpect(status().isOk());
        second.get("/").andExpect(toSecondFactor());
    }

    @Test
    void wrongCodesCountTowardsThrottlingAndThePasswordAloneDoesNotClearThem() throws Exception {
        var enrolled = enrolled(Role.STAFF);
        String wrong = otherThan(code(enrolled.secret(), currentStep()));
        var browser = signedInWithPassword(enrolled);
        for (int i = 0; i < 3; i++) {
            browser.post("/login/second-factor", "code", wrong).andExpect(status().isOk());
        }
        // signing in again with the password does not wipe the count, from another address either
        browser = signedInWithPassword(enrolled);
        for (int i = 0; i < 2; i++) {
            browser.post("/login/second-factor", "code", wrong).andExpect(status().isOk());
        }
        // five failures: even the right code is refused, and the half-signed-in session ends
        browser.post("/login/second-factor", "code", code(enrolled.secret(), enrolled.step() + 1))
                .andExpect(redirectedUrl("/login?throttled"));
        browser.get("/").andExpect(redirectedUrl("/login"));
        new SignInSession(mvc).signIn(enrolled.account().email(), enrolled.account().password())
                .andExpect(redirectedUrl("/login?throttled"));
    }

    @Test
    void aRecoveryCodeWorksOnceInsteadOfTheAppCode() throws Exception {
        var enrolled = enrolled(Role.ORG_ADMIN);
        String recoveryCode = enrolled.recoveryCodes().get(3);

        var browser = signedInWithPassword(enrolled);
        // as people type it: in capitals, with spaces for dashes
        browser.post("/login/second-factor", "code", recoveryCode.toUpperCase().replace('-', ' '))
                .andExpect(redirectedUrl("/"));
        browser.get("/account/second-factor").andExpect(content().string(containsString("9 ubrukte reservekoder")));

        var again = signedInWithPassword(enrolled);
        again.post("/login/second-factor", "code", recoveryCode)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Koden stemmer ikke")));
        again.post("/login/second-factor", "code", enrolled.recoveryCodes().get(4)).andExpect(redirectedUrl("/"));
    }

    @Test
    void newRecoveryCodesReplaceTheOldOnes() throws Exception {
        var enrolled = enrolled(Role.STAFF);
        var browser = signedInWithPassword(enrolled);
        browser.post("/login/second-factor", "code", enrolled.recoveryCodes().get(0)).andExpect(redirectedUrl("/"));
        @SuppressWarnings("unchecked")
        var renewed = (List<String>) browser.post("/account/second-factor/recovery-codes")
                .andExpect(redirectedUrl("/account/second-factor"))
                .andReturn().getFlashMap().get("recoveryCodes");
        assertThat(renewed).hasSize(10).doesNotContainAnyElementsOf(enrolled.recoveryCodes());

        var next = signedInWithPassword(enrolled);
        next.post("/login/second-factor", "code", enrolled.recoveryCodes().get(1)).andExpect(status().isOk());
        next.post("/login/second-factor", "code", renewed.get(0)).andExpect(redirectedUrl("/"));
    }

    @Test
    void apiTokensNeedNoSecondFactor() throws Exception {
        var enrolled = enrolled(Role.ORG_ADMIN);
        UUID organisation = organisationOf(enrolled);
        String value = "test-token-" + UUID.randomUUID();
        Tenancy.runAs(organisation, () -> tx.executeWithoutResult(s ->
                tokens.issue(enrolled.account().id(), "skript", value)));
        mvc.perform(get("/api/v1/me").header("Authorization", bearer(value)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value(enrolled.account().email()));
        // an admin's token is no operator's (issue 21, item 8)
        mvc.perform(get("/actuator/prometheus").header("Authorization", bearer(value)))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void demoUsersSignInWithThePasswordAlone() throws Exception {
        var browser = new SignInSession(mvc);
        browser.signIn(Demo.ADMIN, Demo.PASSWORD).andExpect(redirectedUrl("/"));
        browser.get("/").andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/account/second-factor\"")));
        browser.get("/admin/users").andExpect(status().isOk());
    }

    @Test
    void aUserMayTurnItOnVoluntarilyAndIsThenAskedForTheCode() throws Exception {
        var volunteer = accounts.create(DEMO_RECOVERY, Role.VOLUNTEER, Set.of());
        var browser = new SignInSession(mvc);
        browser.signIn(volunteer.email(), volunteer.password()).andExpect(redirectedUrl("/"));
        var page = browser.get("/account/second-factor")
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Organisasjonen din krever"))))
                .andReturn();
        String secret = ((String) page.getModelAndView().getModel().get("secret")).replace(" ", "");
        long step = currentStep();
        browser.post("/account/second-factor", "code", code(secret, step)).andExpect(redirectedUrl("/account/second-factor"));

        var later = new SignInSession(mvc);
        later.signIn(volunteer.email(), volunteer.password()).andExpect(redirectedUrl("/login/second-factor"));
        later.get("/").andExpect(toSecondFactor());
        // on to the page that was asked for
        later.post("/login/second-factor", "code", code(secret, step + 1))
                .andExpect(redirectedUrl("http://localhost/?continue"));
    }

    @Test
    void theAdminResetsALostSecondFactorAndTheUserIsSignedOut() throws Exception {
        var staff = accounts.create(DEMO_RECOVERY, Role.STAFF, Set.of());
        var browser = new SignInSession(mvc);
        browser.signIn(staff.email(), staff.password()).andExpect(redirectedUrl("/"));
        String secret = ((String) browser.get("/account/second-factor").andReturn().getModelAndView().getModel()
                .get("secret")).replace(" ", "");
        browser.post("/account/second-factor", "code", code(secret, currentStep()));

        var admin = lookup.loadUserByUsername(Demo.ADMIN);
        mvc.perform(get("/admin/users/" + staff.id()).with(user(admin)))
                .andExpect(content().string(containsString("Slått på")))
                .andExpect(content().string(containsString("Nullstill totrinnsinnlogging")));
        mvc.perform(post("/admin/users/" + staff.id() + "/second-factor").with(user(admin)).with(csrf()))
                .andExpect(redirectedUrl("/admin/users/" + staff.id()));
        mvc.perform(get("/admin/users/" + staff.id()).with(user(admin)))
                .andExpect(content().string(containsString("Ikke slått på")));

        browser.get("/").andExpect(redirectedUrl("/login"));
        // the demo organisation does not require it, so the password is enough again
        new SignInSession(mvc).signIn(staff.email(), staff.password()).andExpect(redirectedUrl("/"));
    }

    @Test
    void onlyAnAdminResetsAndOnlyInTheirOwnOrganisation() throws Exception {
        var enrolled = enrolled(Role.STAFF);
        mvc.perform(post("/admin/users/" + enrolled.account().id() + "/second-factor")
                        .with(user(lookup.loadUserByUsername(Demo.STAFF))).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/users/" + enrolled.account().id() + "/second-factor")
                        .with(user(lookup.loadUserByUsername(Demo.ADMIN))).with(csrf()))
                .andExpect(status().isNotFound());
        var browser = signedInWithPassword(enrolled);
        browser.post("/login/second-factor", "code", code(enrolled.secret(), enrolled.step() + 1))
                .andExpect(redirectedUrl("/"));
    }

    // --- set-up

    private Enrolled enrolled(Role role) throws Exception {
        UUID organisation = organisationRequiringSecondFactor();
        var account = accounts.create(organisation, role, Set.of());
        var browser = new SignInSession(mvc);
        browser.signIn(account.email(), account.password()).andExpect(redirectedUrl("/login/second-factor"));
        String secret = ((String) browser.get("/account/second-factor").andReturn().getModelAndView().getModel()
                .get("secret")).replace(" ", "");
        long step = currentStep();
        @SuppressWarnings("unchecked")
        var recoveryCodes = (List<String>) browser.post("/account/second-factor", "code", code(secret, step))
                .andExpect(redirectedUrl("/account/second-factor"))
                .andReturn().getFlashMap().get("recoveryCodes");
        return new Enrolled(account, secret, step, recoveryCodes);
    }

    private SignInSession signedInWithPassword(Enrolled enrolled) throws Exception {
        var browser = new SignInSession(mvc);
        browser.signIn(enrolled.account().email(), enrolled.account().password())
                .andExpect(redirectedUrl("/login/second-factor"));
        return browser;
    }

    /** A fresh organisation, which requires a second factor as every new one does; the demo ones do not. */
    private UUID organisationRequiringSecondFactor() {
        UUID id = UUID.randomUUID();
        organisations.create(id, "Totrinn " + id.toString().substring(0, 8));
        return id;
    }

    private UUID organisationOf(Enrolled enrolled) {
        return ((TilfriskUser) lookup.loadUserByUsername(enrolled.account().email())).organisationId();
    }

    private <T> T inOrganisation(UUID organisation, Supplier<T> work) {
        return Tenancy.runAs(organisation, () -> tx.execute(s -> work.get()));
    }

    /** To the second step, by way of Spring Security's handler for a missing factor (which adds why to the URL). */
    private static ResultMatcher toSecondFactor() {
        return result -> assertThat(result.getResponse().getRedirectedUrl()).startsWith("/login/second-factor");
    }

    private static long currentStep() {
        return Instant.now().getEpochSecond() / 30;
    }

    /** The code the user's app shows for a time step, computed as the app does, with the library's generator. */
    private static String code(String secret, long step) throws Exception {
        return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret, step);
    }

    private static String otherThan(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 500_000) % 1_000_000);
    }
}
