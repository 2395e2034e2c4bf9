package no.tilfrisk.leisure;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.activity.DistributionKind;
import no.tilfrisk.activity.Distributions;
import no.tilfrisk.project.ProjectForm;
import no.tilfrisk.project.Projects;
import no.tilfrisk.MatrixRequests;
import no.tilfrisk.report.annual.AnnualReport;
import no.tilfrisk.report.annual.LeisureReportFigures;
import no.tilfrisk.report.annual.ReportDocument;
import no.tilfrisk.report.annual.ReportDocument.Table;
import no.tilfrisk.report.dashboard.CoordinatorDashboard;
import no.tilfrisk.report.funder.FunderReport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The leisure figures against a hand-counted fixture in 2015, a year no other test writes in, and the same figures
 * in the annual report's «Fritid og inkludering» table and the distributions' totals.
 *
 * <pre>
 * P1 begun 10.01.2015, steps 1–6 on 20.01.2015; 6 months on 20.07.2015: still taking part, a role in the club
 * P2 begun 01.02.2015, steps 1–6 on 01.03.2015; 6 months on 01.09.2015: stopped taking part, no role; ended 01.10.2015
 * P3 begun 01.03.2015, steps 1–4 on 10.03.2015
 * P4 begun 01.05.2015, no step yet
 * P5 begun 10.01.2014, steps 1–6 on 01.02.2014; 6 months in 2014 (taking part, no role); 12 months on 01.02.2015:
 *    still taking part; ended 01.06.2015 as moved on to work or studies
 * P6 begun 01.11.2015, steps 1–6 on 10.11.2015; 6 months in 2016
 * P7 begun 01.01.2013, ended 31.12.2014 (not in 2015)
 * A camera lent to P1 01.04–01.05.2015 and to P3 from 01.06.2015: 2 loans in 2015.
 *
 * 2015: in a process P1–P6 = 6; at step 6: P1, P2, P5, P6 = 4; at step 4: P3 = 1; not begun: P4 = 1; steps 1–3 and 5: 0.
 * Still active after 6 months: cohort P1, P2 → 1 of 2 (50 %, Wilson 9–91 %); valued role 1 of 2;
 * after 12 months: cohort P5 → 1 of 1 (100 %, Wilson 21–100 %); work or studies: 1 (P5); loans: 2.
 *
 * A project over 2015 with P1, P2, P3 and P5 linked (the funder report counts its linked participants only):
 * in a process 4; at step 6: P1, P2, P5 = 3; at step 4: P3 = 1; not begun 0; active after 6 months 1 of 2 (P1 of
 * P1, P2); valued role 1 of 2; after 12 months 1 of 1 (P5); work or studies 1 (P5); loans to P1 and P3: 2.
 * </pre>
 * «Oversikt» (the dashboard) over 2015 for the whole organisation shows the organisation's figures exactly.
 */
@TilfriskTest
class LeisureFiguresTest {

    static final LocalDate FROM = LocalDate.of(2015, 1, 1);
    static final LocalDate TO = LocalDate.of(2015, 12, 31);

    @Autowired
    LeisureFixtures fixtures;
    @Autowired
    People people;
    @Autowired
    Inclusions inclusions;
    @Autowired
    Lending lending;
    @Autowired
    LeisureFigures figures;
    @Autowired
    AnnualReport report;
    @Autowired
    Distributions distributions;
    @Autowired
    Projects projects;
    @Autowired
    FunderReport funderReport;
    @Autowired
    CoordinatorDashboard dashboard;

    @Autowired
    LeisureReportFigures apiFigures;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;

    static UUID project;

    static boolean written;

