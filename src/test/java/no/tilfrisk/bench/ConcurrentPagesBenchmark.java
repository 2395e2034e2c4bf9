package no.tilfrisk.bench;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import no.tilfrisk.SignInSession;
import no.tilfrisk.platform.database.EmbeddedPostgresServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * PRODUCT.md's page target, «p95 under 100 ms at 32 concurrent users», on the L set: 32 staff members of 32
 * organisations, each signed in once with the session cookie kept, go round a day's pages (the start page with
 * «Mine oppgaver», a person search as they type, a person's page, the person's contacts, the department's activity
 * list) at the same time. Two runs: users who read each page for 1–3 s before the next click, as people do, and users
 * who click again at once (32 requests always in flight: the most two cores can be asked). Server time in-process
 * (MockMvc, no network), from the first byte of the request to the last of the page, waiting for a database
 * connection included. A third run puts all 32 in one organisation (its six staff members in five or six browsers
 * each), where every request's audit rows join one chain. Run by {@code bench/concurrent.sh}; not part of ./mvnw
 * verify.
 */
@Tag("benchmark")
@SpringBootTest(properties = {"tilfrisk.data-dir=target/bench-data-large", "tilfrisk.embedded.clean=false"})
@AutoConfigureMockMvc
class ConcurrentPagesBenchmark {

    static final int USERS = 32;
    static final String[] TYPED = {"a", "an", "ann", "o", "ol", "ole", "h", "ha", "han", "ma", "mar", "k", "kr", "e", "er"};

    @Autowired
    MockMvc mvc;
    @Autowired
    HikariDataSource dataSource;
    @Autowired
    PasswordEncoder passwords;

    /** One staff member: their organisation's first department and some of its persons. */
    record Staff(String email, UUID department, List<UUID> persons) {
    }

