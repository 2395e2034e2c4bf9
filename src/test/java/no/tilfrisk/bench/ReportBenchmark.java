package no.tilfrisk.bench;

import static no.tilfrisk.bench.BenchData.ORGANISATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.SignInSession;
import no.tilfrisk.account.ApiTokens;
import no.tilfrisk.account.Role;
import no.tilfrisk.account.TilfriskUser;
import no.tilfrisk.account.UserAccounts;
import no.tilfrisk.account.UserForm;
import no.tilfrisk.activity.Activities;
import no.tilfrisk.activity.Distributions;
import no.tilfrisk.collaboration.CollaborationRegister;
import no.tilfrisk.followup.ContactFigures;
import no.tilfrisk.outcome.OutcomeAggregates;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.person.PersonRole;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.report.annual.AnnualReport;
import no.tilfrisk.report.disclosure.Suppression;
import no.tilfrisk.report.disclosure.SuppressionTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With the S set (one organisation; or L with {@code -Dtilfrisk.bench.set=large}, 300 organisations): the server
 * time of the annual report of the measured organisation for 2025, by its admin: the JSON report
 * ({@code /api/v1/reports/annual?year=2025}, API token; target p50 under 150 ms in S, under 500 ms in L) and the PDF
 * download ({@code /reports/annual/pdf?year=2025}, signed-in session; target under 2 s in S). Also the report built
 * without the web layer and the six reads it is made of, to show where the time goes; then the external version
 * (target p50 under 200 ms in S, under 600 ms in L, suppression and audit included) built alone, its suppression and
 * audit timed apart, and the external JSON report as a report reader fetches it. Run by
 * {@code bench/report.sh}; not part of ./mvnw verify.
 */
@Tag("benchmark")
@SpringBootTest(properties = {"tilfrisk.data-dir=target/bench-data-${tilfrisk.bench.set:large}", "tilfrisk.embedded.clean=false"})
@AutoConfigureMockMvc
class ReportBenchmark {

    static final String ADMIN_EMAIL = OutcomeBenchmark.ADMIN_EMAIL;
    static final String READER_EMAIL = "bench-board@bench.tilfrisk.no";
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
    AnnualReport report;
    @Autowired
    Activities activities;
    @Autowired
    Distributions distributions;
    @Autowired
    PersonLookup persons;
    @Autowired
    ContactFigures contacts;
    @Autowired
    OutcomeAggregates outcomes;
    @Autowired
    CollaborationRegister collaboration;

