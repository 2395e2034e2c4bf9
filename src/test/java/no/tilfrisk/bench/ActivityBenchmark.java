package no.tilfrisk.bench;

import static no.tilfrisk.bench.BenchData.DEPARTMENT;
import static no.tilfrisk.bench.BenchData.ORGANISATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.zaxxer.hikari.HikariDataSource;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.SignInSession;
import no.tilfrisk.account.ApiTokens;
import no.tilfrisk.activity.Activities;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With the L set (5.2 million attendances in 300 organisations): the server time of one department's activity
 * list for a year with its counts, and of one roll-call toggle, each by a staff member signed in once with the
 * session cookie kept. Run by {@code bench/activities.sh}; not part of ./mvnw verify.
 */
@Tag("benchmark")
@SpringBootTest(properties = {"tilfrisk.data-dir=target/bench-data-large", "tilfrisk.embedded.clean=false"})
@AutoConfigureMockMvc
class ActivityBenchmark {

    @Autowired
    MockMvc mvc;
    @Autowired
    HikariDataSource dataSource;
    @Autowired
    UserDetailsService users;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Activities activities;
    @Autowired
    ApiTokens tokens;
    @Autowired
    PasswordEncoder passwords;

    @Test
    void activityListAndRollCall() throws Exception {
        double seconds = BenchData.large(dataSource, passwords.encode(BenchData.STAFF_PASSWORD));
        long attendances = Tenancy.runAs(ORGANISATION, () -> tx.execute(s -> jdbc.sql("SELECT count(*) FROM attendance")
                .query(Long.class).single()));
        System.out.printf("generated the L set in %.1f s (%d attendances in the measured organisation)%n", seconds, attendances);
        // the generator made the staff member; a token of this run's own for the API
        String email = BenchData.STAFF_EMAIL;
        String token = "bench-token-" + UUID.randomUUID();
        Tenancy.runAs(ORGANISATION, () -> tx.executeWithoutResult(s -> tokens.issue(BenchData.STAFF, "bench", token)));
        var browser = new SignInSession(mvc);
        browser.signIn(email, BenchData.STAFF_PASSWORD).andExpect(status().is3xxRedirection());

        var list = get("/activities").param("department", DEPARTMENT.toString())
                .param("from", "2025-01-01").param("to", "2025-12-31");
        String page = browser.perform(list).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Gruppe 7");
        double[] listMillis = measure(300, 50, () -> browser.perform(get("/activities").param("department", DEPARTMENT.toString())
                .param("from", "2025-01-01").param("to", "2025-12-31")).andExpect(status().isOk()));
        print("activity list of one department for 2025 (7 activities, 364 sessions, 5,824 named attendances), page", listMillis);

        double[] apiMillis = measure(300, 50, () -> mvc.perform(get("/api/v1/activities").param("department", DEPARTMENT.toString())
                .param("from", "2025-01-01").param("to", "2025-12-31").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()));
        print("the same list through the JSON API (no session)", apiMillis);
        var staff = users.loadUserByUsername(email);
        double[] freshSessionMillis = measure(300, 50, () -> mvc.perform(get("/activities").param("department", DEPARTMENT.toString())
                .param("from", "2025-01-01").param("to", "2025-12-31")
                .with(SecurityMockMvcRequestPostProcessors.user(staff)))
                .andExpect(status().isOk()));
        print("the same page without a stored session (MockMvc user())", freshSessionMillis);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(staff, null, staff.getAuthorities()));
        SecurityContextHolder.setContext(context);
        double[] serviceMillis = measure(300, 50, () -> activities.list(DEPARTMENT, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)));
        SecurityContextHolder.clearContext();
        print("the same list, Activities.list alone", serviceMillis);

        // roll call: toggle persons of the department on and off in one session
        UUID session = Tenancy.runAs(ORGANISATION, () -> tx.execute(s -> jdbc.sql("""
                        SELECT s.id FROM activity_session s JOIN activity a ON a.id = s.activity_id
                         WHERE a.department_id = ? ORDER BY s.date DESC LIMIT 1""").param(DEPARTMENT)
                .query(UUID.class).single()));
        List<UUID> persons = Tenancy.runAs(ORGANISATION, () -> tx.execute(s -> jdbc.sql("""
                        SELECT person_id FROM person_department WHERE department_id = ?
                           AND person_id NOT IN (SELECT person_id FROM attendance WHERE session_id = ?) LIMIT 40""")
                .params(DEPARTMENT, session).query(UUID.class).list()));
        int[] i = {0};
        double[] toggleMillis = measure(600, 100, () -> {
            int k = i[0]++;
            UUID person = persons.get(k % persons.size());
            boolean present = (k / persons.size()) % 2 == 0;
            browser.perform(post("/sessions/" + session + "/attendance/" + person).param("present", String.valueOf(present))
                    .header("HX-Request", "true").with(csrf())).andExpect(status().isOk());
        });
        print("one roll-call toggle (htmx, the person's row back)", toggleMillis);
        double[] kindsMillis = measure(300, 50, () -> browser.perform(get("/activities/kinds")).andExpect(status().isOk()));
        print("for comparison, a small page (the kinds list) in the same session", kindsMillis);
        double[] rollCallMillis = measure(200, 30, () -> browser.perform(get("/sessions/" + session)).andExpect(status().isOk()));
        print("the roll-call page of a session with 16 to 56 present", rollCallMillis);
    }

    interface Call {
        void run() throws Exception;
    }

    private static double[] measure(int n, int warmUp, Call call) throws Exception {
        for (int i = 0; i < warmUp; i++) {
            call.run();
        }
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            call.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static void print(String what, double[] ms) {
        int n = ms.length;
        System.out.printf("activities, %s: %d requests, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n", what, n, ms[n / 2],
                ms[(int) (n * 0.95)], ms[(int) (n * 0.99)]);
    }
}
