package no.tilfrisk.report.annual;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static no.tilfrisk.Demo.OTHER_ORGANISATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.account.TilfriskUser;
import no.tilfrisk.activity.Activities;
import no.tilfrisk.activity.ActivityForm;
import no.tilfrisk.activity.ActivityFormat;
import no.tilfrisk.activity.ActivitySessions;
import no.tilfrisk.activity.AttendanceRollCall;
import no.tilfrisk.activity.DistributionForm;
import no.tilfrisk.activity.DistributionKind;
import no.tilfrisk.activity.Distributions;
import no.tilfrisk.activity.SessionForm;
import no.tilfrisk.collaboration.CollaborationForm;
import no.tilfrisk.collaboration.CollaborationKind;
import no.tilfrisk.collaboration.CollaborationRegister;
import no.tilfrisk.followup.ContactForm;
import no.tilfrisk.followup.ContactLog;
import no.tilfrisk.followup.ContactType;
import no.tilfrisk.followup.Tallies;
import no.tilfrisk.followup.TallyForm;
import no.tilfrisk.organisation.DepartmentForm;
import no.tilfrisk.organisation.Departments;
import no.tilfrisk.outcome.Instrument;
import no.tilfrisk.outcome.Instruments;
import no.tilfrisk.outcome.Outcomes;
import no.tilfrisk.outcome.ResponseForm;
import no.tilfrisk.person.PersonDirectory;
import no.tilfrisk.person.PersonSpans;
import no.tilfrisk.person.PersonForm;
import no.tilfrisk.person.PersonRole;
import no.tilfrisk.platform.web.Dates;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.report.NarrativeSection;
import no.tilfrisk.report.ReportNarratives;
import no.tilfrisk.report.annual.ReportDocument.Cell;
import no.tilfrisk.report.annual.ReportDocument.Paragraph;
import no.tilfrisk.report.annual.ReportDocument.Section;
import no.tilfrisk.report.annual.ReportDocument.Table;
import no.tilfrisk.report.disclosure.SuppressionTest;
import no.tilfrisk.report.export.CsvExport;
import no.tilfrisk.report.export.DocxExport;
import no.tilfrisk.report.export.PdfExport;
import no.tilfrisk.report.export.XlsxExport;
import no.tilfrisk.volunteer.VolunteerFigures;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A fixture year built by hand in a fresh department (year {@value #YEAR}), and every figure of the annual report
 * asserted against values worked out by hand in the comments: persons per role, groups, a period group with
 * children, an event, distributions, meetings, councils, contacts logged and tallied, outcome shares with n and
 * Wilson interval, and the socio-economic estimate; then the external version of the same, bad input, and exports.
 */
@TilfriskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnnualReportTest {

    static final int YEAR = 2024;
    static final Locale NB = Locale.forLanguageTag("nb");

    @Autowired
    AnnualReport report;
    @Autowired
    ReportNarratives narratives;
    @Autowired
    PdfExport pdf;
    @Autowired
    Departments departments;
    @Autowired
    PersonDirectory persons;
    @Autowired
    PersonSpans spans;
    @Autowired
    Activities activities;
    @Autowired
    ActivitySessions sessions;
    @Autowired
    AttendanceRollCall rollCall;
    @Autowired
    Distributions distributions;
    @Autowired
    ContactLog contacts;
    @Autowired
    Tallies tallies;
    @Autowired
    Outcomes outcomes;
    @Autowired
    Instruments instruments;
    @Autowired
    CollaborationRegister collaboration;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    Clock clock;
    @Autowired
    VolunteerFigures volunteerFigures;
    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    UUID department;
    String departmentName;
    UUID kvinnegruppe;
    final Map<String, UUID> p = new HashMap<>();

    @BeforeAll
    void fixtureYear() {
        departmentName = "Fasit " + UUID.randomUUID().toString().substring(0, 6);
        People.asSystem(DEMO_RECOVERY, () -> {
            department = departments.create(UUID.randomUUID(), new DepartmentForm(departmentName, "Skien",
                    LocalDate.of(2019, 8, 25))).id();
            LocalDate jan = LocalDate.of(YEAR, 1, 1);
            // the defaults, whatever another test class set before
            var d = ReportNarratives.SavingAssumption.DEFAULT;
            narratives.changeSavingAssumption(d.lowNok(), d.highNok(), d.source());
            // participants P1–P6 since the year before; P1 also a volunteer from May (two roles: counts in both)
            for (int i = 1; i <= 6; i++) {
                p.put("P" + i, person("P" + i, PersonRole.PARTICIPANT, LocalDate.of(YEAR - 1, 6, 1), null));
            }
            spans.addRole(p.get("P1"), PersonRole.VOLUNTEER, LocalDate.of(YEAR, 5, 1));
            // P7 comes next year, P8's role ended the year before: neither counts
            p.put("P7", person("P7", PersonRole.PARTICIPANT, LocalDate.of(YEAR + 1, 2, 1), null));
            p.put("P8", person("P8", PersonRole.PARTICIPANT, LocalDate.of(YEAR - 2, 1, 1), LocalDate.of(YEAR - 1, 12, 31)));
            p.put("R1", person("R1", PersonRole.RELATIVE, LocalDate.of(YEAR, 3, 1), null));
            p.put("R2", person("R2", PersonRole.RELATIVE, LocalDate.of(YEAR, 3, 1), null));
            p.put("S1", person("S1", PersonRole.PROFESSIONAL, jan, null));
            p.put("S2", person("S2", PersonRole.STUDENT, jan, null));
            p.put("T1", person("T1", PersonRole.THERAPIST, jan, null));

            // Kvinnegruppe: 13.05 P1 P2 P3 + 2 adults; 10.06 P1 P4 + 4 adults + 1 child; 01.07 P5, cancelled.
            // unique named 4, largest adults 4, largest children 1: participants 9, children 1;
            // attendances 5 named + 7 anonymous = 12; sessions 2
            kvinnegruppe = activity("Kvinnegruppe", ActivityFormat.GROUP, LocalDate.of(YEAR, 5, 13), null, List.of());
            session(kvinnegruppe, LocalDate.of(YEAR, 5, 13), List.of("P1", "P2", "P3"), 2, 0);
            session(kvinnegruppe, LocalDate.of(YEAR, 6, 10), List.of("P1", "P4"), 4, 1);
            UUID cancelled = session(kvinnegruppe, LocalDate.of(YEAR, 7, 1), List.of("P5"), 0, 0);
            sessions.cancel(cancelled, "Sykdom");
            // Bålgruppe, 06.05–31.05 with Medvandrerne: 06.05 P1–P5 + 10 adults + 12 children; 20.05 P6 + 3 + 5.
            // unique named 6 + 10 + 12 = 28 participants, 12 children; attendances 6 + 30 = 36
            UUID baal = activity("Bålgruppe", ActivityFormat.GROUP, LocalDate.of(YEAR, 5, 6), LocalDate.of(YEAR, 5, 31),
                    List.of("Medvandrerne"));
            session(baal, LocalDate.of(YEAR, 5, 6), List.of("P1", "P2", "P3", "P4", "P5"), 10, 12);
            session(baal, LocalDate.of(YEAR, 5, 20), List.of("P6"), 3, 5);
            // Julebord 12.12: P1 P2 + 35 adults: 37 participants, 37 attendances
            UUID julebord = activity("Julebord", ActivityFormat.EVENT, LocalDate.of(YEAR, 12, 12), LocalDate.of(YEAR, 12, 12),
                    List.of());
            session(julebord, LocalDate.of(YEAR, 12, 12), List.of("P1", "P2"), 35, 0);

            // distributions: 25 gift cards (of 20 + 5), 20 food boxes, 15 presents; 3 gift cards next year do not count
            distribution(DistributionKind.GIFT_CARD, 20, LocalDate.of(YEAR, 12, 18));
            distribution(DistributionKind.GIFT_CARD, 5, LocalDate.of(YEAR, 12, 20));
            distribution(DistributionKind.FOOD_BOX, 20, LocalDate.of(YEAR, 12, 20));
            distribution(DistributionKind.CHRISTMAS_PRESENT, 15, LocalDate.of(YEAR, 12, 21));
            distribution(DistributionKind.GIFT_CARD, 3, LocalDate.of(YEAR + 1, 1, 5));

            // contacts logged: 1-1 with P1 twice and P2 (3, 2 persons); family with P3 (1); phone with P4 on
            // 31.12 23:30 (counts) and 01.01 00:30 next year (does not); a voided 1-1 with P5 and a 1-1 with P7 (not
            // a member in the year) do not count
            contact("P1", LocalDate.of(YEAR, 2, 1), LocalTime.of(10, 0), ContactType.ONE_TO_ONE);
            contact("P1", LocalDate.of(YEAR, 3, 1), LocalTime.of(10, 0), ContactType.ONE_TO_ONE);
            contact("P2", LocalDate.of(YEAR, 4, 1), LocalTime.of(10, 0), ContactType.ONE_TO_ONE);
            contact("P3", LocalDate.of(YEAR, 5, 1), LocalTime.of(10, 0), ContactType.FAMILY);
            contact("P4", LocalDate.of(YEAR, 12, 31), LocalTime.of(23, 30), ContactType.PHONE);
            contact("P4", LocalDate.of(YEAR + 1, 1, 1), LocalTime.of(0, 30), ContactType.PHONE);
            UUID voided = contact("P5", LocalDate.of(YEAR, 6, 1), LocalTime.of(10, 0), ContactType.ONE_TO_ONE);
            contacts.voidContact(voided, "Feil person");
            contact("P7", LocalDate.of(YEAR, 8, 1), LocalTime.of(10, 0), ContactType.ONE_TO_ONE);
            // tallies: 40 calls in November, 12 e-mails in January; 7 messages over new year end next year
            tally(ContactType.PHONE, LocalDate.of(YEAR, 11, 1), LocalDate.of(YEAR, 11, 30), 40);
            tally(ContactType.EMAIL, LocalDate.of(YEAR, 1, 1), LocalDate.of(YEAR, 1, 31), 12);
            tally(ContactType.MESSAGE, LocalDate.of(YEAR, 12, 25), LocalDate.of(YEAR + 1, 1, 5), 7);

            // abstinence (gap 90 days, window 12 months): judged P1 P2 P3 P4 P5 P6 (R1 has one answer only);
            // kept P1 P3 P4 P6 (P2 used in May, P5 in January): 4 of 6 = 67 %, Wilson 30–90 %
            int[] clean = {0, 0, 0, 0, 0, 0, 1};
            int[] use = {10, 0, 0, 0, 0, 0, 1};
            answers("P1", "russtatus", Map.of(LocalDate.of(YEAR, 2, 1), clean, LocalDate.of(YEAR, 10, 1), clean));
            answers("P2", "russtatus", Map.of(LocalDate.of(YEAR, 1, 15), clean, LocalDate.of(YEAR, 5, 1), use,
                    LocalDate.of(YEAR, 11, 1), clean));
            answers("P3", "russtatus", Map.of(LocalDate.of(YEAR, 3, 1), clean, LocalDate.of(YEAR, 9, 1), clean));
            answers("P4", "russtatus", Map.of(LocalDate.of(YEAR, 4, 1), clean, LocalDate.of(YEAR, 12, 1), clean));
            answers("P5", "russtatus", Map.of(LocalDate.of(YEAR, 1, 10), use, LocalDate.of(YEAR, 8, 1), clean));
            answers("P6", "russtatus", Map.of(LocalDate.of(YEAR, 2, 10), clean, LocalDate.of(YEAR, 7, 10), clean));
            answers("R1", "russtatus", Map.of(LocalDate.of(YEAR, 6, 1), clean));
            // quality of life (gain 1): P1 4→6, P2 5→5, P3 3→9, P4 6→7, P5 2→3: 4 of 5 = 80 %, Wilson 38–96 %
            int[][] life = {{4, 6}, {5, 5}, {3, 9}, {6, 7}, {2, 3}};
            for (int i = 0; i < life.length; i++) {
                answers("P" + (i + 1), "livskvalitet", Map.of(LocalDate.of(YEAR, 2, 1), new int[] {life[i][0]},
                        LocalDate.of(YEAR, 10, 1), new int[] {life[i][1]}));
            }
            // recovery capital (BARC-10, a rise of 1 point or more): P1 30→40, P2 35→35, P3 20→26, P4 40→39, P5 25→31:
            // P1 P3 P5 rose, 3 of 5 = 60 %, Wilson 23–88 %
            int[][] capital = {{30, 40}, {35, 35}, {20, 26}, {40, 39}, {25, 31}};
            for (int i = 0; i < capital.length; i++) {
                answers("P" + (i + 1), "barc-10", Map.of(LocalDate.of(YEAR, 2, 1), barc(capital[i][0]),
                        LocalDate.of(YEAR, 10, 1), barc(capital[i][1])));
            }
            // meaningful (7 or more): P1 8, P2 5, P3 7, P4 9: 3 of 4, too few to show
            int[] meaningful = {8, 5, 7, 9};
            for (int i = 0; i < meaningful.length; i++) {
                answers("P" + (i + 1), "meningsfullt-liv", Map.of(LocalDate.of(YEAR, 11, 1), new int[] {meaningful[i]}));
            }

            // the register: 2 TSB meetings (5 + 6 = 11), a seminar (104), a council since last year and one that
            // ended before the year, a user office, World Overdose Day (3), 2 political meetings, 3 board meetings
            // (one next year does not count) and the annual meeting
            record(CollaborationKind.SERVICE_MEETING, "TSB før-møte", "Blå Kors", null, LocalDate.of(YEAR, 3, 14), null, 5);
            record(CollaborationKind.SERVICE_MEETING, "TSB før-møte", "Blå Kors", null, LocalDate.of(YEAR, 10, 10), null, 6);
            record(CollaborationKind.SEMINAR, "Seminar om ettervern", "TSB", null, LocalDate.of(YEAR, 11, 6), null, 104);
            record(CollaborationKind.COUNCIL, "Brukerråd", "Skien kommune", "Medlem", LocalDate.of(YEAR - 1, 1, 1), null, null);
            record(CollaborationKind.COUNCIL, "KPU", "Blå Kors", "Medlem", LocalDate.of(YEAR - 2, 1, 1),
                    LocalDate.of(YEAR - 1, 12, 31), null);
            record(CollaborationKind.USER_OFFICE, "Blå Kors Borgestad", null, null, LocalDate.of(YEAR, 2, 1), null, null);
            record(CollaborationKind.CO_ORGANISED_EVENT, "Verdens overdosedag", "Porsgrunn kommune", "Medarrangør",
                    LocalDate.of(YEAR, 8, 31), null, 3);
            record(CollaborationKind.POLITICAL_MEETING, "Brukerperspektivet", "Høyre", null, LocalDate.of(YEAR, 2, 12), null, null);
            record(CollaborationKind.POLITICAL_MEETING, "Brukerperspektivet", "KrF", null, LocalDate.of(YEAR, 3, 12), null, null);
            for (int month : new int[] {1, 5, 9}) {
                record(CollaborationKind.BOARD_MEETING, null, null, null, LocalDate.of(YEAR, month, 8), null, null);
            }
            record(CollaborationKind.BOARD_MEETING, null, null, null, LocalDate.of(YEAR + 1, 1, 8), null, null);
            record(CollaborationKind.ANNUAL_MEETING, null, null, null, LocalDate.of(YEAR, 4, 15), null, null);
            return null;
        });
    }

    ReportDocument exact() {
        return People.asSystem(DEMO_RECOVERY, () -> report.build(AnnualReport.Request.year(YEAR, department, false), NB));
    }

    ReportDocument external() {
        return People.asSystem(DEMO_RECOVERY, () -> report.build(AnnualReport.Request.year(YEAR, department, true), NB));
    }

    @Test
    void personsPerRoleAndDepartment() {
        ReportDocument doc = exact();
        assertThat(doc.title()).isEqualTo("Årsrapport " + YEAR);
        // brukere 6, pårørende 2, frivillige 1 (P1), fagpersoner 1, studenter 1, terapeuter 1, gjester 0; the total
        // is distinct persons: P1–P6, R1, R2, S1, S2, T1 = 11 (P1's two roles count once)
        assertThat(row(doc, "activity", "Deltakere og aktører per avdeling og rolle", departmentName))
                .containsExactly(departmentName, "6", "2", "1", "1", "1", "1", "0", "11");
        // a department's report has its own row only, not the organisation's
        assertThat(table(doc, "activity", "Deltakere og aktører per avdeling og rolle").rows()).hasSize(1);
        assertThat(row(doc, "activity", "Avdelinger og oppstart", departmentName)).containsExactly(departmentName, "25.08.2019");
        // the results' «total users»
        assertThat(row(doc, "results", "Omfang", "Brukere i perioden")).containsExactly("Brukere i perioden", "6");
    }

    @Test
    void groupsPeriodGroupsAndEvents() {
        ReportDocument doc = exact();
        assertThat(row(doc, "activity", "Faste og tematiske grupper", "Kvinnegruppe"))
                .containsExactly("Kvinnegruppe", departmentName, "13.05." + YEAR, "2", "9", "4", "1", "12", "0", "");
        assertThat(row(doc, "activity", "Grupper med en avgrenset periode", "Bålgruppe"))
                .containsExactly("Bålgruppe", departmentName, "06.05." + YEAR + "–31.05." + YEAR, "2", "28", "6", "12", "36",
                        "0", "Medvandrerne");
        assertThat(table(doc, "activity", "Faste og tematiske grupper").rows()).hasSize(1);
        assertThat(row(doc, "events", "Arrangementer", "Julebord"))
                .containsExactly("Julebord", departmentName, "12.12." + YEAR, "1", "37", "2", "0", "37", "0", "");
        assertThat(row(doc, "events", "Utdelinger og ekstra støtte", "Gavekort")).containsExactly("Gavekort", "25", "");
        assertThat(row(doc, "events", "Utdelinger og ekstra støtte", "Matkasser")).containsExactly("Matkasser", "20", "");
        assertThat(row(doc, "events", "Utdelinger og ekstra støtte", "Julepresanger")).containsExactly("Julepresanger", "15", "");
        // the staff reader follows a group to its page
        Cell name = table(doc, "activity", "Faste og tematiske grupper").rows().get(0).get(0);
        assertThat(name.link()).isEqualTo("/activities/" + kvinnegruppe);
    }

    @Test
    void contactsLoggedAndTalliedApart() {
        ReportDocument doc = exact();
        String caption = "Individuell oppfølging per type";
        // type, logged, persons, tallied, total
        assertThat(row(doc, "followup", caption, "1–1-samtaler")).containsExactly("1–1-samtaler", "3", "2", "0", "3");
        assertThat(row(doc, "followup", caption, "Samtaler med familier og pårørende"))
                .containsExactly("Samtaler med familier og pårørende", "1", "1", "0", "1");
        assertThat(row(doc, "followup", caption, "Telefon")).containsExactly("Telefon", "1", "1", "40", "41");
        assertThat(row(doc, "followup", caption, "E-post")).containsExactly("E-post", "0", "0", "12", "12");
        assertThat(row(doc, "followup", caption, "Sum")).containsExactly("Sum", "5", "", "52", "57");
        assertThat(table(doc, "followup", caption).rows()).hasSize(5);
        assertThat(paragraphs(doc, "followup")).anyMatch(t -> t.contains("Logget enkeltvis: 5 kontakter")
                && t.contains("Talt opp (bare antall, uten person): 52 kontakter"));
        assertThat(table(doc, "followup", caption).note()).contains("«logget»", "«Talt opp»");
    }

    @Test
    void outcomeSharesWithNAndIntervalAndTheEstimate() {
        ReportDocument doc = exact();
        String caption = "Resultater med antall svar og 95 % konfidensintervall";
        assertThat(row(doc, "results", caption, "Oppnådd og holdt rusfrihet"))
                .containsExactly("Oppnådd og holdt rusfrihet", "4", "6", "67 %", "30 %–90 %");
        assertThat(row(doc, "results", caption, "Bedre livskvalitet"))
                .containsExactly("Bedre livskvalitet", "4", "5", "80 %", "38 %–96 %");
        assertThat(row(doc, "results", caption, "Bedre trivsel (WHO-5)"))
                .containsExactly("Bedre trivsel (WHO-5)", "0", "0", "for få svar", "");
        assertThat(row(doc, "results", caption, "Et godt og meningsfullt liv"))
                .containsExactly("Et godt og meningsfullt liv", "3", "4", "for få svar", "");
        assertThat(row(doc, "results", caption, "Økt bedringskapital (BARC-10)"))
                .containsExactly("Økt bedringskapital (BARC-10)", "3", "5", "60 %", "23 %–88 %");
        // 4 × 500 000 and 4 × 1 000 000, with the assumption printed beside
        assertThat(row(doc, "results", "Anslag", "Lavt anslag")).containsExactly("Lavt anslag", "2 000 000 kr");
        assertThat(row(doc, "results", "Anslag", "Høyt anslag")).containsExactly("Høyt anslag", "4 000 000 kr");
        assertThat(row(doc, "results", "Anslag", "Personer som har oppnådd og holdt rusfrihet")).endsWith("4");
        assertThat(paragraphs(doc, "results")).anyMatch(t -> t.contains("500 000 kr–1 000 000 kr per person per år")
                && t.contains("rusfri over ett år"));
    }

    @Test
    void meetingsCouncilsGovernanceAndPolitics() {
        ReportDocument doc = exact();
        assertThat(row(doc, "professional", "Oversikt", "Møter med tjenestene")).containsExactly("Møter med tjenestene", "2", "11");
        assertThat(row(doc, "professional", "Oversikt", "Seminarer")).containsExactly("Seminarer", "1", "104");
        assertThat(row(doc, "participation", "Oversikt", "Råd og utvalg")).containsExactly("Råd og utvalg", "1", "");
        assertThat(row(doc, "participation", "Oversikt", "Brukerkontor")).containsExactly("Brukerkontor", "1", "");
        assertThat(row(doc, "participation", "Oversikt", "Arrangementer med andre"))
                .containsExactly("Arrangementer med andre", "1", "3");
        assertThat(table(doc, "participation", "Råd og utvalg").rows().get(0).stream().map(Cell::text).toList())
                .containsExactly("01.01." + (YEAR - 1) + "–pågår", "Brukerråd", "Skien kommune", "Medlem");
        assertThat(row(doc, "governance", "Oversikt", "Styremøter")).containsExactly("Styremøter", "3");
        assertThat(row(doc, "governance", "Oversikt", "Årsmøter")).containsExactly("Årsmøter", "1");
        assertThat(row(doc, "political", "Oversikt", "Politiske møter")).containsExactly("Politiske møter", "2");
        assertThat(table(doc, "political", "Politiske møter").rows()).extracting(r -> r.get(2).text())
                .containsExactly("Høyre", "KrF");
    }

    /**
     * The external version, cell by cell. Every hidden figure shows «:», and each is worked out here by hand:
     * primary (a count of persons from 1 to 4) or secondary (the audit's bound would be under 5 without it).
     */
    @Test
    void theExternalVersionHidesSmallCountsAndLinks() {
        ReportDocument doc = external();
        assertThat(doc.coverLines()).anyMatch(l -> l.startsWith("Ekstern versjon"));
        // 2, 1, 1, 1, 1 hidden; each is at most the department's 11 distinct persons, so nothing more is needed
        assertThat(row(doc, "activity", "Deltakere og aktører per avdeling og rolle", departmentName))
                .containsExactly(departmentName, "6", ":", ":", ":", ":", ":", "0", "11");
        // named 4 and children 1 hidden: both are among the 9 participants, at most 9
        assertThat(row(doc, "activity", "Faste og tematiske grupper", "Kvinnegruppe"))
                .containsExactly("Kvinnegruppe", departmentName, "13.05." + YEAR, "2", "9", ":", ":", "12", "0", "");
        assertThat(row(doc, "activity", "Grupper med en avgrenset periode", "Bålgruppe"))
                .containsExactly("Bålgruppe", departmentName, "06.05." + YEAR + "–31.05." + YEAR, "2", "28", "6", "12", "36",
                        "0", "Medvandrerne");
        assertThat(row(doc, "events", "Arrangementer", "Julebord"))
                .containsExactly("Julebord", departmentName, "12.12." + YEAR, "1", "37", ":", "0", "37", "0", "");
        // leak class 3: persons 2 ≤ logged 3, so the 3 goes too, and the type's total 3 = logged + 0 tallied. The
        // same for family (1 of 1) and phone (1 of 1; 41 = 1 + 40). The column's sum 5 stays: it leaves each hidden
        // count of contacts at most 5, and so each count of persons
        String caption = "Individuell oppfølging per type";
        assertThat(row(doc, "followup", caption, "1–1-samtaler")).containsExactly("1–1-samtaler", ":", ":", "0", ":");
        assertThat(row(doc, "followup", caption, "Samtaler med familier og pårørende"))
                .containsExactly("Samtaler med familier og pårørende", ":", ":", "0", ":");
        assertThat(row(doc, "followup", caption, "Telefon")).containsExactly("Telefon", ":", ":", "40", ":");
        assertThat(row(doc, "followup", caption, "E-post")).containsExactly("E-post", "0", "0", "12", "12");
        assertThat(row(doc, "followup", caption, "Sum")).containsExactly("Sum", "5", "", "52", "57");
        assertThat(row(doc, "participation", "Oversikt", "Arrangementer med andre"))
                .containsExactly("Arrangementer med andre", "1", ":");
        assertThat(row(doc, "participation", "Arrangementer med andre", "31.08." + YEAR)).last().isEqualTo(":");
        // leak class 1: 4 of 6 hides the 4 and the share and interval computed from it; n 6 stays (yes and the
        // unshown «no» 2 are then at most 6 each). Quality of life 4 of 5 the same
        String results = "Resultater med antall svar og 95 % konfidensintervall";
        assertThat(row(doc, "results", results, "Oppnådd og holdt rusfrihet"))
                .containsExactly("Oppnådd og holdt rusfrihet", ":", "6", ":", ":");
        assertThat(row(doc, "results", results, "Bedre livskvalitet")).containsExactly("Bedre livskvalitet", ":", "5", ":", ":");
        // BARC-10, 3 of 5: the 3 and the unshown 2 are each at most 5
        assertThat(row(doc, "results", results, "Økt bedringskapital (BARC-10)"))
                .containsExactly("Økt bedringskapital (BARC-10)", ":", "5", ":", ":");
        assertThat(row(doc, "results", results, "Et godt og meningsfullt liv"))
                .containsExactly("Et godt og meningsfullt liv", ":", ":", "for få svar", "");
        assertThat(row(doc, "results", "Omfang", "Brukere i perioden")).containsExactly("Brukere i perioden", "6");
        // the estimate is 4 × kroner: it goes with the 4
        assertThat(tables(doc)).noneMatch(t -> t.caption().equals("Anslag"));
        assertThat(paragraphs(doc, "results")).anyMatch(t -> t.startsWith("Antallet som har oppnådd og holdt rusfrihet er for lite"));
        // every table with a hidden figure says what «:» means; no «<5» or «x» anywhere
        for (Table t : tables(doc)) {
            boolean hidden = t.rows().stream().flatMap(List::stream).anyMatch(Cell::suppressed);
            if (hidden) {
                assertThat(t.note()).as(t.caption()).contains("«:» = vises ikke av personvernhensyn");
            }
            assertThat(t.rows().stream().flatMap(List::stream).map(Cell::text)).doesNotContain("<5", "x");
        }
        assertThat(tables(doc).stream().flatMap(t -> t.rows().stream()).flatMap(List::stream)).allMatch(c -> c.link() == null);
        // no count of persons from 1 to 4 anywhere: every column that counts persons
        List<String> personColumns = List.of("Deltakere", "Navngitte", "Herav barn", "Oppmøter", "Personer (logget)", "Brukere",
                "Pårørende", "Frivillige", "Fagpersoner", "Studenter", "Terapeuter", "Gjester", "Sum", "Ja", "Svar (n)",
                "Antall");
        int checked = 0;
        for (Table t : tables(doc)) {
            for (int c = 0; c < t.headers().size(); c++) {
                // distributions count items, the register's overview records, follow-up contacts (its persons column
                // is checked): not persons
                boolean notPersons = t.caption().startsWith("Utdelinger")
                        || t.caption().equals("Individuell oppfølging per type") && !t.headers().get(c).startsWith("Personer");
                if (!personColumns.contains(t.headers().get(c)) || notPersons
                        || t.caption().equals("Oversikt") && t.headers().get(c).equals("Antall")) {
                    continue;
                }
                for (List<Cell> row : t.rows()) {
                    Number n = row.get(c).number();
                    assertThat(n == null || n.longValue() < 1 || n.longValue() > 4)
                            .as(t.caption() + " / " + t.headers().get(c) + " / " + row.get(0).text()).isTrue();
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(20);
        assertThat(table(doc, "activity", "Deltakere og aktører per avdeling og rolle").note()).contains("«:»");
    }

    /**
     * Leak class 4: the organisation's external report and each department's are protected as one set of figures,
     * so a figure is hidden in all of them or in none (the organisation minus a department gives nothing), and the
     * external version is for whole years only (two periods a day apart cannot be subtracted). The audit is run
     * again here on everything the year publishes, with its witnesses checked by hand.
     */
    @Test
    void theOrganisationAndItsDepartmentsArePublishedAsOneProtectedSet() {
        ReportDocument organisation = People.asSystem(DEMO_RECOVERY,
                () -> report.build(AnnualReport.Request.year(YEAR, null, true), NB));
        ReportDocument mine = external();
        String roles = "Deltakere og aktører per avdeling og rolle";
        assertThat(row(organisation, "activity", roles, departmentName)).isEqualTo(row(mine, "activity", roles, departmentName));
        assertThat(row(organisation, "activity", "Faste og tematiske grupper", "Kvinnegruppe"))
                .isEqualTo(row(mine, "activity", "Faste og tematiske grupper", "Kvinnegruppe"));
        assertThat(row(organisation, "events", "Arrangementer", "Julebord")).isEqualTo(row(mine, "events", "Arrangementer", "Julebord"));
        // the organisation's row counts distinct persons; its totals are not the sum of the rows above
        assertThat(row(organisation, "activity", roles, "Hele organisasjonen (ulike personer)")).hasSize(9);
        assertThat(table(organisation, "activity", roles).note()).contains("ulike personer");

        // the whole year's publication passes the attacker's audit
        AnnualReport.Disclosed disclosed = People.asSystem(DEMO_RECOVERY, () -> report.disclose(YEAR, NB));
        SuppressionTest.assertProtected(disclosed.publication(), disclosed.result());
        assertThat(disclosed.result().bounds()).isNotEmpty();

        // a free period, or a year less a day, is refused for the external version, field by field
        for (var period : List.of(new AnnualReport.Request(LocalDate.of(YEAR, 1, 1), LocalDate.of(YEAR, 12, 30), department, true),
                new AnnualReport.Request(LocalDate.of(YEAR, 1, 2), LocalDate.of(YEAR, 12, 31), null, true),
                new AnnualReport.Request(LocalDate.of(YEAR, 3, 1), LocalDate.of(YEAR + 1, 2, 28), null, true))) {
            assertThatThrownBy(() -> People.asSystem(DEMO_RECOVERY, () -> report.build(period, NB)))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.code()).isEqualTo("report.annual.period.external");
                        assertThat(e.field()).isEqualTo("from");
                    });
        }
        // a report reader may not ask for a free period either, since the version is always external
        var reader = accounts.loadUserByUsername("styret@demo.tilfrisk.no");
        assertThatThrownBy(() -> People.as(reader, () -> report.build(new AnnualReport.Request(LocalDate.of(YEAR, 1, 1),
                LocalDate.of(YEAR, 6, 30), null, false), NB))).isInstanceOf(InvalidInputException.class);
        // staff may still have the exact version of any period
        assertThat(People.asSystem(DEMO_RECOVERY, () -> report.build(new AnnualReport.Request(LocalDate.of(YEAR, 1, 1),
                LocalDate.of(YEAR, 6, 30), department, false), NB)).title()).contains("01.01." + YEAR);
    }

    /** The external version, read back from every output: each shows exactly the figures the audit passed. */
    @Test
    void everyExternalOutputShowsWhatTheAuditPassed() throws Exception {
        ReportDocument doc = external();
        List<Table> tables = tables(doc);
        // DOCX: every table in order, every cell as the document has it
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(DocxExport.write(doc)))) {
            assertThat(docx.getTables()).hasSize(tables.size());
            for (int i = 0; i < tables.size(); i++) {
                var rows = tables.get(i).rows();
                for (int r = 0; r < rows.size(); r++) {
                    for (int c = 0; c < rows.get(r).size(); c++) {
                        assertThat(docx.getTables().get(i).getRow(r + 1).getCell(c).getText())
                                .as(tables.get(i).caption()).isEqualTo(rows.get(r).get(c).text());
                    }
                }
            }
        }
        // XLSX: every row of the document is a row of its sheet, hidden cells «:», counts as numbers
        try (XSSFWorkbook xlsx = new XSSFWorkbook(new ByteArrayInputStream(XlsxExport.write(doc)))) {
            DataFormatter f = new DataFormatter();
            List<List<String>> sheetRows = new ArrayList<>();
            xlsx.forEach(sheet -> sheet.forEach(row -> {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    cells.add(row.getCell(c) == null ? "" : f.formatCellValue(row.getCell(c)));
                }
                sheetRows.add(cells);
            }));
            for (Table t : tables) {
                for (List<Cell> row : t.rows()) {
                    List<String> expected = row.stream().map(c -> c.number() instanceof Long n ? n.toString() : c.text()).toList();
                    assertThat(sheetRows).as(t.caption()).anySatisfy(r -> assertThat(r.subList(0, Math.min(r.size(),
                            expected.size()))).isEqualTo(expected.subList(0, Math.min(r.size(), expected.size()))));
                }
            }
            assertThat(sheetRows.stream().flatMap(List::stream)).contains(":").doesNotContain("<5", "x");
        }
        // CSV: one file per table, the hidden cells «:»
        Map<String, String> files = new HashMap<>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(CsvExport.write(doc)))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                files.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(files).hasSize(tables.size());
        assertThat(String.join("", files.values())).contains("1–1-samtaler;:;:;0;:\r\n", "Sum;5;;52;57\r\n")
                .doesNotContain(";<5;", ";x;");
        // PDF: the same rows, and the note once per table with a hidden figure
        try (var parsed = Loader.loadPDF(pdf.write(doc, NB))) {
            String text = new PDFTextStripper().getText(parsed).replaceAll("\\s+", " ");
            assertThat(text).contains("1–1-samtaler : : 0 :", "Telefon : : 40 :", "Oppnådd og holdt rusfrihet : 6 : :",
                    "«:» = vises ikke av personvernhensyn").doesNotContain("<5");
        }
    }

    /**
     * A year that is not over counts the sessions held up to today, not those planned after it, and says so; money
     * is rounded half up to whole kroner (10.50 kr is 11 kr, not 10).
     */
    @Test
    void theYearGoingOnCountsSessionsHeldAndRoundsKronerHalfUp() {
        LocalDate today = LocalDate.now(clock);
        int year = today.getYear();
        People.asSystem(DEMO_RECOVERY, () -> {
            UUID walk = activity("Turgruppe " + UUID.randomUUID().toString().substring(0, 4), ActivityFormat.GROUP,
                    LocalDate.of(year, 1, 1), null, List.of());
            session(walk, today, List.of("P1", "P2"), 0, 0);
            SessionForm planned = new SessionForm();
            planned.setDate(today.plusDays(7));
            planned.setStartTime(LocalTime.of(18, 0));
            planned.setEndTime(LocalTime.of(20, 0));
            planned.setPlace("Huset");
            sessions.addOne(UUID.randomUUID(), walk, planned);
            DistributionForm form = new DistributionForm();
            form.setDate(today);
            form.setDepartmentId(department);
            form.setKind(DistributionKind.GIFT_CARD);
            form.setCount(1);
            form.setValueNok(new BigDecimal("10.50"));
            distributions.register(UUID.randomUUID(), form);
            return null;
        });
        ReportDocument doc = People.asSystem(DEMO_RECOVERY,
                () -> report.build(AnnualReport.Request.year(year, department, false), NB));
        List<String> walkRow = table(doc, "activity", "Faste og tematiske grupper").rows().stream()
                .filter(r -> r.get(0).text().startsWith("Turgruppe")).findFirst().orElseThrow().stream().map(Cell::text).toList();
        // one session held (today, with P1 and P2), the one in a week not counted
        assertThat(walkRow.subList(3, 6)).containsExactly("1", "2", "2");
        if (today.plusDays(7).getYear() == year) {
            assertThat(doc.coverLines()).anyMatch(l -> l.startsWith("Perioden er ikke over"));
        }
        assertThat(row(doc, "events", "Utdelinger og ekstra støtte", "Gavekort")).containsExactly("Gavekort", "1", "11 kr");
    }

    /**
     * The figures form, against the fixture's hand-worked values: each figure once with its key, value, unit and
     * rule, read from the same cells as the tables. And every number or «:» in a table is one of the figures.
     */
    @Test
    void theFiguresFormCarriesEveryTableFigureWithItsKeyValueUnitAndRule() {
        ReportDocument doc = exact();
        Map<String, ReportFigures.Figure> f = new HashMap<>();
        ReportFigures.of(doc).forEach(x -> assertThat(f.put(x.key(), x)).as("listed once: " + x.key()).isNull());
        String d = department.toString();
        // persons per role: 6 participants, 2 relatives, 11 distinct in all
        assertFigure(f, "activity.roles." + d + ".PARTICIPANT", 6, ReportDocument.Unit.PERSONS);
        assertFigure(f, "activity.roles." + d + ".RELATIVE", 2, ReportDocument.Unit.PERSONS);
        assertFigure(f, "activity.roles." + d + ".total", 11, ReportDocument.Unit.PERSONS);
        assertThat(f.get("activity.roles." + d + ".total").rule()).contains("teller ulike personer");
        assertThat(f.get("activity.roles." + d + ".total").table()).isEqualTo("Deltakere og aktører per avdeling og rolle");
        assertThat(f.get("activity.roles." + d + ".total").row()).isEqualTo(departmentName);
        assertThat(f.get("activity.roles." + d + ".total").column()).isEqualTo("Sum");
        // Kvinnegruppe: 2 sessions, 9 participants, 12 attendances
        assertFigure(f, "activity." + kvinnegruppe + ".sessions", 2, ReportDocument.Unit.COUNT);
        assertFigure(f, "activity." + kvinnegruppe + ".participants", 9, ReportDocument.Unit.PERSONS);
        assertFigure(f, "activity." + kvinnegruppe + ".attendances", 12, ReportDocument.Unit.COUNT);
        // distributions: 25 gift cards
        assertFigure(f, "events.distribution." + d + ".GIFT_CARD.count", 25, ReportDocument.Unit.COUNT);
        // contacts: 1-1 logged 3 with 2 persons; phone 1 logged + 40 tallied = 41; in all 5 + 52 = 57
        assertFigure(f, "followup.contacts." + d + ".ONE_TO_ONE.logged", 3, ReportDocument.Unit.COUNT);
        assertFigure(f, "followup.contacts." + d + ".ONE_TO_ONE.persons", 2, ReportDocument.Unit.PERSONS);
        assertFigure(f, "followup.contacts." + d + ".PHONE.total", 41, ReportDocument.Unit.COUNT);
        assertFigure(f, "followup.contacts." + d + ".logged", 5, ReportDocument.Unit.COUNT);
        assertFigure(f, "followup.contacts." + d + ".total", 57, ReportDocument.Unit.COUNT);
        assertThat(f.get("followup.contacts." + d + ".total").rule()).contains("«logget»");
        // abstinence 4 of 6 = 66.7 %, interval in words; the estimate 4 × 500 000
        assertFigure(f, "results.outcome." + d + ".abstinence.yes", 4, ReportDocument.Unit.PERSONS);
        assertFigure(f, "results.outcome." + d + ".abstinence.n", 6, ReportDocument.Unit.PERSONS);
        assertThat(f.get("results.outcome." + d + ".abstinence.share").value().doubleValue())
                .isCloseTo(400.0 / 6, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(f.get("results.outcome." + d + ".abstinence.share").unit()).isEqualTo(ReportDocument.Unit.PERCENT);
        assertThat(f.get("results.outcome." + d + ".abstinence.interval").text()).isEqualTo("30 %–90 %");
        assertThat(f.get("results.outcome." + d + ".abstinence.interval").unit()).isEqualTo(ReportDocument.Unit.PERCENT_RANGE);
        assertFigure(f, "results.outcome." + d + ".abstinence.saving.low", 2_000_000, ReportDocument.Unit.NOK);
        // the participants of section 8 are those of section 3: one figure, listed where it first stands
        assertThat(f).doesNotContainKey("results.roles." + d + ".PARTICIPANT");
        // every number and every «:» of every table is a figure: the form cannot leave one out
        for (Table t : tables(doc)) {
            for (List<Cell> row : t.rows()) {
                for (Cell c : row) {
                    if (c.number() != null || c.suppressed()) {
                        assertThat(c.figure()).as(t.caption() + " / " + row.get(0).text() + " / " + c.text()).isNotNull();
                    }
                }
            }
        }
    }

    /** A hidden figure stays hidden in the figures form: no value, «:», and no number of it anywhere in the JSON. */
    @Test
    void aSuppressedFigureStaysSuppressedInTheFiguresFormForAReaderWhoMayNotSeePersons() throws Exception {
        String json = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/api/v1/reports/annual/figures").param("year", String.valueOf(YEAR))
                        .param("department", department.toString())
                        .header("Authorization", no.tilfrisk.Demo.bearer("demo-styret")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                .andReturn().getResponse().getContentAsString();
        String d = department.toString();
        assertThat((Boolean) JsonPath.read(json, "$.external")).isTrue();
        for (String hidden : List.of("followup.contacts." + d + ".ONE_TO_ONE.logged",
                "followup.contacts." + d + ".ONE_TO_ONE.persons", "activity.roles." + d + ".RELATIVE",
                "results.outcome." + d + ".abstinence.yes", "results.outcome." + d + ".abstinence.share",
                "activity." + kvinnegruppe + ".named")) {
            List<Map<String, Object>> found = JsonPath.read(json, "$.figures[?(@.key == '" + hidden + "')]");
            assertThat(found).as(hidden).hasSize(1);
            assertThat(found.get(0).get("suppressed")).as(hidden).isEqualTo(true);
            assertThat(found.get(0).get("value")).as(hidden).isNull();
            assertThat(found.get(0).get("text")).as(hidden).isEqualTo(":");
        }
        // the estimate goes with the hidden 4: not in the form at all
        assertThat(json).doesNotContain("abstinence.saving");
        // figures shown stay shown: the department's 11 distinct persons, the 5 contacts logged in all
        List<Object> total = JsonPath.read(json, "$.figures[?(@.key == 'activity.roles." + d + ".total')].value");
        assertThat(total).containsExactly(11);
        List<Object> logged = JsonPath.read(json, "$.figures[?(@.key == 'followup.contacts." + d + ".logged')].value");
        assertThat(logged).containsExactly(5);
        // no count of persons from 1 to 4 is a value anywhere
        List<Map<String, Object>> persons = JsonPath.read(json, "$.figures[?(@.unit == 'PERSONS')]");
        assertThat(persons).isNotEmpty().allSatisfy(p -> assertThat(p.get("value") == null
                || ((Number) p.get("value")).longValue() == 0 || ((Number) p.get("value")).longValue() > 4)
                .as(String.valueOf(p.get("key"))).isTrue());
    }

    private static void assertFigure(Map<String, ReportFigures.Figure> f, String key, long value, ReportDocument.Unit unit) {
        assertThat(f).as(key).containsKey(key);
        assertThat(f.get(key).value()).as(key).isNotNull();
        assertThat(f.get(key).value().longValue()).as(key).isEqualTo(value);
        assertThat(f.get(key).unit()).as(key).isEqualTo(unit);
        assertThat(f.get(key).suppressed()).as(key).isFalse();
    }

    @Test
    void aReportReaderAlwaysGetsTheExternalVersion() {
        var reader = accounts.loadUserByUsername("styret@demo.tilfrisk.no");
        ReportDocument doc = People.as(reader, () -> report.build(AnnualReport.Request.year(YEAR, department, false), NB));
        assertThat(doc.coverLines()).anyMatch(l -> l.startsWith("Ekstern versjon"));
        assertThat(row(doc, "activity", "Deltakere og aktører per avdeling og rolle", departmentName)).contains(":");
    }

    @Test
    void aYearWithNoDataSaysSoSectionBySection() {
        UUID empty = People.asSystem(DEMO_RECOVERY, () -> departments.create(UUID.randomUUID(),
                new DepartmentForm("Tom " + UUID.randomUUID().toString().substring(0, 6), "Skien", null)).id());
        ReportDocument doc = People.asSystem(DEMO_RECOVERY, () -> report.build(AnnualReport.Request.year(YEAR, empty, false), NB));
        for (Section s : doc.sections()) {
            NarrativeSection n = NarrativeSection.byKey(s.key());
            String expected = n.computed() ? "Ingen registreringer i perioden for denne delen."
                    : "Teksten er ikke skrevet ennå.";
            assertThat(s.blocks()).as(s.key()).first().isEqualTo(Paragraph.of(expected));
        }
        assertThat(doc.sections()).hasSize(11);
    }

    @Test
    void badInputGivesClearErrors() {
        People.asSystem(DEMO_RECOVERY, () -> {
            assertThatThrownBy(() -> report.check(new AnnualReport.Request(LocalDate.of(YEAR, 6, 1),
                    LocalDate.of(YEAR, 5, 1), department, false)))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.code()).isEqualTo("report.annual.period.order"));
            assertThatThrownBy(() -> report.check(AnnualReport.Request.year(YEAR, UUID.randomUUID(), false)))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.code()).isEqualTo("report.annual.department.unknown"));
            return null;
        });
        // another organisation's department is unknown here
        UUID bergen = People.asSystem(OTHER_ORGANISATION, () -> departments.list().get(0).id());
        People.asSystem(DEMO_RECOVERY, () -> {
            assertThatThrownBy(() -> report.check(AnnualReport.Request.year(YEAR, bergen, false)))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.code()).isEqualTo("report.annual.department.unknown"));
            return null;
        });
        // a coordinator asks for a department not theirs
        var coordinator = accounts.loadUserByUsername("koordinator@demo.tilfrisk.no");
        assertThatThrownBy(() -> People.as(coordinator, () -> report.check(AnnualReport.Request.year(YEAR, department, false))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo("report.annual.department.notYours"));
    }

    @Test
    void narrativesAreMarkdownWithScriptAndHtmlRemoved() {
        People.asSystem(DEMO_RECOVERY, () -> {
            narratives.save(YEAR, department, NarrativeSection.INTRODUCTION, """
                    Et **godt** år.<script>alert('x')</script>

                    <img src="x" onerror="alert(1)"> [lenke](javascript:alert(1)) <a href="https://example.org" onclick="x()">ok</a>

                    - første
                    - andre""");
            // sent twice: one text
            narratives.save(YEAR, department, NarrativeSection.CLOSING, "Slutt.");
            narratives.save(YEAR, department, NarrativeSection.CLOSING, "Slutt.");
            return null;
        });
        ReportDocument doc = exact();
        Paragraph intro = (Paragraph) section(doc, "introduction").blocks().get(0);
        assertThat(intro.html()).contains("<strong>godt</strong>", "<li>første</li>", "href=\"https://example.org\"")
                .doesNotContain("script", "onerror", "javascript:", "onclick", "<img");
        assertThat(intro.text()).contains("Et godt år.", "• første", "• andre").doesNotContain("<");
        assertThat(section(doc, "closing").blocks()).hasSize(1);
        assertThat(((Paragraph) section(doc, "closing").blocks().get(0)).text()).isEqualTo("Slutt.");
        assertThatThrownBy(() -> People.asSystem(DEMO_RECOVERY, () -> {
            narratives.save(YEAR, department, NarrativeSection.ABOUT, "a".repeat(ReportNarratives.MAX_LENGTH + 1));
            return null;
        })).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("report.narrative.tooLong"));
    }

    @Test
    void exportsOpenWithTheSectionsAndFigures() throws Exception {
        ReportDocument doc = exact();
        try (var parsed = Loader.loadPDF(pdf.write(doc, NB))) {
            String text = new PDFTextStripper().getText(parsed);
            assertThat(text).contains("Årsrapport " + YEAR, "1. Innledning", "3. Aktivitet og deltakelse – året i tall",
                    "7. Individuell oppfølging og kommunikasjon", "8. Resultater, effekt og opplevd nytte",
                    "11. Avslutning og veien videre", "Kvinnegruppe");
        }
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(DocxExport.write(doc)))) {
            List<String> headings = docx.getParagraphs().stream()
                    .filter(p -> "Heading1".equals(p.getStyle())).map(XWPFParagraph::getText).toList();
            assertThat(headings).hasSize(11).contains("1. Innledning", "5. Faglig samarbeid og kompetanse",
                    "10. Politisk dialog og samfunnskontakt");
        }
        try (XSSFWorkbook xlsx = new XSSFWorkbook(new ByteArrayInputStream(XlsxExport.write(doc)))) {
            List<String> sheets = new ArrayList<>();
            xlsx.forEach(s -> sheets.add(s.getSheetName()));
            assertThat(sheets).contains("3. Aktivitet og deltakelse – år", "7. Individuell oppfølging og ko");
            var sheet = xlsx.getSheet("7. Individuell oppfølging og ko");
            DataFormatter f = new DataFormatter();
            boolean found = false;
            for (var row : sheet) {
                if ("Telefon".equals(f.formatCellValue(row.getCell(0)))) {
                    assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(40.0);
                    assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(41.0);
                    found = true;
                }
            }
            assertThat(found).isTrue();
        }
    }

    @Test
    void theDemoOrganisationFillsEverySectionLastYearAndThisYear() {
        LocalDate today = LocalDate.now(Dates.OSLO);
        int thisYear = today.getYear();
        // the demo's data runs up to the day it is written: in January this year has had no monthly delivery yet
        int[] years = today.getMonthValue() == 1 ? new int[] {thisYear - 1} : new int[] {thisYear - 1, thisYear};
        for (int year : years) {
            ReportDocument doc = People.asSystem(DEMO_RECOVERY, () -> report.build(AnnualReport.Request.year(year, null, false), NB));
            for (Section s : doc.sections()) {
                assertThat(s.blocks()).as(year + " " + s.key())
                        .doesNotContain(Paragraph.of("Ingen registreringer i perioden for denne delen."));
            }
            assertThat(row(doc, "activity", "Deltakere og aktører per avdeling og rolle", "Skien").get(1)).as(year + " brukere i Skien")
                    .isNotEqualTo("0");
        }
        ReportDocument last = People.asSystem(DEMO_RECOVERY, () -> report.build(AnnualReport.Request.year(thisYear - 1, null, false), NB));
        for (String narrative : List.of("introduction", "about", "closing")) {
            assertThat(section(last, narrative).blocks()).as(narrative).doesNotContain(Paragraph.of("Teksten er ikke skrevet ennå."));
        }
        assertThat(table(last, "results", "Anslag").rows()).hasSize(3);
    }

    @Test
    void theOrganisationsReportCarriesTheVolunteersAndADepartmentsDoesNot() {
        int year = LocalDate.now(clock).getYear();
        String caption = "Frivillige (tidgivere, medvandrere, likepersoner og fagfrivillige)";
        VolunteerFigures.Figures f = People.asSystem(DEMO_RECOVERY,
                () -> volunteerFigures.forPeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
        assertThat(f.volunteersEngaged()).as("the demo's volunteers this year").isGreaterThan(4);
        ReportDocument organisation = People.asSystem(DEMO_RECOVERY,
                () -> report.build(AnnualReport.Request.year(year, null, false), NB));
        assertThat(row(organisation, "followup", caption, "Frivillige engasjert (unike)"))
                .containsExactly("Frivillige engasjert (unike)", Long.toString(f.volunteersEngaged()));
        assertThat(row(organisation, "followup", caption, "Deltakere som har hatt en frivillig (unike)"))
                .containsExactly("Deltakere som har hatt en frivillig (unike)", Long.toString(f.participantsWithVolunteer()));
        // the figures are the organisation's: a department's report does not pretend they are its own
        ReportDocument mine = People.asSystem(DEMO_RECOVERY,
                () -> report.build(AnnualReport.Request.year(year, department, false), NB));
        assertThat(tables(mine)).noneMatch(t -> t.caption().equals(caption));
    }

    // ---- reading the document ----

    static Section section(ReportDocument doc, String key) {
        return doc.sections().stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
    }

    static Table table(ReportDocument doc, String key, String caption) {
        return section(doc, key).blocks().stream()
                .map(b -> b instanceof Table t ? t : b instanceof ReportDocument.Chart c ? c.data() : null)
                .filter(t -> t != null && t.caption().equals(caption)).findFirst()
                .orElseThrow(() -> new AssertionError("No table «" + caption + "» in " + key));
    }

    static List<Table> tables(ReportDocument doc) {
        return doc.tables().stream().map(ReportDocument.Located::table).toList();
    }

    static List<String> row(ReportDocument doc, String key, String caption, String label) {
        return table(doc, key, caption).rows().stream().filter(r -> r.get(0).text().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("No row «" + label + "» in «" + caption + "»"))
                .stream().map(Cell::text).toList();
    }

    static List<String> paragraphs(ReportDocument doc, String key) {
        return section(doc, key).blocks().stream().filter(b -> b instanceof Paragraph).map(b -> ((Paragraph) b).text()).toList();
    }

    // ---- building the fixture (inside asSystem) ----

    private UUID person(String name, PersonRole role, LocalDate from, LocalDate to) {
        PersonForm form = new PersonForm();
        form.setDisplayName(name + " " + departmentName);
        form.setConfirmDuplicate(true);
        UUID id = ((PersonDirectory.Registered) persons.register(UUID.randomUUID(), form)).id();
        spans.addRole(id, role, from);
        if (to != null) {
            UUID roleId = persons.get(id).roles().get(0).id();
            spans.endRole(id, roleId, to);
        }
        spans.addMembership(id, department, from);
        return id;
    }

    private UUID activity(String name, ActivityFormat format, LocalDate start, LocalDate end, List<String> partners) {
        ActivityForm form = new ActivityForm();
        form.setName(name);
        form.setFormat(format);
        form.setKindId(activities.kinds().get(0).id());
        form.setDepartmentId(department);
        form.setStartDate(start);
        form.setEndDate(end);
        form.setLowThreshold(true);
        form.setPartners(new ArrayList<>(partners));
        return activities.create(UUID.randomUUID(), form).id();
    }

    private UUID session(UUID activity, LocalDate date, List<String> named, int adults, int children) {
        SessionForm form = new SessionForm();
        form.setDate(date);
        form.setStartTime(LocalTime.of(18, 0));
        form.setEndTime(LocalTime.of(20, 0));
        form.setPlace("Huset");
        UUID id = sessions.addOne(UUID.randomUUID(), activity, form).id();
        rollCall.replace(id, new AttendanceRollCall.Attendance(named.stream().map(p::get).toList(), adults, children, 0));
        return id;
    }

    private void distribution(DistributionKind kind, int count, LocalDate date) {
        DistributionForm form = new DistributionForm();
        form.setDate(date);
        form.setDepartmentId(department);
        form.setKind(kind);
        form.setCount(count);
        distributions.register(UUID.randomUUID(), form);
    }

    private UUID contact(String who, LocalDate date, LocalTime time, ContactType type) {
        ContactForm form = new ContactForm();
        form.setPersonId(p.get(who));
        form.setDate(date);
        form.setTime(time);
        form.setType(type);
        form.setStaffIds(List.of(((TilfriskUser) accounts.loadUserByUsername("admin@demo.tilfrisk.no")).userId()));
        return contacts.log(UUID.randomUUID(), form);
    }

    private void tally(ContactType type, LocalDate from, LocalDate to, int count) {
        TallyForm form = new TallyForm();
        form.setDepartmentId(department);
        form.setType(type);
        form.setFrom(from);
        form.setTo(to);
        form.setCount(count);
        tallies.record(UUID.randomUUID(), form);
    }

    /** Ten BARC-10 answers (1–6) that sum to the total. */
    private static int[] barc(int total) {
        int[] values = new int[10];
        for (int i = 0; i < 10; i++) {
            values[i] = total / 10 + (i < total % 10 ? 1 : 0);
        }
        return values;
    }

    private void answers(String who, String instrumentId, Map<LocalDate, int[]> byDate) {
        Instrument instrument = instruments.find(instrumentId).orElseThrow();
        byDate.forEach((date, values) -> {
            Map<String, Integer> answers = new HashMap<>();
            for (int i = 0; i < values.length; i++) {
                answers.put(instrument.items().get(i).id(), values[i]);
            }
            outcomes.record(UUID.randomUUID(), p.get(who), ResponseForm.of(instrumentId, date, answers));
        });
    }

    private void record(CollaborationKind kind, String title, String partner, String role, LocalDate from, LocalDate to,
                        Integer participants) {
        CollaborationForm form = CollaborationForm.of(kind, from);
        form.setDepartmentId(department);
        form.setTitle(title);
        form.setPartner(partner);
        form.setRole(role);
        form.setEndsOn(to);
        form.setParticipants(participants);
        collaboration.create(UUID.randomUUID(), form);
    }
}
