package no.tilfrisk.bench;

import static no.tilfrisk.bench.BenchData.ORGANISATION;
import static no.tilfrisk.bench.BenchData.PERSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import no.tilfrisk.SignInSession;
import no.tilfrisk.account.TilfriskUser;
import no.tilfrisk.dashboard.TaskSource;
import no.tilfrisk.person.PersonDirectory;
import no.tilfrisk.person.PersonSummarySource;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With the L set (1 M contacts; or S with {@code -Dtilfrisk.bench.set=small}): the server time of a staff member's
 * start page with «Mine oppgaver» (many open follow-ups and plan actions and evaluations due) and of a person's
 * page with a timeline of about 500 entries (contacts, attendance, plan changes), by the staff member signed in once
 * with the session cookie kept. Target p95 under 100 ms each. Run by {@code bench/followup.sh}; not part of
 * ./mvnw verify.
 */
@Tag("benchmark")
@SpringBootTest(properties = {"tilfrisk.data-dir=target/bench-data-${tilfrisk.bench.set:large}", "tilfrisk.embedded.clean=false"})
@AutoConfigureMockMvc
class FollowupBenchmark {

    @Autowired
    MockMvc mvc;
    @Autowired
    HikariDataSource dataSource;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    UserDetailsService users;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonDirectory directory;
    @Autowired
    List<TaskSource> taskSources;
    @Autowired
    List<PersonSummarySource> summarySources;

    @Test
    void startPageAndTimeline() throws Exception {
        var shape = BenchData.chosen();
        double seconds = BenchData.generate(dataSource, shape, passwords.encode(BenchData.STAFF_PASSWORD));
        long contacts = Tenancy.runAs(ORGANISATION, () -> tx.execute(s -> jdbc.sql("SELECT count(*) FROM contact")
                .query(Long.class).single()));
        System.out.printf(Locale.ROOT, "generated the %s set in %.1f s (%d contacts in the measured organisation)%n",
                shape.name(), seconds, contacts);
        var browser = new SignInSession(mvc);
        browser.signIn(BenchData.STAFF_EMAIL, BenchData.STAFF_PASSWORD).andExpect(status().is3xxRedirection());
        var staff = (TilfriskUser) users.loadUserByUsername(BenchData.STAFF_EMAIL);

        // what the two pages show: the tasks by module, and the timeline by kind
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(staff, null, staff.getAuthorities()));
        SecurityContextHolder.setContext(context);
        Map<String, Integer> tasks = new TreeMap<>();
        for (TaskSource source : taskSources) {
            tx.executeWithoutResult(s -> source.tasksFor(staff)
                    .forEach(t -> tasks.merge(t.messageKey(), 1, Integer::sum)));
        }
        var timeline = directory.get(PERSON).timeline();
        Map<String, Integer> kinds = new TreeMap<>();
        timeline.forEach(e -> kinds.merge(e.messageKey().replaceAll("\\.(created|status|changed|from)$", ""), 1, Integer::sum));
        System.out.printf("followup, tasks each source gives the staff member (at most 50 each): %s%n", tasks);
        System.out.printf("followup, the person's timeline: %d entries %s%n", timeline.size(), kinds);
        assertThat(timeline.size()).isBetween(450, 550);
        assertThat(tasks.getOrDefault("task.followUp", 0)).isEqualTo(50);

        String start = browser.perform(get("/")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        long shown = Pattern.compile("<li[^>]*>\\s*<span class=\"due\"").matcher(start).results().count();
        System.out.printf("followup, «Mine oppgaver» shows %d tasks%n", shown);
        assertThat(shown).isEqualTo(50);
        String person = browser.perform(get("/persons/" + PERSON)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(person).contains("class=\"timeline\"");

        Timing.print("followup", "start page with «Mine oppgaver», signed-in session",
                Timing.measure(300, 50, () -> browser.perform(get("/")).andExpect(status().isOk())));
        Timing.print("followup", "person page with a timeline of " + timeline.size() + " entries, signed-in session",
                Timing.measure(300, 50, () -> browser.perform(get("/persons/" + PERSON)).andExpect(status().isOk())));
        Timing.print("followup", "start page, no stored session (MockMvc user())",
                Timing.measure(300, 50, () -> mvc.perform(get("/").with(user(staff))).andExpect(status().isOk())));
        Timing.print("followup", "person page, no stored session (MockMvc user())",
                Timing.measure(300, 50, () -> mvc.perform(get("/persons/" + PERSON).with(user(staff))).andExpect(status().isOk())));
        SecurityContextHolder.setContext(context);
        for (TaskSource source : taskSources) {
            Timing.print("followup", "tasks alone, " + source.getClass().getSimpleName().replaceAll("\\$\\$.*", ""),
                    Timing.measure(300, 50, () -> tx.executeWithoutResult(s -> source.tasksFor(staff))));
        }
        Timing.print("followup", "PersonDirectory.get alone (the person and the timeline)",
                Timing.measure(300, 50, () -> directory.get(PERSON)));
        // the person page's summary header: each source's facts and quick actions, one transaction each
        for (PersonSummarySource source : summarySources) {
            Timing.print("followup", "summary alone, " + source.getClass().getSimpleName().replaceAll("\\$\\$.*", ""),
                    Timing.measure(300, 50, () -> tx.executeWithoutResult(s -> {
                        source.summaryFor(PERSON);
                        source.actionsFor(PERSON);
                    })));
        }
        SecurityContextHolder.clearContext();
    }
}
