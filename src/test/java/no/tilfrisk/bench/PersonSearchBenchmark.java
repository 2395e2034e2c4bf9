package no.tilfrisk.bench;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.SignInSession;
import no.tilfrisk.account.Role;
import no.tilfrisk.account.UserAccounts;
import no.tilfrisk.account.UserForm;
import no.tilfrisk.person.PersonDirectory;
import no.tilfrisk.platform.database.EmbeddedPostgresServer;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Search-as-you-type with 100,000 persons in one database (300 organisations): the server time of the result
 * list for one organisation of 2,000 persons. Run by {@code bench/person-search.sh}; not part of ./mvnw verify.
 */
@Tag("benchmark")
@SpringBootTest(properties = {"tilfrisk.data-dir=target/bench-data", "tilfrisk.embedded.clean=true"})
@AutoConfigureMockMvc
class PersonSearchBenchmark {

    static final UUID ORGANISATION = UUID.fromString("00000000-0000-4000-8000-0000000be001");

    @Autowired
    MockMvc mvc;
    @Autowired
    HikariDataSource dataSource;
    @Autowired
    UserAccounts accounts;
    @Autowired
    UserDetailsService users;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    PersonDirectory directory;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JdbcIndexedSessionRepository sessions;

    @Test
    void searchAsYouType() throws Exception {
        long started = System.nanoTime();
        generate();
        System.out.printf("generated 300 organisations and 100,000 persons in %.1f s%n", (System.nanoTime() - started) / 1e9);
        String email = "bench-staff@bench.tilfrisk.no";
        Tenancy.runAs(ORGANISATION, () -> tx.executeWithoutResult(s -> accounts.register(new UserForm(email,
                "Bench Staff", Set.of(Role.STAFF), Set.of(department())), "bench-password")));
        var staff = users.loadUserByUsername(email);
        // a browser: signed in once, the session cookie sent with every request
        var browser = new SignInSession(mvc);
        browser.signIn(email, "bench-password").andExpect(status().is3xxRedirection());

        String[] typed = {"a", "an", "ann", "anne", "o", "ol", "ole", "h", "ha", "han", "hans", "ma", "mar", "mari",
                "k", "kr", "kri", "kris", "98", "981", "s", "si", "sil", "silje", "e", "er", "eri", "erik"};
        for (int i = 0; i < 200; i++) { // warm-up, with and without a stored session
            browser.perform(get("/persons").param("q", typed[i % typed.length]).header("HX-Request", "true"));
            mvc.perform(get("/persons").param("q", typed[i % typed.length]).header("HX-Request", "true")
                    .with(user(staff)));
        }
        // Three ways of serving the same requests, in rotating blocks of 100 so that all see the same load on a
        // shared machine: the signed-in session with our update of the session row (written only when behind),
        // with Spring Session's own update (written on every request), and no stored session at all.
        String ours = (String) ReflectionTestUtils.getField(sessions, "updateSessionQuery");
        String library = (String) ReflectionTestUtils.getField(new JdbcIndexedSessionRepository(
                new JdbcTemplate(dataSource), tx), "updateSessionQuery");
        int n = 1000;
        double[] millis = new double[n];
        double[] everyRequest = new double[n];
        double[] noSession = new double[n];
        for (int block = 0; block < n / 100; block++) {
            for (int turn = 0; turn < 3; turn++) {
                int way = (block + turn) % 3;
                sessions.setUpdateSessionQuery(way == 1 ? library : ours);
                double[] into = way == 0 ? millis : way == 1 ? everyRequest : noSession;
                for (int i = block * 100; i < (block + 1) * 100; i++) {
                    var request = get("/persons").param("q", typed[i % typed.length]).header("HX-Request", "true");
                    long t = System.nanoTime();
                    if (way == 2) {
                        mvc.perform(request.with(user(staff))).andExpect(status().isOk());
                    } else {
                        browser.perform(request).andExpect(status().isOk());
                    }
                    into[i] = (System.nanoTime() - t) / 1e6;
                }
            }
        }
        sessions.setUpdateSessionQuery(ours);
        Arrays.sort(millis);
        Arrays.sort(everyRequest);
        Arrays.sort(noSession);
        System.out.printf("person search, the same session with its row written on every request (Spring Session's own"
                        + " update), interleaved: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n",
                everyRequest[n / 2], everyRequest[(int) (n * 0.95)], everyRequest[(int) (n * 0.99)]);
        System.out.printf("person search, no stored session (MockMvc user(): the session table is neither read nor"
                        + " written), interleaved: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n",
                noSession[n / 2], noSession[(int) (n * 0.95)], noSession[(int) (n * 0.99)]);
        System.out.printf("person search, ratios within this run: signed-in/row written every request p50 %.2f, p95 %.2f;"
                        + " signed-in/no stored session p50 %.2f, p95 %.2f%n",
                millis[n / 2] / everyRequest[n / 2], millis[(int) (n * 0.95)] / everyRequest[(int) (n * 0.95)],
                millis[n / 2] / noSession[n / 2], millis[(int) (n * 0.95)] / noSession[(int) (n * 0.95)]);
        // where the time goes: the service alone, and the plan of the search
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken
                .authenticated(staff, null, staff.getAuthorities()));
        SecurityContextHolder.setContext(context);
        double[] service = new double[200];
        for (int i = 0; i < 200; i++) {
            long t = System.nanoTime();
            directory.search(typed[i % typed.length], null, null, 0, 25);
            service[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(service);
        System.out.printf("person search, service only: p50 %.1f ms, p95 %.1f ms%n", service[100], service[190]);
        SecurityContextHolder.clearContext();
        Tenancy.runAs(ORGANISATION, () -> tx.executeWithoutResult(st -> jdbc.sql(
                        "EXPLAIN (ANALYZE, BUFFERS) SELECT p.id FROM person p WHERE p.organisation_id = ? AND p.display_name ILIKE '%an%' "
                                + "AND EXISTS (SELECT 1 FROM person_department pd WHERE pd.person_id = p.id AND pd.department_id = ANY(?)) "
                                + "ORDER BY lower(p.display_name) LIMIT 25")
                .params(ORGANISATION, new UUID[] {department()}).query(String.class).list()
                .forEach(line -> System.out.println("plan: " + line))));
        System.out.printf("person search, %d requests of a signed-in browser session in one organisation of 2,000 persons (100,000 in the database):"
                        + " p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                n, millis[n / 2], millis[(int) (n * 0.95)], millis[(int) (n * 0.99)], millis[n - 1]);
    }

    private UUID department() {
        return UUID.nameUUIDFromBytes(("department-" + ORGANISATION).getBytes());
    }

    /** Writes the data as the owning role in plain SQL: fast, and what a generator for any size would do. */
    private void generate() throws Exception {
        try (Connection c = DriverManager.getConnection(dataSource.getJdbcUrl(), EmbeddedPostgresServer.OWNER_ROLE,
                EmbeddedPostgresServer.OWNER_PASSWORD); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TEMP TABLE bench_org AS
                    SELECT CASE WHEN g = 1 THEN '%s'::uuid ELSE gen_random_uuid() END AS id, g AS n
                      FROM generate_series(1, 300) g""".formatted(ORGANISATION));
            s.execute("INSERT INTO organisation (id, name, require_second_factor) SELECT id, 'Bench ' || n, false FROM bench_org");
            s.execute("""
                    INSERT INTO department (id, organisation_id, name, municipality)
                    SELECT CASE WHEN n = 1 THEN '%s'::uuid ELSE gen_random_uuid() END, id, 'Avdeling ' || n, 'Skien'
                      FROM bench_org""".formatted(department()));
            // organisation 1 gets 2,000 persons; the other 98,000 are spread over the other 299
            s.execute("""
                    CREATE TEMP TABLE bench_person AS
                    SELECT gen_random_uuid() AS id,
                           CASE WHEN g <= 2000 THEN 1 ELSE 2 + (g % 299) END AS org_n,
                           (ARRAY['Anne','Ingrid','Kari','Marit','Hanne','Silje','Nina','Ida','Nora','Emma','Ole','Lars',
                                  'Per','Jan','Bjørn','Knut','Arne','Thomas','Martin','Kristian','Jonas','Magnus','Erik','Hans'])
                               [1 + (random() * 23)::int] AS first,
                           (ARRAY['Hansen','Johansen','Olsen','Larsen','Andersen','Pedersen','Nilsen','Kristiansen',
                                  'Jensen','Karlsen','Johnsen','Pettersen','Eriksen','Berg','Haugen','Hagen','Dahl','Lie'])
                               [1 + (random() * 17)::int] AS last,
                           1950 + (random() * 55)::int AS birth_year,
                           '9' || lpad((random() * 9999999)::int::text, 7, '0') AS phone
                      FROM generate_series(1, 100000) g""");
            s.execute("""
                    INSERT INTO person (id, organisation_id, display_name, full_name, birth_year, phone)
                    SELECT p.id, o.id, p.first, p.first || ' ' || p.last, p.birth_year, p.phone
                      FROM bench_person p JOIN bench_org o ON o.n = p.org_n""");
            s.execute("""
                    INSERT INTO person_department (id, organisation_id, person_id, department_id, from_date)
                    SELECT gen_random_uuid(), pe.organisation_id, pe.id, d.id, date '2024-01-01'
                      FROM person pe JOIN department d ON d.organisation_id = pe.organisation_id
                     WHERE d.name LIKE 'Avdeling %'""");
            s.execute("""
                    INSERT INTO person_role (id, organisation_id, person_id, role, from_date)
                    SELECT gen_random_uuid(), organisation_id, id, 'PARTICIPANT', date '2024-01-01' FROM person""");
            s.execute("ANALYZE");
        }
    }
}
