package no.tilfrisk.bench;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import no.tilfrisk.platform.database.EmbeddedPostgresServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The service directory's public search with «åpent nå» over 5,000 offers (plus seed 004's 69), anonymous, as a
 * page, as the htmx result list and through the public API: server time in-process (MockMvc, no network); then 200
 * anonymous clients at once, counting every status (no 5xx allowed). Run by {@code bench/directory.sh}; not part
 * of ./mvnw verify. The public API's rate limit is raised here, since every MockMvc request comes from one address.
 */
@Tag("benchmark")
@SpringBootTest(properties = {"tilfrisk.data-dir=target/bench-data-directory", "tilfrisk.embedded.clean=true",
        "tilfrisk.directory.public-api.per-minute=100000000", "tilfrisk.scheduling.enabled=false"})
@AutoConfigureMockMvc
class DirectoryBenchmark {

    static final int OFFERS = 5000;
    static final int CLIENTS = 200;

    @Autowired
    MockMvc mvc;
    @Autowired
    HikariDataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    static final String[] TYPED = {"", "m", "ma", "mat", "k", "ka", "kaf", "kafe", "r", "rå", "råd", "s", "sen", "senter",
            "o", "ov", "over", "natt", "helse", "hjelp"};
    static final String[] NEEDS = {"food", "clothes", "shelter", "advice", "activities", "work-training", "legal-aid",
            "health-care", "harm-reduction", "meeting-place", "housing", "treatment", "aftercare"};

    MockHttpServletRequestBuilder search(int i) {
        var request = get("/tilbud").param("open", "now");
        if (!TYPED[i % TYPED.length].isEmpty()) {
            request.param("q", TYPED[i % TYPED.length]);
        }
        if (i % 3 == 0) {
            request.param("need", NEEDS[i % NEEDS.length]);
        }
        if (i % 5 == 0) {
            request.param("lowThreshold", "true");
        }
        return request;
    }

