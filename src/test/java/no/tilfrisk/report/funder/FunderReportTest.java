package no.tilfrisk.report.funder;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import no.tilfrisk.Demo;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.activity.ActivityFixtures;
import no.tilfrisk.organisation.DepartmentForm;
import no.tilfrisk.organisation.Departments;
import no.tilfrisk.person.PersonRole;
import no.tilfrisk.plan.GoalForm;
import no.tilfrisk.plan.LifeArea;
import no.tilfrisk.plan.PlanFigures;
import no.tilfrisk.plan.PlanStatus;
import no.tilfrisk.plan.Plans;
import no.tilfrisk.platform.web.Dates;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import no.tilfrisk.project.Project;
import no.tilfrisk.project.ProjectForm;
import no.tilfrisk.project.Projects;
import no.tilfrisk.report.annual.ReportDocument.Cell;
import no.tilfrisk.report.annual.ReportDocument.Table;
import no.tilfrisk.report.annual.ReportDocument;
import no.tilfrisk.report.export.DocxExport;
import no.tilfrisk.report.export.PdfExport;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A hand-built project: a fresh department with persons A–F, two linked activities and one that is not, sessions in
 * and out of the period (one cancelled), linked participants A, E and F, and main goals. Every figure worked out by
 * hand below. T is today; the project runs from T − 200 days to T + 100 days.
 * <pre>
 * activity X (linked): s1 T−100 named A B + 3 adults 1 child; s2 T−50 named A C + 5 adults;
 *                      s3 T−30 named D, cancelled; s4 T−250 (before the project) named E
 * activity Y (linked): y1 T−20 named B D
 * activity Z (not linked): z1 T−20 named F
 * named in linked activities in the period: {A B C} ∪ {B D} = 4; linked participants {A E F} = 3
 * D is a volunteer, not a participant: the target group reached = {A B C E F} = 5, planned 10 → 50 %;
 * others named in the activities = {D} = 1
 * X: 2 sessions, attendances 4 named + 9 anonymous = 13, participants 3 unique + 5 + 1 = 9
 * Y: 1 session, 2 attendances, 2 participants; in all 3 sessions, 15 attendances
 * goals of A, E, F (main goals only): A reached + in progress (+ a reached sub-goal, not counted), E reached,
 *   F closed; B's reached goal does not count (not a participant) → 2 of 4 goals (50 %); 2 of 3 persons (67 %)
 * </pre>
 */
@TilfriskTest
class FunderReportTest {

    static final LocalDate T = LocalDate.now(Dates.OSLO);

    @Autowired
    People people;
    @Autowired
    ActivityFixtures fixtures;
    @Autowired
    Departments departments;
    @Autowired
    Projects projects;
    @Autowired
    Plans plans;
    @Autowired
    FunderReport report;
    @Autowired
    PdfExport pdf;

    String department;
    UUID a, b, c, d, e, f;
    UUID project;