    @BeforeEach
    void fixture() {
        if (written) {
            return;
        }
        written = true;
        UUID club = fixtures.club(DEMO_RECOVERY, "Fasitklubb");
        UUID facilitator = fixtures.facilitator(DEMO_RECOVERY, "Skien", "Fasit tilrettelegger");
        UUID p1 = process("P1", "2015-01-10", "2015-01-20", Step.FOLLOW_UP, club, facilitator);
        fixtures.answer(DEMO_RECOVERY, p1, CheckInDue.MONTH_6, 8, true, true);
        UUID p2 = process("P2", "2015-02-01", "2015-03-01", Step.FOLLOW_UP, club, facilitator);
        fixtures.answer(DEMO_RECOVERY, p2, CheckInDue.MONTH_6, 3, false, false);
        end(p2, Outcome.STOPPED, "2015-10-01", "Flyttet");
        process("P3", "2015-03-01", "2015-03-10", Step.CHOICE, club, facilitator);
        process("P4", "2015-05-01", null, null, club, facilitator);
        UUID p5 = process("P5", "2014-01-10", "2014-02-01", Step.FOLLOW_UP, club, facilitator);
        fixtures.answer(DEMO_RECOVERY, p5, CheckInDue.MONTH_6, 7, true, false);
        fixtures.answer(DEMO_RECOVERY, p5, CheckInDue.MONTH_12, 9, true, true);
        end(p5, Outcome.WORK_OR_STUDIES, "2015-06-01", null);
        process("P6", "2015-11-01", "2015-11-10", Step.FOLLOW_UP, club, facilitator);
        UUID p7 = process("P7", "2013-01-01", "2013-01-05", Step.WISHES, club, facilitator);
        end(p7, Outcome.STOPPED, "2014-12-31", "Ville ikke");
        UUID camera = fixtures.item(DEMO_RECOVERY, "Skien", "Fasitkamera");
        UUID loan = fixtures.loan(DEMO_RECOVERY, camera, participantOf(p1), LocalDate.parse("2015-04-01"), LocalDate.parse("2015-05-01"));
        People.asSystem(DEMO_RECOVERY, () -> {
            ReturnForm back = new ReturnForm();
            back.setReturnedOn(LocalDate.parse("2015-05-01"));
            back.setCondition(Condition.GOOD);
            lending.giveBack(loan, back);
            return null;
        });
        fixtures.loan(DEMO_RECOVERY, camera, participantOf(processes.get("P3")), LocalDate.parse("2015-06-01"),
                LocalDate.parse("2015-09-01"));
        project = People.asSystem(DEMO_RECOVERY, () -> {
            ProjectForm form = new ProjectForm();
            form.setName("Fritidsfasit " + UUID.randomUUID());
            form.setFunder("Stiftelsen Dam");
            form.setStartsOn(FROM);
            form.setEndsOn(TO);
            UUID id = projects.create(UUID.randomUUID(), form);
            for (String linked : List.of("P1", "P2", "P3", "P5")) {
                projects.linkParticipant(id, participantOf(processes.get(linked)));
            }
            return id;
        });
    }

    static final java.util.Map<String, UUID> processes = new java.util.HashMap<>();

    UUID process(String name, String begun, String stepsOn, Step last, UUID club, UUID facilitator) {
        UUID participant = people.register(DEMO_RECOVERY, "Skien", "Fasit " + name + " " + UUID.randomUUID());
        UUID process = People.asSystem(DEMO_RECOVERY, () -> {
            ProcessForm f = new ProcessForm();
            f.setParticipantId(participant);
            f.setStartedOn(LocalDate.parse(begun));
            return inclusions.start(UUID.randomUUID(), f);
        });
        if (last != null) {
            fixtures.stepsTo(DEMO_RECOVERY, process, last, LocalDate.parse(stepsOn), club, facilitator);
        }
        processes.put(name, process);
        return process;
    }

    UUID participantOf(UUID process) {
        return People.asSystem(DEMO_RECOVERY, () -> inclusions.view(process).process().participantId());
    }

    void end(UUID process, Outcome outcome, String on, String note) {
        People.asSystem(DEMO_RECOVERY, () -> {
            EndForm f = new EndForm();
            f.setOutcome(outcome);
            f.setEndedOn(LocalDate.parse(on));
            f.setNote(note);
            inclusions.end(process, f);
            return null;
        });
    }