    @Test
    void thirtyTwoUsersAtOnce() throws Exception {
        double seconds = BenchData.generate(dataSource, BenchData.LARGE, passwords.encode(BenchData.STAFF_PASSWORD));
        System.out.printf(Locale.ROOT, "generated the large set in %.1f s%n", seconds);
        List<Staff> staff = staff();
        if (staff.size() < USERS) {
            throw new IllegalStateException("The L set has fewer than " + USERS + " organisations with staff");
        }
        List<SignInSession> browsers = new ArrayList<>();
        for (Staff s : staff) {
            var browser = new SignInSession(mvc);
            browser.signIn(s.email(), BenchData.STAFF_PASSWORD).andExpect(status().is3xxRedirection());
            browsers.add(browser);
        }
        run(staff, browsers, 0, 0, 20); // warm-up
        report("users who read each page for 1–3 s", run(staff, browsers, 1_000, 3_000, 120));
        report("users who click again at once", run(staff, browsers, 0, 0, 60));

        // the same in one organisation: its six staff members, each in five or six browsers, all writing to the
        // organisation's one audit chain
        List<Staff> colleagues = colleagues();
        List<Staff> oneOrganisation = new ArrayList<>();
        List<SignInSession> theirBrowsers = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            Staff s = colleagues.get(u % colleagues.size());
            var browser = new SignInSession(mvc);
            browser.signIn(s.email(), BenchData.STAFF_PASSWORD).andExpect(status().is3xxRedirection());
            oneOrganisation.add(s);
            theirBrowsers.add(browser);
        }
        report("one organisation, users who read each page for 1–3 s", run(oneOrganisation, theirBrowsers, 1_000, 3_000, 120));
    }

    /** Each user goes round the pages for {@code seconds}; the milliseconds of every request, by page. */
    private Map<String, ConcurrentLinkedQueue<Double>> run(List<Staff> staff, List<SignInSession> browsers,
                                                            int thinkFrom, int thinkTo, int seconds) throws Exception {
        Map<String, ConcurrentLinkedQueue<Double>> byPage = new ConcurrentHashMap<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong load = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(USERS);
        try {
            List<Future<?>> users = new ArrayList<>();
            for (int u = 0; u < USERS; u++) {
                Staff s = staff.get(u);
                SignInSession browser = browsers.get(u);
                users.add(pool.submit(() -> {
                    var random = ThreadLocalRandom.current();
                    int step = random.nextInt(5);
                    while (System.nanoTime() < end) {
                        UUID person = s.persons().get(random.nextInt(s.persons().size()));
                        String page;
                        MockHttpServletRequestBuilder request;
                        switch (step++ % 5) {
                            case 0 -> {
                                page = "start page with «Mine oppgaver»";
                                request = get("/");
                            }
                            case 1 -> {
                                page = "person search as you type";
                                request = get("/persons").param("q", TYPED[random.nextInt(TYPED.length)])
                                        .header("HX-Request", "true");
                            }
                            case 2 -> {
                                page = "a person's page with the timeline";
                                request = get("/persons/" + person);
                            }
                            case 3 -> {
                                page = "the person's contacts";
                                request = get("/persons/" + person + "/contacts");
                            }
                            default -> {
                                page = "the department's activity list";
                                request = get("/activities").param("department", s.department().toString());
                            }
                        }
                        long t = System.nanoTime();
                        browser.perform(request).andExpect(status().isOk());
                        double ms = (System.nanoTime() - t) / 1e6;
                        byPage.computeIfAbsent(page, k -> new ConcurrentLinkedQueue<>()).add(ms);
                        load.incrementAndGet();
                        if (thinkTo > 0) {
                            Thread.sleep(random.nextInt(thinkFrom, thinkTo));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> user : users) {
                user.get();
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf(Locale.ROOT, "concurrent, %d requests in %d s (%.1f a second), load average now %s%n",
                load.get(), seconds, load.get() / (double) seconds, Timing.loadAverage());
        return byPage;
    }

    private static void report(String how, Map<String, ConcurrentLinkedQueue<Double>> byPage) {
        List<Double> all = new ArrayList<>();
        new TreeMap<>(byPage).forEach((page, times) -> {
            all.addAll(times);
            print(how + ", " + page, times);
        });
        print(how + ", every page", all);
    }

    private static void print(String what, Collection<Double> times) {
        double[] ms = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "concurrent, %d users, %s: %d requests, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n",
                USERS, what, ms.length, ms[ms.length / 2], ms[(int) (ms.length * 0.95)], ms[(int) (ms.length * 0.99)]);
    }

    /** The first staff member of the first department of each of 32 organisations, and 40 of the department's persons. */
    private List<Staff> staff() throws Exception {
        return staff("""
                SELECT u.email, d.department_id FROM app_user u JOIN user_department d ON d.user_id = u.id
                 WHERE u.email = ? OR u.email LIKE 'staff-%-1-1@bench.tilfrisk.no'
                 ORDER BY u.email <> ?, u.email LIMIT ?""");
    }

    /** The staff members of the measured organisation, each with 40 of their department's persons. */
    private List<Staff> colleagues() throws Exception {
        return staff("""
                SELECT u.email, d.department_id FROM app_user u JOIN user_department d ON d.user_id = u.id
                 WHERE u.organisation_id = (SELECT organisation_id FROM app_user WHERE email = ?)
                 ORDER BY u.email <> ?, u.email LIMIT ?""");
    }

    private List<Staff> staff(String query) throws Exception {
        List<Staff> staff = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(dataSource.getJdbcUrl(), EmbeddedPostgresServer.OWNER_ROLE,
                EmbeddedPostgresServer.OWNER_PASSWORD);
             PreparedStatement users = c.prepareStatement(query);
             PreparedStatement persons = c.prepareStatement("""
                     SELECT person_id FROM person_department WHERE department_id = ? ORDER BY person_id LIMIT 40""")) {
            users.setString(1, BenchData.STAFF_EMAIL);
            users.setString(2, BenchData.STAFF_EMAIL);
            users.setInt(3, USERS);
            try (ResultSet r = users.executeQuery()) {
                while (r.next()) {
                    UUID department = r.getObject(2, UUID.class);
                    persons.setObject(1, department);
                    List<UUID> ids = new ArrayList<>();
                    try (ResultSet p = persons.executeQuery()) {
                        while (p.next()) {
                            ids.add(p.getObject(1, UUID.class));
                        }
                    }
                    staff.add(new Staff(r.getString(1), department, ids));
                }
            }
        }
        if (staff.isEmpty() || staff.stream().anyMatch(s -> s.persons().isEmpty())) {
            throw new IllegalStateException("Staff members without persons in the L set: " + Arrays.toString(staff.toArray()));
        }
        return staff;
    }
}