    @BeforeEach
    void fixture() {
        department = "Prosjektfasit " + UUID.randomUUID().toString().substring(0, 8);
        People.asSystem(DEMO_RECOVERY, () -> departments.create(UUID.randomUUID(), new DepartmentForm(department, "Skien", null)));
        a = people.register(DEMO_RECOVERY, department, "Fasit A");
        b = people.register(DEMO_RECOVERY, department, "Fasit B");
        c = people.register(DEMO_RECOVERY, department, "Fasit C");
        d = people.register(DEMO_RECOVERY, department, "Fasit D", PersonRole.VOLUNTEER);
        e = people.register(DEMO_RECOVERY, department, "Fasit E");
        f = people.register(DEMO_RECOVERY, department, "Fasit F");
        UUID x = fixtures.activity(DEMO_RECOVERY, department, "Aktivitet X", true, T.minusDays(400), null, List.of()).id();
        UUID y = fixtures.activity(DEMO_RECOVERY, department, "Aktivitet Y", false, T.minusDays(400), null, List.of()).id();
        UUID z = fixtures.activity(DEMO_RECOVERY, department, "Aktivitet Z", false, T.minusDays(400), null, List.of()).id();
        fixtures.attendance(DEMO_RECOVERY, fixtures.session(DEMO_RECOVERY, x, T.minusDays(100)).id(), List.of(a, b), 3, 1, 0);
        fixtures.attendance(DEMO_RECOVERY, fixtures.session(DEMO_RECOVERY, x, T.minusDays(50)).id(), List.of(a, c), 5, 0, 2);
        UUID s3 = fixtures.session(DEMO_RECOVERY, x, T.minusDays(30)).id();
        fixtures.attendance(DEMO_RECOVERY, s3, List.of(d), 0, 0, 0);
        fixtures.cancel(DEMO_RECOVERY, s3);
        fixtures.attendance(DEMO_RECOVERY, fixtures.session(DEMO_RECOVERY, x, T.minusDays(250)).id(), List.of(e), 0, 0, 0);
        fixtures.attendance(DEMO_RECOVERY, fixtures.session(DEMO_RECOVERY, y, T.minusDays(20)).id(), List.of(b, d), 0, 0, 0);
        fixtures.attendance(DEMO_RECOVERY, fixtures.session(DEMO_RECOVERY, z, T.minusDays(20)).id(), List.of(f), 0, 0, 0);
        project = People.asSystem(DEMO_RECOVERY, () -> {
            UUID id = projects.create(UUID.randomUUID(), form(T.minusDays(200), T.plusDays(100)));
            projects.linkActivity(id, x);
            projects.linkActivity(id, y);
            projects.linkActivity(id, x); // again: nothing twice
            projects.linkParticipant(id, a);
            projects.linkParticipant(id, e);
            projects.linkParticipant(id, f);
            UUID g1 = goal(a, null, PlanStatus.REACHED);
            goal(a, null, PlanStatus.IN_PROGRESS);
            goal(a, g1, PlanStatus.REACHED);
            goal(e, null, PlanStatus.REACHED);
            goal(f, null, PlanStatus.CLOSED);
            goal(b, null, PlanStatus.REACHED);
            return id;
        });
    }

    static ProjectForm form(LocalDate from, LocalDate to) {
        ProjectForm form = new ProjectForm();
        form.setName("Fasitprosjekt");
        form.setFunder("Stiftelsen Dam");
        form.setStartsOn(from);
        form.setEndsOn(to);
        form.setPlannedReach(10);
        form.setGoalTargetPercent(80);
        form.setGoals("Mål én\n- Mål to\n\n");
        form.setGrants(new ArrayList<>(List.of(new ProjectForm.GrantLine(2025, new BigDecimal("600000")),
                new ProjectForm.GrantLine(null, null), new ProjectForm.GrantLine(2026, new BigDecimal("400000.50")))));
        form.setResultsMd("Vi nådde **mange**.\n\n<script>alert('x')</script>\n\n<img src=x onerror=alert(1)>");
        return form;
    }

    private UUID goal(UUID person, UUID parent, PlanStatus status) {
        GoalForm g = new GoalForm();
        g.setParentId(parent);
        g.setLifeArea(parent == null ? LifeArea.HOUSING : null);
        g.setText("Mål for " + person);
        g.setStatus(status);
        return plans.addGoal(UUID.randomUUID(), person, g);
    }

    @Test
    void theFiguresAreTheHandComputedOnes() {
        FunderReport.Figures fig = People.asSystem(DEMO_RECOVERY, () -> report.figures(project));
        assertThat(fig.namedInActivities()).isEqualTo(4);
        assertThat(fig.linkedParticipants()).isEqualTo(3);
        assertThat(fig.reached()).isEqualTo(5);
        assertThat(fig.othersInActivities()).isEqualTo(1);
        assertThat(fig.activities()).extracting(o -> o.activity().name()).containsExactly("Aktivitet X", "Aktivitet Y");
        var x = fig.activities().get(0).counts();
        assertThat(x.sessions()).isEqualTo(2);
        assertThat(x.attendances()).isEqualTo(13);
        assertThat(x.participants()).isEqualTo(9);
        var y = fig.activities().get(1).counts();
        assertThat(List.of(y.sessions(), y.attendances(), y.participants())).containsExactly(1L, 2L, 2L);
        assertThat(fig.sessions()).isEqualTo(3);
        assertThat(fig.attendances()).isEqualTo(15);
        assertThat(fig.goals()).isEqualTo(new PlanFigures.GoalTally(4, 2, 3, 2));
        assertThat(fig.project().grants()).containsExactly(new Project.Grant(2025, 60_000_000L),
                new Project.Grant(2026, 40_000_050L));
        assertThat(fig.project().goals()).containsExactly("Mål én", "Mål to");
    }

