package no.tilfrisk.report;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static no.tilfrisk.Demo.OTHER_ORGANISATION;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import no.tilfrisk.MatrixTarget;
import no.tilfrisk.MatrixRequests;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.organisation.Departments;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.Dates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
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
@Import(People.class)
class AnnualReportAccessMatrixTest {

    static final Map<String, Set<MatrixTarget>> READ = Map.of(
            "admin@demo.tilfrisk.no", Set.of(MatrixTarget.OWN_DEPARTMENT, MatrixTarget.OTHER_DEPARTMENT),
            "koordinator@demo.tilfrisk.no", Set.of(MatrixTarget.OWN_DEPARTMENT),
            "ansatt@demo.tilfrisk.no", Set.of(),
            "frivillig@demo.tilfrisk.no", Set.of(),
            "deltaker@demo.tilfrisk.no", Set.of(),
            "styret@demo.tilfrisk.no", Set.of(MatrixTarget.OWN_DEPARTMENT, MatrixTarget.OTHER_DEPARTMENT),
            "admin@annen.tilfrisk.no", Set.of(MatrixTarget.OTHER_ORGANISATION));

    static final Set<String> ADMINS = Set.of("admin@demo.tilfrisk.no", "admin@annen.tilfrisk.no");

    static final Map<String, String> TOKENS = Map.of(
            "admin@demo.tilfrisk.no", "demo-admin", "koordinator@demo.tilfrisk.no", "demo-koordinator",
            "ansatt@demo.tilfrisk.no", "demo-ansatt", "frivillig@demo.tilfrisk.no", "demo-frivillig",
            "deltaker@demo.tilfrisk.no", "demo-deltaker", "styret@demo.tilfrisk.no", "demo-styret",
            "admin@annen.tilfrisk.no", "demo-annen");

    /** Every endpoint with its request: {department} the target department, {year} last year. */
    static final Map<String, String> ENDPOINTS = Map.ofEntries(
            Map.entry("GET /reports/annual", "year={year}&department={department}"),
            Map.entry("GET /reports/annual/{format}", "year={year}&department={department}"),
            Map.entry("GET /reports/annual/texts/{section}", "year={year}&department={department}"),
            Map.entry("POST /reports/annual/texts/{section}", "year={year}&department={department}&markdown={text}"),
            Map.entry("GET /reports/annual/settings", ""),
            Map.entry("POST /reports/annual/settings", "savingLowNok=400000&savingHighNok=900000&savingSource={text}"),
            Map.entry("GET /api/v1/reports/annual", "year={year}&department={department}"));

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
                .filter(e -> e.contains("/annual")).collect(Collectors.toSet());
        assertThat(found).hasSizeGreaterThanOrEqualTo(7);
        assertThat(ENDPOINTS.keySet()).containsAll(found);
    }

    @Test
    void noEndpointShowsOrChangesAReportOutsideTheCallersRights() throws Exception {
        List<String> failures = new ArrayList<>();
        for (var account : READ.entrySet()) {
            UserDetails who = accounts.loadUserByUsername(account.getKey());
            boolean reader = account.getKey().startsWith("styret@");
            for (MatrixTarget target : MatrixTarget.values()) {
                UUID organisation = target == MatrixTarget.OTHER_ORGANISATION ? OTHER_ORGANISATION : DEMO_RECOVERY;
                UUID department = People.asSystem(organisation, () -> people.department(switch (target) {
                    case OWN_DEPARTMENT -> "Skien";
                    case OTHER_DEPARTMENT -> "Stavanger";
                    case OTHER_ORGANISATION -> "Bergen";
                }).id());
                boolean reach = account.getValue().contains(target);
                for (var endpoint : ENDPOINTS.entrySet()) {
                    String key = endpoint.getKey();
                    boolean settings = key.contains("/settings");
                    boolean write = key.contains("/texts/");
                    boolean allowed = settings ? ADMINS.contains(account.getKey()) : write ? reach && !reader : reach;
                    String text = "Matrise " + UUID.randomUUID();
                    String before = state(organisation, department);
                    var response = mvc.perform(request(key, endpoint.getValue(), department, text, who,
                            TOKENS.get(account.getKey()))).andReturn().getResponse();
                    int status = response.getStatus();
                    String body = response.getContentType() != null && response.getContentType().startsWith("application/pdf")
                            ? "" : response.getContentAsString(StandardCharsets.UTF_8);
                    String cell = account.getKey() + " × " + target + " × " + key + " → " + status;
                    boolean pageWrite = !key.contains("/api/") && key.startsWith("POST");
                    if (status >= 500) {
                        failures.add("server error: " + cell);
                    } else if (allowed) {
                        if (status >= 400 || (pageWrite && status != 302) || body.contains("alert-error")
                                || body.contains("field-error")) {
                            failures.add("denied but should be allowed: " + cell);
                        }
                        if (reader && key.equals("GET /reports/annual") && !body.contains("Ekstern versjon")) {
                            failures.add("not the external version: " + cell);
                        }
                        if (reader && key.startsWith("GET /api/") && !body.contains("\"external\":true")) {
                            failures.add("not the external version: " + cell);
                        }
                    } else {
                        boolean refused = status == 403 || status == 404 || status == 400
                                || (status == 200 && (body.contains("field-error") || body.contains("alert-error")));
                        if (!refused) {
                            failures.add("allowed but should be denied: " + cell);
                        }
                        if (!state(organisation, department).equals(before)) {
                            failures.add("changed the target: " + cell);
                        }
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
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

    /** The texts of last year for the department and the organisation's assumption. */
    private String state(UUID organisation, UUID department) {
        return Tenancy.runAs(organisation, () -> tx.execute(s -> db.sql("""
                        SELECT concat_ws('|',
                               (SELECT string_agg(markdown, '/' ORDER BY section) FROM report_narrative
                                 WHERE department_id = :department AND year = :year),
                               (SELECT concat(saving_low_nok, '/', saving_high_nok, '/', saving_source) FROM report_settings))""")
                .param("department", department).param("year", year()).query(String.class).single()));
    }

    private static MockHttpServletRequestBuilder request(String endpoint, String body, UUID department, String text,
                                                         UserDetails who, String token) {
        String[] parts = endpoint.split(" ");
        String path = parts[1].replace("{format}", "pdf").replace("{section}", "introduction");
        String filled = body.replace("{department}", department.toString()).replace("{year}", String.valueOf(year()))
                .replace("{text}", text.replace(" ", "+"));
        if (parts[0].equals("GET") && !filled.isEmpty()) {
            return MatrixRequests.request(parts[0], path + "?" + filled, "", who, token);
        }
        return MatrixRequests.request(parts[0], path, filled, who, token);
    }

    private static int year() {
        return LocalDate.now(Dates.OSLO).getYear() - 1;
    }
}
