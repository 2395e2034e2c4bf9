package no.tilfrisk.bench;

import static no.tilfrisk.bench.BenchData.DEPARTMENT;
import static no.tilfrisk.bench.BenchData.ORGANISATION;
import static no.tilfrisk.bench.BenchData.PERSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.List;
import no.tilfrisk.SignInSession;
import no.tilfrisk.account.TilfriskUser;
import no.tilfrisk.activity.ActivitySessions;
import no.tilfrisk.dashboard.TaskSource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily pages of issue 15 on the L set (or S with {@code -Dtilfrisk.bench.set=small}): the staff member's start
 * page with «I dag» (the sessions of their department's seven groups for two weeks, each with its roll call) and
 * «Mine oppgaver» (50 tasks, grouped), and a person's page with its summary header, by the staff member signed in
 * once with the session cookie kept. Target p95 under 100 ms each. The L set's sessions are all in 2025, so the
 * benchmark first gives the department's groups a weekly session from today for two weeks (kept, idempotent).
 * Run by {@code bench/pages.sh}; not part of ./mvnw verify.
 */
@Tag("benchmark")
@SpringBootTest(properties = {"tilfrisk.data-dir=target/bench-data-${tilfrisk.bench.set:large}", "tilfrisk.embedded.clean=false"})
@AutoConfigureMockMvc
class PagesBenchmark {

    @Autowired
    MockMvc mvc;
    @Autowired
    HikariDataSource dataSource;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    UserDetailsService users;
    @Autowired
    ActivitySessions activitySessions;
    @Autowired
    List<TaskSource> taskSources;

    @Test
    void startPageWithTodayAndPersonPage() throws Exception {
        var shape = BenchData.chosen();
        double seconds = BenchData.generate(dataSource, shape, passwords.encode(BenchData.STAFF_PASSWORD));
        LocalDate today = LocalDate.now(clock);
        int added = Tenancy.runAs(ORGANISATION, () -> tx.execute(s -> jdbc.sql("""
                        INSERT INTO activity_session (id, organisation_id, activity_id, date, start_time, end_time, place)
                        SELECT gen_random_uuid(), g.organisation_id, g.id, d::date, '18:00', '20:00', 'Huset'
                          FROM (SELECT id, organisation_id, row_number() OVER (ORDER BY id) AS n
                                  FROM activity WHERE department_id = ?) g,
                               generate_series(CAST(? AS date), CAST(? AS date) + 13, interval '1 day') d
                         WHERE extract(isodow FROM d) = 1 + (g.n - 1) % 7
                        ON CONFLICT (activity_id, date, coalesce(start_time, '00:00')) DO NOTHING""")
                .params(DEPARTMENT, today, today).update()));
        long sessions = Tenancy.runAs(ORGANISATION, () -> tx.execute(s -> jdbc.sql(
                        "SELECT count(*) FROM activity_session WHERE organisation_id = ?")
                .param(ORGANISATION).query(Long.class).single()));
        System.out.printf(Locale.ROOT, "generated the %s set in %.1f s; %d sessions in the measured organisation, "
                + "%d added for the next two weeks%n", shape.name(), seconds, sessions, added);

        var browser = new SignInSession(mvc);
        browser.signIn(BenchData.STAFF_EMAIL, BenchData.STAFF_PASSWORD).andExpect(status().is3xxRedirection());
        String start = browser.perform(get("/")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        long rollCalls = Pattern.compile("href=\"/sessions/[0-9a-f-]{36}\"").matcher(start).results().count();
        long tasks = Pattern.compile("<li[^>]*>\\s*<span class=\"due\"").matcher(start).results().count();
        System.out.printf("pages, the start page shows «I dag» with %d roll calls and «Mine oppgaver» with %d tasks%n",
                rollCalls, tasks);
        assertThat(start).contains("id=\"today\"");
        assertThat(rollCalls).isPositive();
        String person = browser.perform(get("/persons/" + PERSON)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(person).contains("<h1");

        Timing.print("pages", "start page with «I dag» and «Mine oppgaver», signed-in session",
                Timing.measure(300, 50, () -> browser.perform(get("/")).andExpect(status().isOk())));
        Timing.print("pages", "person page /persons/{id} with its summary, signed-in session",
                Timing.measure(300, 50, () -> browser.perform(get("/persons/" + PERSON)).andExpect(status().isOk())));

        // the start page's parts alone, as the staff member
        var staff = (TilfriskUser) users.loadUserByUsername(BenchData.STAFF_EMAIL);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(staff, null, staff.getAuthorities()));
        SecurityContextHolder.setContext(context);
        Timing.print("pages", "«I dag» alone (ActivitySessions.toRun)",
                Timing.measure(100, 20, () -> activitySessions.toRun(today, today.plusDays(14), 8)));
        for (TaskSource source : taskSources) {
            Timing.print("pages", "tasks alone, " + source.getClass().getSimpleName().replaceAll("\\$\\$.*", ""),
                    Timing.measure(100, 20, () -> tx.executeWithoutResult(s -> source.tasksFor(staff))));
        }
        Timing.print("pages", "the visit's row alone (read for update, write)",
                Timing.measure(100, 20, () -> Tenancy.runAs(ORGANISATION, () -> tx.executeWithoutResult(s -> {
                    jdbc.sql("SELECT last_visit_at FROM start_page_visit WHERE user_id = ? FOR UPDATE")
                            .param(staff.userId()).query(java.sql.Timestamp.class).optional();
                    jdbc.sql("UPDATE start_page_visit SET last_visit_at = now() WHERE user_id = ?")
                            .param(staff.userId()).update();
                }))));
        SecurityContextHolder.clearContext();
        Timing.print("pages", "start page, no stored session (MockMvc user())",
                Timing.measure(100, 20, () -> mvc.perform(get("/").with(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(staff)))
                        .andExpect(status().isOk())));
    }
}