    @Test
    void theInternalDocumentShowsExactFiguresAndTheExternalHidesSmallOnes() {
        ReportDocument internal = People.asSystem(DEMO_RECOVERY, () -> report.document(project, false, Locale.forLanguageTag("nb")));
        assertThat(valueOf(internal, "Personer nådd", "Navngitte personer i prosjektets aktiviteter")).isEqualTo("4");
        assertThat(valueOf(internal, "Personer nådd", "Deltakere koblet til prosjektet")).isEqualTo("3");
        assertThat(valueOf(internal, "Personer nådd", "Frivillige og andre navngitte i aktivitetene (ikke målgruppen)"))
                .isEqualTo("1");
        assertThat(valueOf(internal, "Personer nådd", "Målgruppen nådd: deltakere (unike)")).isEqualTo("5");
        assertThat(valueOf(internal, "Personer nådd", "Nådd av planlagt")).isEqualTo("50 % av 10");
        assertThat(valueOf(internal, "Mål nådd blant prosjektets deltakere", "Andel av hovedmålene som er nådd"))
                .isEqualTo("50 % av 4");
        assertThat(valueOf(internal, "Mål nådd blant prosjektets deltakere",
                "Andel av deltakerne med mål som har nådd minst ett")).isEqualTo("67 % av 3");
        // 2 of 3 is below the project's own 80 %
        assertThat(valueOf(internal, "Mål nådd blant prosjektets deltakere", "Prosjektets mål for andelen")).isEqualTo("80 %");
        assertThat(valueOf(internal, "Mål nådd blant prosjektets deltakere", "Er målet nådd?")).isEqualTo("Nei");
        assertThat(row(internal, "Aktiviteter i prosjektperioden", "Aktivitet Y")).containsExactly("Aktivitet Y", department, "1", "2", "2");
        assertThat(row(internal, "Aktiviteter i prosjektperioden", "Sum")).containsExactly("Sum", "", "3", "15", "–");
        assertThat(row(internal, "Beløp bevilget", "Sum").get(1)).isEqualTo("kr 1\u00a0000\u00a0000,50");
        assertThat(internal.coverLines()).contains("Intern versjon med nøyaktige tall");

        ReportDocument external = People.asSystem(DEMO_RECOVERY, () -> report.document(project, true, Locale.forLanguageTag("nb")));
        // named 4, linked 3 and the 1 volunteer hidden; the 5 reached are at most named + linked, and the named at
        // most the reached and the others
        assertThat(valueOf(external, "Personer nådd", "Navngitte personer i prosjektets aktiviteter")).isEqualTo(":");
        assertThat(valueOf(external, "Personer nådd", "Deltakere koblet til prosjektet")).isEqualTo(":");
        assertThat(valueOf(external, "Personer nådd", "Frivillige og andre navngitte i aktivitetene (ikke målgruppen)"))
                .isEqualTo(":");
        assertThat(valueOf(external, "Personer nådd", "Målgruppen nådd: deltakere (unike)")).isEqualTo("5");
        assertThat(valueOf(external, "Personer nådd", "Nådd av planlagt")).isEqualTo("50 % av 10");
        // Y's 2 participants are at most its 2 attendances, so those go; then 15 − 13 would give them back, so X's
        // 13 goes too (the smaller of 13 and the sum 15). Now Y's attendances are at most 15 − 9 = 6
        assertThat(row(external, "Aktiviteter i prosjektperioden", "Aktivitet X")).containsExactly("Aktivitet X", department, "2", ":", "9");
        assertThat(row(external, "Aktiviteter i prosjektperioden", "Aktivitet Y")).containsExactly("Aktivitet Y", department, "1", ":", ":");
        assertThat(row(external, "Aktiviteter i prosjektperioden", "Sum")).containsExactly("Sum", "", "3", "15", "–");
        // leak class 3: 3 persons with a goal are at most the 4 goals, 2 who reached one at most the 2 goals reached;
        // so both counts of goals go, and the shares computed from them
        for (String figure : List.of("Hovedmål satt", "Hovedmål nådd", "Andel av hovedmålene som er nådd",
                "Deltakere med minst ett hovedmål", "Deltakere som har nådd minst ett hovedmål",
                "Andel av deltakerne med mål som har nådd minst ett", "Er målet nådd?")) {
            assertThat(valueOf(external, "Mål nådd blant prosjektets deltakere", figure)).as(figure).isEqualTo(":");
        }
        // the target itself is the project's, not a figure of persons; whether it is met goes with the share
        assertThat(valueOf(external, "Mål nådd blant prosjektets deltakere", "Prosjektets mål for andelen")).isEqualTo("80 %");
        assertThat(table(external, "Mål nådd blant prosjektets deltakere").note()).contains("«:» = vises ikke av personvernhensyn");
        // no cell of persons from 1 to 4 anywhere in the external version
        for (var located : external.tables()) {
            for (var r : located.table().rows()) {
                for (Cell cell : r) {
                    if (cell.suppressed()) {
                        assertThat(cell.number()).isNull();
                    }
                }
            }
        }
        assertThat(external.coverLines()).anyMatch(l -> l.startsWith("Ekstern versjon: ingen tall kan vise"));
    }