    @Test
    void theFiguresOf2015AreTheHandCountedOnes() {
        LeisureFigures.Figures f = People.asSystem(DEMO_RECOVERY, () -> figures.forPeriod(FROM, TO));
        assertThat(f.inProcess()).isEqualTo(6);
        assertThat(f.perStep()).containsEntry(Step.FOLLOW_UP, 4L).containsEntry(Step.CHOICE, 1L)
                .containsEntry(Step.INFORMATION_MEETING, 0L).containsEntry(Step.WISHES, 0L)
                .containsEntry(Step.ACTIVITY_MAPPING, 0L).containsEntry(Step.FACILITATOR, 0L);
        assertThat(f.notBegun()).isEqualTo(1);
        assertThat(f.activeAfter6Months().count()).isEqualTo(1);
        assertThat(f.activeAfter6Months().of()).isEqualTo(2);
        assertThat(f.valuedRole().count()).isEqualTo(1);
        assertThat(f.valuedRole().of()).isEqualTo(2);
        assertThat(f.activeAfter12Months().count()).isEqualTo(1);
        assertThat(f.activeAfter12Months().of()).isEqualTo(1);
        assertThat(f.workOrStudies()).isEqualTo(1);
        assertThat(f.loans()).isEqualTo(2);
        // 1 of 2: centre 0.5, half-width 0.4055 by hand (z = 1.96); 1 of 1: low 1/(1 + 1.96²) = 0.2065
        assertThat(Math.round(100 * f.activeAfter6Months().interval()[0])).isEqualTo(9);
        assertThat(Math.round(100 * f.activeAfter6Months().interval()[1])).isEqualTo(91);
        assertThat(Math.round(100 * f.activeAfter12Months().interval()[0])).isEqualTo(21);
        // 2014: P5 and P7 under way, P5 at step 6 and P7 at step 2; P5's 6 months fell in 2014: 1 of 1
        LeisureFigures.Figures y2014 = People.asSystem(DEMO_RECOVERY, () -> figures.forPeriod(
                LocalDate.of(2014, 1, 1), LocalDate.of(2014, 12, 31)));
        assertThat(y2014.inProcess()).isEqualTo(2);
        assertThat(y2014.perStep()).containsEntry(Step.FOLLOW_UP, 1L).containsEntry(Step.WISHES, 1L);
        assertThat(y2014.activeAfter6Months().count()).isEqualTo(1);
        assertThat(y2014.valuedRole().count()).isZero();
    }

    @Test
    void theAnnualReportShowsThemInSectionThreeAndTheLoansAmongTheDistributions() {
        ReportDocument doc = People.asSystem(DEMO_RECOVERY, () -> report.build(
                new AnnualReport.Request(FROM, TO, null, false), Locale.forLanguageTag("nb")));
        Table t = doc.sections().stream().filter(s -> s.key().equals("activity")).findFirst().orElseThrow().blocks().stream()
                .filter(b -> b instanceof Table x && x.caption().equals("Fritid og inkludering (Fritid med bistand)"))
                .map(b -> (Table) b).findFirst().orElseThrow();
        assertThat(value(t, "Deltakere i en inkluderingsprosess")).isEqualTo("6");
        assertThat(value(t, "… på steg 6: Oppfølging og evaluering (minst seks måneder)")).isEqualTo("4");
        assertThat(value(t, "… på steg 4: Valg av aktivitet")).isEqualTo("1");
        assertThat(value(t, "… ikke begynt")).isEqualTo("1");
        assertThat(value(t, "Fortsatt aktive etter 6 måneder")).isEqualTo("1 av 2 (50 %, 95 % KI 9–91 %)");
        assertThat(value(t, "Med en verdsatt rolle i klubben etter 6 måneder")).isEqualTo("1 av 2 (50 %, 95 % KI 9–91 %)");
        assertThat(value(t, "Fortsatt aktive etter 12 måneder")).isEqualTo("1 av 1 (100 %, 95 % KI 21–100 %)");
        assertThat(value(t, "Gikk videre til arbeid eller studier")).isEqualTo("1");
        assertThat(value(t, "Utlån av utstyr")).isEqualTo("2");
        List<Distributions.Total> totals = People.asSystem(DEMO_RECOVERY, () -> distributions.totals(null, FROM, TO));
        assertThat(totals).filteredOn(x -> x.kind() == DistributionKind.EQUIPMENT_LOAN)
                .extracting(Distributions.Total::count).containsExactly(2L);
        // the external version: every count here is below 5 or tied to one, so the protection hides them
        ReportDocument external = People.asSystem(DEMO_RECOVERY, () -> report.build(
                new AnnualReport.Request(FROM, TO, null, true), Locale.forLanguageTag("nb")));
        Table hidden = external.sections().stream().filter(s -> s.key().equals("activity")).findFirst().orElseThrow()
                .blocks().stream().filter(b -> b instanceof Table x && x.caption().startsWith("Fritid og inkludering"))
                .map(b -> (Table) b).findFirst().orElseThrow();
        assertThat(value(hidden, "Fortsatt aktive etter 6 måneder")).isEqualTo(":");
        assertThat(value(hidden, "Gikk videre til arbeid eller studier")).isEqualTo(":");
        assertThat(value(hidden, "Utlån av utstyr")).isEqualTo("2");
    }