    @Test
    void annualReportOfOneOrganisation() throws Exception {
        var shape = BenchData.chosen();
        boolean small = shape == BenchData.SMALL;
        double seconds = BenchData.generate(dataSource, shape, passwords.encode(BenchData.STAFF_PASSWORD));
        System.out.printf(Locale.ROOT, "generated the %s set in %.1f s%n", shape.name(), seconds);

        String token = "bench-token-" + UUID.randomUUID();
        Tenancy.runAs(ORGANISATION, () -> tx.executeWithoutResult(s -> {
            UUID admin = jdbc.sql("SELECT id FROM app_user WHERE email = ?").param(ADMIN_EMAIL).query(UUID.class).optional()
                    .orElseGet(() -> accounts.register(new UserForm(ADMIN_EMAIL, "Bench Admin", Set.of(Role.ORG_ADMIN),
                            Set.of()), BenchData.STAFF_PASSWORD));
            tokens.issue(admin, "bench", token);
        }));

        // the report's size, once
        String json = mvc.perform(get("/api/v1/reports/annual").param("year", "2025").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(json).contains("\"from\":\"2025-01-01\"");
        System.out.printf(Locale.ROOT, "report, the JSON annual report of the organisation for 2025: %,d characters%n",
                json.length());

        int n = small ? 200 : 100;
        int warmUp = small ? 30 : 15;
        Timing.print("report", "the JSON annual report of the organisation for 2025 (API, token)",
                Timing.measure(n, warmUp, () -> mvc.perform(get("/api/v1/reports/annual").param("year", "2025")
                        .header("Authorization", "Bearer " + token)).andExpect(status().isOk())));

        // the same built without the web layer, and its parts
        var admin = (TilfriskUser) users.loadUserByUsername(ADMIN_EMAIL);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
        SecurityContextHolder.setContext(context);
        var request = AnnualReport.Request.year(2025, null, false);
        Timing.print("report", "AnnualReport.build alone", Timing.measure(n, warmUp, () -> report.build(request, Locale.ROOT)));
        int parts = small ? 100 : 50;
        Timing.print("report", "  part: Activities.list", Timing.measure(parts, 10, () -> activities.list(null, FROM, TO)));
        Timing.print("report", "  part: PersonLookup.roleCounts", Timing.measure(parts, 10, () -> persons.roleCounts(FROM, TO, List.of(PersonRole.values()))));
        Timing.print("report", "  part: ContactFigures.byType", Timing.measure(parts, 10, () -> contacts.byType(null, FROM, TO)));
        Timing.print("report", "  part: OutcomeAggregates.forPeriod", Timing.measure(parts, 10, () -> outcomes.forPeriod(null, FROM, TO)));
        Timing.print("report", "  part: CollaborationRegister.summary", Timing.measure(parts, 10, () -> collaboration.summary(null, FROM, TO)));
        Timing.print("report", "  part: Distributions.totals", Timing.measure(parts, 10, () -> distributions.totals(null, FROM, TO)));

        // the external version: what a report reader gets, suppressed over the organisation and every department
        Timing.print("report", "AnnualReport.build, external version (reads of every scope + suppression + audit)",
                Timing.measure(small ? 50 : 20, 5, () -> report.build(AnnualReport.Request.year(2025, null, true), Locale.ROOT)));
        var disclosed = report.disclose(2025, Locale.ROOT);
        var publication = disclosed.publication();
        System.out.printf(Locale.ROOT, "report, the year's publication: %d scopes, %,d figures, %,d relations, %d counts of 1-4 "
                        + "persons protected, %d figures hidden to protect them, %d derived figures hidden%n",
                disclosed.scopes(), publication.figures().size(), publication.relations().size(),
                disclosed.result().bounds().size(), disclosed.result().secondary().size(), disclosed.result().derived().size());
        SuppressionTest.assertProtected(publication, disclosed.result());
        Timing.print("report", "  part: suppression and audit alone (Suppression.apply)",
                Timing.measure(small ? 50 : 20, 5, () -> Suppression.apply(publication)));
        SecurityContextHolder.clearContext();

        String readerToken = "bench-reader-" + UUID.randomUUID();
        Tenancy.runAs(ORGANISATION, () -> tx.executeWithoutResult(s -> {
            UUID reader = jdbc.sql("SELECT id FROM app_user WHERE email = ?").param(READER_EMAIL).query(UUID.class).optional()
                    .orElseGet(() -> accounts.register(new UserForm(READER_EMAIL, "Bench Board", Set.of(Role.REPORT_VIEWER),
                            Set.of()), BenchData.STAFF_PASSWORD));
            tokens.issue(reader, "bench", readerToken);
        }));
        Timing.print("report", "the external JSON annual report of the organisation for 2025, by a report reader (API, token)",
                Timing.measure(small ? 50 : 20, 5, () -> mvc.perform(get("/api/v1/reports/annual").param("year", "2025")
                        .header("Authorization", "Bearer " + readerToken)).andExpect(status().isOk())));

        var browser = new SignInSession(mvc);
        browser.signIn(ADMIN_EMAIL, BenchData.STAFF_PASSWORD).andExpect(status().is3xxRedirection());
        byte[] pdf = browser.perform(get("/reports/annual/pdf").param("year", "2025")).andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF)).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        System.out.printf(Locale.ROOT, "report, the PDF annual report of the organisation for 2025: %,d bytes%n", pdf.length);
        Timing.print("report", "the PDF annual report of the organisation for 2025 (download, signed-in session)",
                Timing.measure(small ? 30 : 10, 5, () -> browser.perform(get("/reports/annual/pdf").param("year", "2025"))
                        .andExpect(status().isOk())));
    }
}