    @Test
    void theNarrativeIsSanitised() {
        ReportDocument doc = People.asSystem(DEMO_RECOVERY, () -> report.document(project, false, Locale.forLanguageTag("nb")));
        var section = doc.sections().stream().filter(s -> s.key().equals("resultatvurdering")).findFirst().orElseThrow();
        var paragraph = (ReportDocument.Paragraph) section.blocks().get(0);
        assertThat(paragraph.html()).contains("<strong>mange</strong>").doesNotContainIgnoringCase("<script")
                .doesNotContainIgnoringCase("onerror").doesNotContainIgnoringCase("<img").doesNotContain("alert(");
        assertThat(paragraph.text()).contains("Vi nådde mange.");
    }

    @Test
    void badInputIsRefusedFieldByField() {
        ProjectForm backwards = form(T, T.minusDays(1));
        backwards.getGrants().get(0).setAmount(new BigDecimal("-5"));
        backwards.getGrants().get(2).setYear(2025);
        assertThatThrownBy(() -> People.asSystem(DEMO_RECOVERY, () -> projects.create(UUID.randomUUID(), backwards)))
                .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.all())
                        .extracting(InvalidInputException::field, InvalidInputException::code)
                        .containsExactlyInAnyOrder(
                                Tuple.tuple("endsOn", "project.endsOn.order"),
                                Tuple.tuple("grants[0].amount", "project.grant.amount.negative"),
                                Tuple.tuple("grants[2].year", "project.grant.year.twice")));
        UUID unknown = UUID.randomUUID();
        assertThatThrownBy(() -> People.asSystem(DEMO_RECOVERY, () -> report.figures(unknown)))
                .isInstanceOf(NotFoundException.class);
        // another organisation's project is not found either
        assertThatThrownBy(() -> People.asSystem(Demo.OTHER_ORGANISATION, () -> report.figures(project)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void thePdfAndDocxOpenWithTheSectionTitles() throws Exception {
        ReportDocument doc = People.asSystem(DEMO_RECOVERY, () -> report.document(project, true, Locale.forLanguageTag("nb")));
        try (var parsed = Loader.loadPDF(pdf.write(doc, Locale.forLanguageTag("nb")))) {
            // a long heading may wrap over two lines
            String text = new PDFTextStripper().getText(parsed).replaceAll("\\s+", " ");
            assertThat(text).contains("Sluttrapport: Fasitprosjekt", "1. Prosjektet",
                    "3. Antall personer i målgruppen nådd av prosjektet", "4. Aktiviteter", "5. Resultater målt mot målene",
                    "8. Oppsummering og videre planer", "Aktivitet X", "«:» = vises ikke av personvernhensyn")
                    .doesNotContain("alert(", "<5");
        }
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(DocxExport.write(doc)))) {
            List<String> headings = docx.getParagraphs().stream()
                    .filter(p -> p.getStyle() != null && p.getStyle().startsWith("Heading")).map(XWPFParagraph::getText).toList();
            assertThat(headings).contains("1. Prosjektet", "4. Aktiviteter", "7. Resultater og resultatvurdering");
        }
    }

    private static Table table(ReportDocument doc, String caption) {
        return doc.tables().stream().map(ReportDocument.Located::table).filter(t -> t.caption().equals(caption))
                .findFirst().orElseThrow(() -> new AssertionError("No table " + caption));
    }

    private static List<String> row(ReportDocument doc, String caption, String header) {
        return table(doc, caption).rows().stream().filter(r -> r.get(0).text().equals(header)).findFirst()
                .orElseThrow(() -> new AssertionError("No row " + header)).stream().map(Cell::text).toList();
    }

    private static String valueOf(ReportDocument doc, String caption, String header) {
        return row(doc, caption, header).get(1);
    }
}