    @Test
    void theFunderReportCountsTheProjectsLinkedParticipantsAndHidesTheSmallCountsInItsExternalVersion() {
        ReportDocument exact = People.asSystem(DEMO_RECOVERY, () -> funderReport.document(project, false,
                Locale.forLanguageTag("nb")));
        Table t = leisureTable(exact, "resultater-mot-maal");
        assertThat(value(t, "Deltakere i en inkluderingsprosess")).isEqualTo("4");
        assertThat(value(t, "… på steg 6: Oppfølging og evaluering (minst seks måneder)")).isEqualTo("3");
        assertThat(value(t, "… på steg 4: Valg av aktivitet")).isEqualTo("1");
        assertThat(value(t, "… ikke begynt")).isEqualTo("0");
        assertThat(value(t, "Fortsatt aktive etter 6 måneder")).isEqualTo("1 av 2 (50 %, 95 % KI 9–91 %)");
        assertThat(value(t, "Med en verdsatt rolle i klubben etter 6 måneder")).isEqualTo("1 av 2 (50 %, 95 % KI 9–91 %)");
        assertThat(value(t, "Fortsatt aktive etter 12 måneder")).isEqualTo("1 av 1 (100 %, 95 % KI 21–100 %)");
        assertThat(value(t, "Gikk videre til arbeid eller studier")).isEqualTo("1");
        assertThat(value(t, "Utlån av utstyr")).isEqualTo("2");
        assertThat(t.note()).doesNotContain("personvern");
        ReportDocument external = People.asSystem(DEMO_RECOVERY, () -> funderReport.document(project, true,
                Locale.forLanguageTag("nb")));
        Table hidden = leisureTable(external, "resultater-mot-maal");
        assertThat(value(hidden, "Deltakere i en inkluderingsprosess")).isEqualTo(":");
        assertThat(value(hidden, "… på steg 6: Oppfølging og evaluering (minst seks måneder)")).isEqualTo(":");
        assertThat(value(hidden, "… på steg 4: Valg av aktivitet")).isEqualTo(":");
        assertThat(value(hidden, "Fortsatt aktive etter 6 måneder")).isEqualTo(":");
        assertThat(value(hidden, "Fortsatt aktive etter 12 måneder")).isEqualTo(":");
        assertThat(value(hidden, "Gikk videre til arbeid eller studier")).isEqualTo(":");
        assertThat(value(hidden, "Utlån av utstyr")).isEqualTo("2");
        assertThat(hidden.note()).contains("personvern");
    }

    @Test
    void theDashboardShowsTheOrganisationsFiguresExactly() {
        ReportDocument doc = People.asSystem(DEMO_RECOVERY, () -> dashboard.document(null, FROM, TO,
                Locale.forLanguageTag("nb")));
        Table t = leisureTable(doc, "fritid");
        assertThat(value(t, "Deltakere i en inkluderingsprosess")).isEqualTo("6");
        assertThat(value(t, "… på steg 6: Oppfølging og evaluering (minst seks måneder)")).isEqualTo("4");
        assertThat(value(t, "… ikke begynt")).isEqualTo("1");
        assertThat(value(t, "Fortsatt aktive etter 6 måneder")).isEqualTo("1 av 2 (50 %, 95 % KI 9–91 %)");
        assertThat(value(t, "Gikk videre til arbeid eller studier")).isEqualTo("1");
        assertThat(value(t, "Utlån av utstyr")).isEqualTo("2");
    }