    @Test
    void publicSearchOpenNow() throws Exception {
        long started = System.nanoTime();
        generate();
        long published = jdbc.sql("SELECT count(*) FROM offer").query(Long.class).single();
        System.out.printf("generated %d offers with hours in %.1f s%n", published, (System.nanoTime() - started) / 1e9);

        int n = 1000;
        Timing.print("directory", "/tilbud?open=now page, anonymous", Timing.measure(n, 200, new Timing.Call() {
            int i;

            @Override
            public void run() throws Exception {
                expectOk(mvc.perform(search(i++)).andReturn().getResponse().getStatus());
            }
        }));
        Timing.print("directory", "/tilbud?open=now result list (htmx, search as you type)", Timing.measure(n, 100, new Timing.Call() {
            int i;

            @Override
            public void run() throws Exception {
                expectOk(mvc.perform(search(i++).header("HX-Request", "true")).andReturn().getResponse().getStatus());
            }
        }));
        Timing.print("directory", "/api/v1/public/offers?open=now", Timing.measure(n, 100, new Timing.Call() {
            int i;

            @Override
            public void run() throws Exception {
                var request = get("/api/v1/public/offers").param("open", "now");
                if (!TYPED[i % TYPED.length].isEmpty()) {
                    request.param("q", TYPED[i % TYPED.length]);
                }
                i++;
                expectOk(mvc.perform(request).andReturn().getResponse().getStatus());
            }
        }));

        // 200 anonymous clients at once, each searching 10 times as it types
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<double[]>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.add(pool.submit(() -> {
                start.await();
                double[] ms = new double[10];
                for (int k = 0; k < 10; k++) {
                    long t = System.nanoTime();
                    int status = mvc.perform(search(client * 10 + k).header("HX-Request", k > 0 ? "true" : null))
                            .andReturn().getResponse().getStatus();
                    ms[k] = (System.nanoTime() - t) / 1e6;
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                }
                return ms;
            }));
        }
        String load = Timing.loadAverage();
        long wall = System.nanoTime();
        start.countDown();
        List<Double> all = new ArrayList<>();
        for (Future<double[]> f : clients) {
            for (double d : f.get()) {
                all.add(d);
            }
        }
        double seconds = (System.nanoTime() - wall) / 1e9;
        pool.shutdown();
        double[] ms = all.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(ms);
        long serverErrors = statuses.entrySet().stream().filter(e -> e.getKey() >= 500).mapToLong(e -> e.getValue().get()).sum();
        System.out.printf(java.util.Locale.ROOT, "directory, %d anonymous clients at once, %d searches with open=now in %.1f s:"
                        + " p50 %.1f ms, p95 %.1f ms, p99 %.1f ms; statuses %s; 5xx: %d (load average %s–%s)%n",
                CLIENTS, ms.length, seconds, ms[ms.length / 2], ms[(int) (ms.length * 0.95)], ms[(int) (ms.length * 0.99)],
                statuses, serverErrors, load, Timing.loadAverage());
        if (serverErrors > 0) {
            throw new AssertionError(serverErrors + " answers with 5xx");
        }
    }

    private static void expectOk(int status) {
        if (status != 200) {
            throw new AssertionError("status " + status);
        }
    }

    /** 5,000 published offers as the owning role in plain SQL: tags, areas, and hours for four in five. */
    private void generate() throws Exception {
        try (Connection c = DriverManager.getConnection(dataSource.getJdbcUrl(), EmbeddedPostgresServer.OWNER_ROLE,
                EmbeddedPostgresServer.OWNER_PASSWORD); Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO offer (id, organisation_id, source, name, operator_name, operator_kind, description, needs,
                                       target_groups, low_threshold, free, area, municipality, languages, hours_known,
                                       published, last_confirmed)
                    SELECT gen_random_uuid(), NULL, 'MANUAL',
                           (ARRAY['Kafé','Senter','Overnatting','Rådgivning','Helsehjelp','Møteplass','Verksted','Hjelp'])[1 + g % 8] || ' ' || g,
                           'Drift ' || (g % 97), (ARRAY['MUNICIPAL','VOLUNTARY','NON_PROFIT','STATE'])[1 + g % 4],
                           'Mat, råd og veiledning, aktiviteter for ' || g,
                           ARRAY[(ARRAY['food','clothes','shelter','advice','activities','work-training','legal-aid','health-care',
                                        'harm-reduction','meeting-place','housing','treatment','aftercare'])[1 + g % 13],
                                 (ARRAY['advice','meeting-place','food'])[1 + g % 3]],
                           ARRAY[(ARRAY['active-use','former-use','young-adults','women','men','migrants','relatives'])[1 + g % 7]],
                           g % 2 = 0, g % 3 <> 0,
                           (ARRAY['Sentrum','Gamle Oslo','Grünerløkka','Sagene','St. Hanshaugen','Frogner','Alna','Stovner'])[1 + g % 8],
                           'Oslo', ARRAY['nb'], g % 5 <> 0, true, date '2026-06-01'
                      FROM generate_series(1, :offers) g""".replace(":offers", Integer.toString(OFFERS)));
            // weekday hours for those with hours: most 09-16, a fifth also evenings, a tenth past midnight on Fridays
            s.execute("""
                    INSERT INTO offer_hours (id, offer_id, organisation_id, published, weekday, opens, closes, past_midnight)
                    SELECT gen_random_uuid(), o.id, NULL, true, d, time '09:00' + ((abs(hashtext(o.name)) % 4) * interval '1 hour'),
                           time '16:00', false
                      FROM offer o CROSS JOIN generate_series(1, 5) d WHERE o.hours_known""");
            s.execute("""
                    INSERT INTO offer_hours (id, offer_id, organisation_id, published, weekday, opens, closes, past_midnight)
                    SELECT gen_random_uuid(), o.id, NULL, true, d, time '18:00', time '22:00', false
                      FROM offer o CROSS JOIN generate_series(1, 7) d WHERE o.hours_known AND abs(hashtext(o.name)) % 5 = 0""");
            s.execute("""
                    INSERT INTO offer_hours (id, offer_id, organisation_id, published, weekday, opens, closes, past_midnight)
                    SELECT gen_random_uuid(), o.id, NULL, true, 5, time '22:00', time '04:00', true
                      FROM offer o WHERE o.hours_known AND abs(hashtext(o.name)) % 10 = 1""");
            s.execute("""
                    INSERT INTO offer_hours_exception (id, offer_id, organisation_id, published, on_date, closed, opens, closes, past_midnight, note)
                    SELECT gen_random_uuid(), o.id, NULL, true, (now() AT TIME ZONE 'Europe/Oslo')::date + (abs(hashtext(o.name)) % 30),
                           false, time '10:00', time '14:00', false, 'bench'
                      FROM offer o WHERE o.hours_known AND abs(hashtext(o.name)) % 7 = 0""");
            s.execute("ANALYZE");
        }
    }
}
