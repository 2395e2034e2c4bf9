package no.tilfrisk.report.annual;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import no.tilfrisk.AccessMatrix;
import no.tilfrisk.MatrixRequests;
import no.tilfrisk.MatrixTarget;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.organisation.Departments;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.Dates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page and API endpoint of the annual report × every demo role × a department of the caller's own, another
 * department, and a department of another organisation. Reading: an admin everything of their organisation, a
 * coordinator their own department, a report reader everything but only the external version; staff, volunteers
 * and participants nothing. Writing the texts: an admin, and a coordinator for their department. The assumption of
 * the estimate: the admin only. Where there is no right the answer is 403, 404, 400 or the page with its error, and
 * nothing changes. A new endpoint of the annual report without an entry here fails the test.
 */
@TilfriskTest
class AnnualReportAccessMatrixTest {

    static final Map<String, Set<MatrixTarget>> READ = Map.of(
            "admin@demo.tilfrisk.no", Set.of(MatrixTarget.OWN_DEPARTMENT, MatrixTarget.OTHER_DEPARTMENT),
            "koordinator@demo.tilfrisk.no", Set.of(MatrixTarget.OWN_DEPARTMENT),
            "ansatt@demo.tilfrisk.no", Set.of(),
            "frivillig@demo.tilfrisk.no", Set.of(),
            "deltaker@demo.tilfrisk.no", Set.of(),
            "styret@demo.tilfrisk.no", Set.of(MatrixTarget.OWN_DEPARTMENT, MatrixTarget.OTHER_DEPARTMENT),
            "nav@demo.tilfrisk.no", Set.of(),
            "katalog@demo.tilfrisk.no", Set.of(),
            "admin@annen.tilfrisk.no", Set.of(MatrixTarget.OTHER_ORGANISATION));

    static final Set<String> ADMINS = Set.of("admin@demo.tilfrisk.no", "admin@annen.tilfrisk.no");

    /** Every endpoint with its request: {department} the target department, {year} last year, {new} fresh. */
    static final Map<String, String> ENDPOINTS = Map.ofEntries(
            Map.entry("GET /reports/annual", "year={year}&department={department}"),
            Map.entry("GET /reports/annual/{format}", "year={year}&department={department}"),
            Map.entry("GET /reports/annual/texts/{section}", "year={year}&department={department}"),
            Map.entry("POST /reports/annual/texts/{section}", "year={year}&department={department}&markdown=Matrise+{new}"),
            Map.entry("GET /reports/annual/settings", ""),
            Map.entry("POST /reports/annual/settings", "savingLowNok=400000&savingHighNok=900000&savingSource=Matrise+{new}"),
            Map.entry("GET /api/v1/reports/annual", "year={year}&department={department}"),
            Map.entry("GET /api/v1/reports/annual/{format}", "year={year}&department={department}"),
            Map.entry("GET /api/v1/reports/annual/figures", "year={year}&department={department}"),
            Map.entry("GET /api/v1/reports/annual/texts", "year={year}&department={department}"),
            Map.entry("PUT /api/v1/reports/annual/texts/{section}",
                    "{\"year\": {yearJson}, \"department\": \"{department}\", \"markdown\": \"Matrise {new}\"}"),
            Map.entry("GET /api/v1/reports/annual/settings", ""),
            Map.entry("PUT /api/v1/reports/annual/settings",
                    "{\"savingLowNok\": 400000, \"savingHighNok\": 900000, \"savingSource\": \"Matrise {new}\"}"),
            Map.entry("GET /api/v1/leisure/figures", "year={year}"));

    /** Who reads the whole organisation's figures (the leisure figures have no department): admins, the board. */
    static final Set<String> WHOLE_ORGANISATION = Set.of("admin@demo.tilfrisk.no", "styret@demo.tilfrisk.no",
            "admin@annen.tilfrisk.no");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    People people;
    @Autowired
    Departments departments;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointOfTheAnnualReportIsInTheMatrix() {
        // the funder report lives in the same module with its own matrix
        Set<String> found = MatrixRequests.endpointsIn(mappings, "no.tilfrisk.report").stream()
                .filter(e -> e.contains("/annual") || e.contains("/leisure/figures")).collect(Collectors.toSet());
        assertThat(found).hasSizeGreaterThanOrEqualTo(12);
        AccessMatrix.assertListsEvery(ENDPOINTS, found);
    }