    @Test
    void theApiGivesTheSameFiguresAndHidesWhatTheYearsExternalReportsHide() throws Exception {
        LeisureReportFigures.Figures exact = People.asSystem(DEMO_RECOVERY, () -> apiFigures.year(2015, false,
                Locale.forLanguageTag("nb")));
        assertThat(exact.external()).isFalse();
        assertThat(exact.suppressed()).isEmpty();
        assertThat(exact.inProcess()).isEqualTo(6);
        assertThat(exact.perStep()).containsEntry("FOLLOW_UP", 4L).containsEntry("CHOICE", 1L).containsEntry("WISHES", 0L);
        assertThat(exact.notBegun()).isEqualTo(1);
        assertThat(exact.activeAfter6Months().count()).isEqualTo(1);
        assertThat(exact.activeAfter6Months().of()).isEqualTo(2);
        assertThat(exact.activeAfter6Months().share()).isEqualTo(0.5);
        assertThat(Math.round(100 * exact.activeAfter6Months().low())).isEqualTo(9);
        assertThat(exact.valuedRole().count()).isEqualTo(1);
        assertThat(exact.activeAfter12Months().of()).isEqualTo(1);
        assertThat(exact.workOrStudies()).isEqualTo(1);
        assertThat(exact.loans()).isEqualTo(2);
        // the external version hides exactly what the annual report's external table shows as «:»
        LeisureReportFigures.Figures ext = People.asSystem(DEMO_RECOVERY, () -> apiFigures.year(2015, true,
                Locale.forLanguageTag("nb")));
        Table table = leisureTable(People.asSystem(DEMO_RECOVERY, () -> report.build(
                new AnnualReport.Request(FROM, TO, null, true), Locale.forLanguageTag("nb"))), "activity");
        assertThat(ext.external()).isTrue();
        assertThat(shown(ext.inProcess())).isEqualTo(value(table, "Deltakere i en inkluderingsprosess"));
        assertThat(shown(ext.perStep().get("FOLLOW_UP")))
                .isEqualTo(value(table, "… på steg 6: Oppfølging og evaluering (minst seks måneder)"));
        assertThat(shown(ext.notBegun())).isEqualTo(value(table, "… ikke begynt"));
        assertThat(shown(ext.workOrStudies())).isEqualTo(":").isEqualTo(value(table, "Gikk videre til arbeid eller studier"));
        assertThat(shown(ext.loans())).isEqualTo("2").isEqualTo(value(table, "Utlån av utstyr"));
        assertThat(ext.activeAfter6Months().suppressed()).isTrue();
        assertThat(ext.activeAfter6Months().count()).isNull();
        assertThat(ext.suppressed()).contains("leisure/org/workOrStudies", "leisure/org/active6/share")
                .doesNotContain("leisure/org/loans");
        // a report reader gets the external version whatever they ask; bad years are a field's message
        var reader = accounts.loadUserByUsername("styret@demo.tilfrisk.no");
        String body = mvc.perform(MatrixRequests.request("GET", "/api/v1/leisure/figures?year=2015&external=false", "",
                reader, "demo-styret")).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        // a hidden figure is left out of the JSON (nulls are not written) and named among the suppressed
        assertThat(body).contains("\"external\":true", "\"loans\":2", "\"leisure/org/workOrStudies\"")
                .doesNotContain("\"workOrStudies\":");
        // documented in the OpenAPI document
        String openApi = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/v3/api-docs"))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(openApi).contains("\"/api/v1/leisure/figures\"",
                "The year's leisure figures of the whole organisation, as in the annual report");
        var admin = accounts.loadUserByUsername("admin@demo.tilfrisk.no");
        for (String[] bad : new String[][] {{"year=1999", "Velg et år fra 2000"}, {"", "Oppgi et år."}}) {
            var r = mvc.perform(MatrixRequests.request("GET", "/api/v1/leisure/figures?" + bad[0], "", admin, "demo-admin")
                    .header("Accept-Language", "nb")).andReturn().getResponse();
            assertThat(r.getStatus()).as(bad[0]).isEqualTo(400);
            assertThat(r.getContentType()).startsWith("application/problem+json");
            assertThat(r.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains(bad[1]);
        }
    }

    private static String shown(Long value) {
        return value == null ? ":" : Long.toString(value);
    }

    static Table leisureTable(ReportDocument doc, String section) {
        return doc.sections().stream().filter(s -> s.key().equals(section)).findFirst()
                .orElseThrow(() -> new AssertionError("No section " + section)).blocks().stream()
                .filter(b -> b instanceof Table x && x.caption().startsWith("Fritid og inkludering"))
                .map(b -> (Table) b).findFirst().orElseThrow(() -> new AssertionError("No leisure table in " + section));
    }

    static String value(Table t, String label) {
        return t.rows().stream().filter(r -> r.get(0).text().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("No row «" + label + "»")).get(1).text();
    }
}
