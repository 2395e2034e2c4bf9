package no.tilfrisk.account;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import no.tilfrisk.Demo;
import no.tilfrisk.TestAccounts;
import no.tilfrisk.TilfriskTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@TilfriskTest
class SignInTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts accounts;

    @Test
    void theRightPasswordSignsInAndLeadsToTheStartPage() throws Exception {
        mvc.perform(signIn(Demo.ADMIN, Demo.PASSWORD, TestAccounts.freshAddress()))
                .andExpect(authenticated().withUsername(Demo.ADMIN))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void aWrongPasswordIsRefusedWithAClearMessage() throws Exception {
        mvc.perform(signIn(Demo.ADMIN, "wrong", TestAccounts.freshAddress()))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/login").param("error", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Feil e-postadresse eller passord")));
    }

    @Test
    void emptyFieldsAreRefused() throws Exception {
        mvc.perform(signIn("", "", TestAccounts.freshAddress()))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void anOverlongEmailIsRefusedWithoutAnError() throws Exception {
        mvc.perform(signIn("x".repeat(5000) + "@example.org", "x", TestAccounts.freshAddress()))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void aSignInWithoutCsrfTokenIsForbidden() throws Exception {
        mvc.perform(post("/login").param("email", Demo.ADMIN).param("password", Demo.PASSWORD))
                .andExpect(status().isForbidden())
                .andExpect(unauthenticated());
    }

    @Test
    void afterFiveFailuresTheAccountIsThrottledEvenWithTheRightPassword() throws Exception {
        var account = accounts.create(DEMO_RECOVERY, Role.STAFF, Set.of());
        for (int i = 0; i < 5; i++) {
            mvc.perform(signIn(account.email(), "wrong-" + i, TestAccounts.freshAddress()))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(signIn(account.email(), account.password(), TestAccounts.freshAddress()))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?throttled"));
        mvc.perform(get("/login").param("throttled", ""))
                .andExpect(content().string(Matchers.containsString("For mange mislykkede innlogginger")));
    }

    @Test
    void aSuccessBeforeTheLimitClearsTheAccountsFailures() throws Exception {
        var account = accounts.create(DEMO_RECOVERY, Role.STAFF, Set.of());
        for (int i = 0; i < 4; i++) {
            mvc.perform(signIn(account.email(), "wrong", TestAccounts.freshAddress()));
        }
        mvc.perform(signIn(account.email(), account.password(), TestAccounts.freshAddress())).andExpect(authenticated());
        for (int i = 0; i < 4; i++) {
            mvc.perform(signIn(account.email(), "wrong", TestAccounts.freshAddress()));
        }
        mvc.perform(signIn(account.email(), account.password(), TestAccounts.freshAddress())).andExpect(authenticated());
    }

    @Test
    void oneAddressTryingManyAccountsIsThrottled() throws Exception {
        String address = TestAccounts.freshAddress();
        for (int i = 0; i < 20; i++) {
            mvc.perform(signIn("nobody-" + i + "@example.org", "wrong", address))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(signIn(Demo.ADMIN, Demo.PASSWORD, address))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?throttled"));
        // another address is not affected
        mvc.perform(signIn(Demo.ADMIN, Demo.PASSWORD, TestAccounts.freshAddress())).andExpect(authenticated());
    }

    @Test
    void pagesNeedSignInAndSendSecurityHeaders() throws Exception {
        mvc.perform(get("/"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy", Matchers.containsString("script-src 'self'")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().exists("Referrer-Policy"));
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        mvc.perform(post("/logout").with(csrf()))
                .andExpect(redirectedUrl("/login?logout"))
                .andExpect(unauthenticated());
    }

    private static MockHttpServletRequestBuilder signIn(String email, String password, String address) {
        return post("/login").param("email", email).param("password", password).with(csrf()).with(from(address));
    }

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