    @Test
    void noEndpointShowsOrChangesAReportOutsideTheCallersRights() throws Exception {
        AccessMatrix.of(mvc, accounts, ENDPOINTS, List.of(MatrixTarget.values()), this::fixture)
                .accounts(READ.keySet())
                .allowed(c -> c.endpoint().contains("/settings") ? ADMINS.contains(c.account())
                        : c.endpoint().contains("/leisure/figures") ? WHOLE_ORGANISATION.contains(c.account())
                        : c.endpoint().contains("/texts/") ? READ.get(c.account()).contains(c.target()) && !reader(c)
                        : READ.get(c.account()).contains(c.target()))
                .formErrorsRefuse()
                .successShowsNone("field-error", "alert-error")
                .ignoreBodyOf("application/pdf")
                .state(this::state)
                .check((c, r) -> reader(c) && r.allowed() && c.endpoint().equals("GET /reports/annual")
                        && !r.body().contains("Ekstern versjon") ? "not the external version" : null)
                .check((c, r) -> reader(c) && r.allowed() && c.endpoint().equals("GET /api/v1/reports/annual/figures")
                        && !r.body().contains("\"external\":true") ? "not the external version" : null)
                .check((c, r) -> reader(c) && r.allowed() && c.endpoint().equals("GET /api/v1/reports/annual")
                        && !r.body().contains("\"external\":true") ? "not the external version" : null)
                .check((c, r) -> reader(c) && r.allowed() && c.endpoint().equals("GET /api/v1/leisure/figures")
                        && !r.body().contains("\"external\":true") ? "not the external version" : null)
                .verify();
    }

    private static boolean reader(AccessMatrix.Cell<?, ?, ?> c) {
        return c.account().startsWith("styret@");
    }

