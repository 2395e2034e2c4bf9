package no.tilfrisk.bench;

import static no.tilfrisk.bench.BenchData.DEPARTMENT;
import static no.tilfrisk.bench.BenchData.ORGANISATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.zaxxer.hikari.HikariDataSource;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.SignInSession;
import no.tilfrisk.account.ApiTokens;
import no.tilfrisk.account.Role;
import no.tilfrisk.account.TilfriskUser;
import no.tilfrisk.account.UserAccounts;
import no.tilfrisk.account.UserForm;
import no.tilfrisk.outcome.Aggregate;
import no.tilfrisk.outcome.Instruments;
import no.tilfrisk.outcome.OutcomeAggregates;
import no.tilfrisk.outcome.Score;
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
 * With the L set (300,000 outcome responses in 300 organisations; or S with {@code -Dtilfrisk.bench.set=small}):
 * the server time of the outcome aggregates (abstinence, quality of life, WHO-5, a meaningful life) for one
 * organisation and the year 2025, by its admin. Target under 100 ms for all of them together. First checks a sample
 * of the generated scores against the code's scorer. Run by {@code bench/outcomes.sh}; not part of ./mvnw verify.
 */
@Tag("benchmark")
@SpringBootTest(properties = {"tilfrisk.data-dir=target/bench-data-${tilfrisk.bench.set:large}", "tilfrisk.embedded.clean=false"})
@AutoConfigureMockMvc
class OutcomeBenchmark {

    static final String ADMIN_EMAIL = "bench-admin@bench.tilfrisk.no";
    static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    static final LocalDate TO = LocalDate.of(2025, 12, 31);

    @Autowired
    MockMvc mvc;
    @Autowired
    HikariDataSource dataSource;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    UserAccounts accounts;
    @Autowired
    ApiTokens tokens;
    @Autowired
    UserDetailsService users;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Instruments instruments;
    @Autowired
    OutcomeAggregates aggregates;

    @Test
    void aggregatesForOneOrganisationAndYear() throws Exception {
        var shape = BenchData.chosen();
        double seconds = BenchData.generate(dataSource, shape, passwords.encode(BenchData.STAFF_PASSWORD));
        long responses = Tenancy.runAs(ORGANISATION, () -> tx.execute(s -> jdbc.sql("SELECT count(*) FROM outcome_response")
                .query(Long.class).single()));
        System.out.printf(Locale.ROOT, "generated the %s set in %.1f s (%d responses in the measured organisation)%n",
                shape.name(), seconds, responses);
        checkScores();

        String token = "bench-token-" + UUID.randomUUID();
        Tenancy.runAs(ORGANISATION, () -> tx.executeWithoutResult(s -> {
            UUID admin = jdbc.sql("SELECT id FROM app_user WHERE email = ?").param(ADMIN_EMAIL).query(UUID.class).optional()
                    .orElseGet(() -> accounts.register(new UserForm(ADMIN_EMAIL, "Bench Admin", Set.of(Role.ORG_ADMIN),
                            Set.of()), BenchData.STAFF_PASSWORD));
            tokens.issue(admin, "bench", token);
        }));
        var admin = (TilfriskUser) users.loadUserByUsername(ADMIN_EMAIL);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
        SecurityContextHolder.setContext(context);
        for (Aggregate a : aggregates.forPeriod(null, FROM, TO)) {
            System.out.printf(Locale.ROOT, "outcomes, %s for the organisation in 2025: %d of %d%n", a.key(), a.numerator(),
                    a.denominator());
            assertThat(a.shown()).as(a.key()).isTrue();
        }
        Timing.print("outcomes", "the four aggregates for the organisation and 2025, OutcomeAggregates.forPeriod",
                Timing.measure(300, 50, () -> aggregates.forPeriod(null, FROM, TO)));
        Timing.print("outcomes", "the four aggregates for one department and 2025, OutcomeAggregates.forPeriod",
                Timing.measure(300, 50, () -> aggregates.forPeriod(DEPARTMENT, FROM, TO)));
        SecurityContextHolder.clearContext();

        Timing.print("outcomes", "the organisation's aggregates for 2025 through the JSON API",
                Timing.measure(300, 50, () -> mvc.perform(get("/api/v1/outcomes/aggregates").param("from", "2025-01-01")
                        .param("to", "2025-12-31").header("Authorization", "Bearer " + token)).andExpect(status().isOk())));
        var browser = new SignInSession(mvc);
        browser.signIn(ADMIN_EMAIL, BenchData.STAFF_PASSWORD).andExpect(status().is3xxRedirection());
        Timing.print("outcomes", "the figures page (/outcomes) for 2025, signed-in session",
                Timing.measure(200, 30, () -> browser.perform(get("/outcomes").param("from", "2025-01-01")
                        .param("to", "2025-12-31")).andExpect(status().isOk())));
    }

    /** 500 generated responses of each instrument, scored again by the code: the generator's scores must agree. */
    private void checkScores() {
        record Row(UUID id, String instrumentId, Integer score, Integer rawScore, String status, String goal) {
        }
        Tenancy.runAs(ORGANISATION, () -> tx.executeWithoutResult(s -> {
            List<Row> rows = jdbc.sql("""
                            SELECT id, instrument_id, score, raw_score, status, goal FROM (
                              SELECT r.*, row_number() OVER (PARTITION BY instrument_id ORDER BY id) AS n FROM outcome_response r) r
                             WHERE n <= 500""").query(Row.class).list();
            Map<UUID, Map<String, Integer>> answers = new HashMap<>();
            jdbc.sql("SELECT response_id, item_id, value FROM outcome_answer WHERE response_id = ANY(?)")
                    .param(rows.stream().map(Row::id).toArray(UUID[]::new))
                    .query(rs -> {
                        answers.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashMap<>()).put(rs.getString(2), rs.getInt(3));
                    });
            for (Row r : rows) {
                var instrument = instruments.find(r.instrumentId(), 1).orElseThrow();
                instrument.items().forEach(item -> assertThat(answers.get(r.id()).get(item.id()))
                        .as("%s %s", r.instrumentId(), item.id()).isBetween(item.scale().min(), item.scale().max()));
                Score score = instruments.score(instrument, answers.get(r.id()));
                assertThat(new Object[] {r.score(), r.rawScore(), r.status(), r.goal()}).as(r.instrumentId())
                        .containsExactly(score.value(), score.raw(), score.status(), score.goal());
            }
            System.out.printf("outcomes, %d generated responses scored again by the code: all agree%n", rows.size());
        }));
    }
}
