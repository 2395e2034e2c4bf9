package no.tilfrisk.account;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import no.tilfrisk.Demo;
import no.tilfrisk.SignInSession;
import no.tilfrisk.TestAccounts;
import no.tilfrisk.TilfriskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Signed-in sessions as a browser keeps them (Spring Session JDBC): a new id at sign-in, the idle timeout, sign-out,
 * and a changed user signed out everywhere. The session row is read from the database, where the app nodes share it.
 */
@TilfriskTest
class SessionTest {

    static final String COOKIE = "SESSION";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts accounts;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient db;

    record Stored(long lastAccessTime, long expiryTime) {
    }

    @Test
    void signingInGivesANewSessionIdAndTheOldIdIsWorthNothing() throws Exception {
        var account = accounts.create(DEMO_RECOVERY, Role.STAFF, Set.of());
        var browser = new SignInSession(mvc);
        browser.get("/login").andExpect(status().isOk());
        String before = browser.cookie(COOKIE);
        assertThat(before).as("the sign-in form starts a session for its CSRF token").isNotNull();

        browser.signIn(account.email(), account.password()).andExpect(redirectedUrl("/"));
        assertThat(browser.cookie(COOKIE)).isNotNull().isNotEqualTo(before);
        browser.get("/").andExpect(status().isOk());
        mvc.perform(get("/").cookie(new Cookie(COOKIE, before))).andExpect(redirectedUrl("/login"));
    }

    @Test
    void aSessionInUseIsKeptAndOneIdleForThirtyMinutesEnds() throws Exception {
        var account = accounts.create(DEMO_RECOVERY, Role.STAFF, Set.of());
        var browser = signedIn(account);
        Stored first = stored(account);

        // a request soon after another leaves the row as it is: no write for the last access alone
        browser.get("/").andExpect(status().isOk());
        assertThat(stored(account)).isEqualTo(first);

        // 29 minutes without a request: still signed in, and the request moves the expiry 30 minutes ahead
        moveBack(account, Duration.ofMinutes(29));
        long now = System.currentTimeMillis();
        browser.get("/").andExpect(status().isOk());
        Stored renewed = stored(account);
        assertThat(renewed.lastAccessTime()).isGreaterThanOrEqualTo(now);
        assertThat(renewed.expiryTime()).isEqualTo(renewed.lastAccessTime() + Duration.ofMinutes(30).toMillis());

        // 31 minutes without a request: the session is gone
        moveBack(account, Duration.ofMinutes(31));
        browser.get("/").andExpect(redirectedUrl("/login"));
        assertThat(sessionsOf(account)).isEmpty();
    }

    @Test
    void signingOutDeletesTheSession() throws Exception {
        var account = accounts.create(DEMO_RECOVERY, Role.STAFF, Set.of());
        var browser = signedIn(account);
        String id = browser.cookie(COOKIE);

        browser.post("/logout").andExpect(redirectedUrl("/login?logout"));
        assertThat(sessionsOf(account)).isEmpty();
        mvc.perform(get("/").cookie(new Cookie(COOKIE, id))).andExpect(redirectedUrl("/login"));
    }

    @Test
    void changingAUserEndsTheirSignedInSessions() throws Exception {
        var account = accounts.create(DEMO_RECOVERY, Role.STAFF, Set.of());
        var phone = signedIn(account);
        var laptop = signedIn(account);
        assertThat(sessionsOf(account)).hasSize(2);

        mvc.perform(post("/admin/users/" + account.id()).with(user(users.loadUserByUsername(Demo.ADMIN))).with(csrf())
                        .param("displayName", "Endret").param("email", account.email()).param("roles", "COORDINATOR"))
                .andExpect(status().is3xxRedirection());
        assertThat(sessionsOf(account)).isEmpty();
        phone.get("/").andExpect(redirectedUrl("/login"));
        laptop.get("/").andExpect(redirectedUrl("/login"));
    }

    private SignInSession signedIn(TestAccounts.Account account) throws Exception {
        var browser = new SignInSession(mvc);
        browser.signIn(account.email(), account.password()).andExpect(redirectedUrl("/"));
        browser.get("/").andExpect(status().isOk());
        return browser;
    }

    private Stored stored(TestAccounts.Account account) {
        return db.sql("SELECT last_access_time, expiry_time FROM spring_session WHERE principal_name = ?")
                .param(account.email()).query(Stored.class).single();
    }

    private List<String> sessionsOf(TestAccounts.Account account) {
        return db.sql("SELECT session_id FROM spring_session WHERE principal_name = ?")
                .param(account.email()).query(String.class).list();
    }

    /** As if the last request had come that long ago. */
    private void moveBack(TestAccounts.Account account, Duration idle) {
        db.sql("""
                        UPDATE spring_session SET last_access_time = ?, expiry_time = ? + max_inactive_interval * 1000::bigint
                        WHERE principal_name = ?""")
                .params(System.currentTimeMillis() - idle.toMillis(), System.currentTimeMillis() - idle.toMillis(),
                        account.email())
                .update();
    }
}