    @Test
    void theReportReaderGetsTheWholeOrganisationExternalWithoutLinksAndTheCoordinatorTheirDepartment() throws Exception {
        UserDetails reader = accounts.loadUserByUsername("styret@demo.tilfrisk.no");
        String page = mvc.perform(MatrixRequests.request("GET", "/reports/annual?year=" + year() + "&external=false", "",
                reader, null)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        // hidden figures read «:», said so to a screen reader, and explained under their table
        assertThat(page).contains("Hele organisasjonen", "Ekstern versjon", "<span aria-hidden=\"true\">:</span>",
                        "vises ikke av personvernhensyn", "«:» = vises ikke av personvernhensyn")
                .doesNotContain("&lt;5").doesNotContain("Intern versjon")
                .doesNotContain("href=\"/persons").doesNotContain("href=\"/activities/").doesNotContain("Skriv: 1. Innledning");
        var api = mvc.perform(MatrixRequests.request("GET", "/api/v1/reports/annual?year=" + year(), "", reader,
                "demo-styret")).andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(200);
        assertThat(api.getContentAsString(StandardCharsets.UTF_8)).contains("\"external\":true").doesNotContain("\"department\":\"")
                .doesNotContain("\"link\":\"/").contains("{\"text\":\":\",\"suppressed\":true}")
                .doesNotContain("<5").doesNotContain("\"text\":\"x\"");
        UserDetails coordinator = accounts.loadUserByUsername("koordinator@demo.tilfrisk.no");
        String own = mvc.perform(MatrixRequests.request("GET", "/reports/annual?year=" + year(), "", coordinator, null))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(own).contains("Avdeling Skien", "Intern versjon").doesNotContain("alert-error")
                .doesNotContain("<option value=\"\">Hele organisasjonen</option>");
    }

    @Test
    void badInputIsAClearMessageNeverA500() throws Exception {
        UserDetails admin = accounts.loadUserByUsername("admin@demo.tilfrisk.no");
        Map<String, String> api = Map.of(
                "from=2025-06-01&to=2025-05-01", "Periodens slutt kan ikke være før starten.",
                "year=1999", "Velg et år fra 2000 og fram til neste år.",
                "year=2025&department=" + UUID.randomUUID(), "Avdelingen finnes ikke.",
                "", "Oppgi et år, eller en periode med fra- og til-dato.",
                "from=2020-01-01&to=2026-01-01", "En rapport kan dekke høyst fem år.");
        for (var e : api.entrySet()) {
            var response = mvc.perform(MatrixRequests.request("GET", "/api/v1/reports/annual?" + e.getKey(), "", admin,
                    "demo-admin").header("Accept-Language", "nb")).andReturn().getResponse();
            assertThat(response.getStatus()).as(e.getKey()).isEqualTo(400);
            assertThat(response.getContentType()).as(e.getKey()).startsWith("application/problem+json");
            assertThat(response.getContentAsString(StandardCharsets.UTF_8)).as(e.getKey()).contains(e.getValue());
        }
        var wrongType = mvc.perform(MatrixRequests.request("GET", "/api/v1/reports/annual?year=abc", "", admin, "demo-admin"))
                .andReturn().getResponse();
        assertThat(wrongType.getStatus()).isEqualTo(400);
        Map<String, String> pages = Map.of(
                "year=abc", "Velg et år fra 2000 og fram til neste år.",
                "year=2025&department=ikke-en-id", "Avdelingen finnes ikke.",
                "year=2025&department=" + UUID.randomUUID(), "Avdelingen finnes ikke.");
        for (var e : pages.entrySet()) {
            var response = mvc.perform(MatrixRequests.request("GET", "/reports/annual?" + e.getKey(), "", admin, null))
                    .andReturn().getResponse();
            assertThat(response.getStatus()).as(e.getKey()).isEqualTo(200);
            assertThat(response.getContentAsString(StandardCharsets.UTF_8)).as(e.getKey())
                    .contains("alert-error", e.getValue());
        }
        var unknownFormat = mvc.perform(MatrixRequests.request("GET", "/reports/annual/odt?year=2025", "", admin, null))
                .andReturn().getResponse();
        assertThat(unknownFormat.getStatus()).isEqualTo(404);
        var badAmount = mvc.perform(MatrixRequests.request("POST", "/reports/annual/settings",
                "savingLowNok=mange&savingHighNok=10&savingSource=", admin, null)).andReturn().getResponse();
        assertThat(badAmount.getStatus()).isEqualTo(200);
        assertThat(badAmount.getContentAsString(StandardCharsets.UTF_8)).contains("field-error",
                "Skriv et beløp i hele kroner fra 0 til 100 000 000.", "Skriv hva beløpet gjelder og hvor det kommer fra.");
    }

    /** A department of the target; {department} it, {year} last year, {format} PDF, {section} the introduction. */
    record Fixture(UUID organisation, UUID department) implements AccessMatrix.Fixture {
        @Override
        public Map<String, ?> values(String endpoint) {
            // {yearJson}: the year as a JSON number (the write-endpoint fuzz test puts a text there)
            return Map.of("department", department, "year", year(), "yearJson", year(), "format", "pdf",
                    "section", "introduction");
        }
    }

    private Fixture fixture(MatrixTarget target) {
        UUID organisation = target.organisation();
        return new Fixture(organisation, People.asSystem(organisation, () -> people.department(target.department()).id()));
    }

    /** The texts of last year for the department and the organisation's assumption. */
    private String state(Fixture f) {
        return Tenancy.runAs(f.organisation(), () -> tx.execute(s -> db.sql("""
                        SELECT concat_ws('|',
                               (SELECT string_agg(markdown, '/' ORDER BY section) FROM report_narrative
                                 WHERE department_id = :department AND year = :year),
                               (SELECT concat(saving_low_nok, '/', saving_high_nok, '/', saving_source) FROM report_settings))""")
                .param("department", f.department()).param("year", year()).query(String.class).single()));
    }

    private static int year() {
        return LocalDate.now(Dates.OSLO).getYear() - 1;
    }
}
