package no.tilfrisk.report.dashboard;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.account.TilfriskUser;
import no.tilfrisk.activity.ActivityFixtures;
import no.tilfrisk.followup.ContactForm;
import no.tilfrisk.followup.ContactLog;
import no.tilfrisk.followup.ContactType;
import no.tilfrisk.followup.Tallies;
import no.tilfrisk.followup.TallyForm;
import no.tilfrisk.organisation.DepartmentForm;
import no.tilfrisk.organisation.Departments;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.Dates;
import no.tilfrisk.platform.web.NotFoundException;
import no.tilfrisk.report.annual.ReportDocument;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The dashboard's figures over a hand-built department, for the 12 months up to today (T, month M0):
 * <pre>
 * activity X: a M0 day 1 named A B; c M0−2 day 10 named C + 7 adults; d M0−2 day 12 named D, cancelled;
 *             e M0−12 (before the window) named E
 * activity Y: b M0 day 1 named A
 * per month: M0 → 2 (A, B, with A twice), M0−2 → 1 (C), the other ten months 0; twelve months in all
 * attendance: X 2 sessions, 3 named + 7 anonymous = 10; Y 1 session, 1 attendance
 * contacts: A one-to-one, B two phone calls and one voided → logged ONE_TO_ONE 1, PHONE 2
 * tallies: 37 phone calls ending yesterday (in); 5 messages ending 13 months ago (out) → tallied PHONE 37, MESSAGE 0
 * </pre>
 */
@TilfriskTest
class CoordinatorDashboardTest {

    static final LocalDate T = LocalDate.now(Dates.OSLO);

    @Autowired
    People people;
    @Autowired
    ActivityFixtures fixtures;
    @Autowired
    Departments departments;
    @Autowired
    ContactLog contacts;
    @Autowired
    Tallies tallies;
    @Autowired
    CoordinatorDashboard dashboard;
    @Autowired
    UserDetailsService accounts;

    String department;
    UUID departmentId;

    @BeforeEach
    void fixture() {
        department = "Oversiktfasit " + UUID.randomUUID().toString().substring(0, 8);
        departmentId = People.asSystem(DEMO_RECOVERY, () -> departments.create(UUID.randomUUID(),
                new DepartmentForm(department, "Skien", null)).id());
        UUID a = people.register(DEMO_RECOVERY, department, "Oversikt A");
        UUID b = people.register(DEMO_RECOVERY, department, "Oversikt B");
        UUID c = people.register(DEMO_RECOVERY, department, "Oversikt C");
        UUID d = people.register(DEMO_RECOVERY, department, "Oversikt D");
        UUID e = people.register(DEMO_RECOVERY, department, "Oversikt E");
        YearMonth m0 = YearMonth.from(T);
        UUID x = fixtures.activity(DEMO_RECOVERY, department, "Oversikt X", true, T.minusYears(2), null, List.of()).id();
        fixtures.attendance(DEMO_RECOVERY, fixtures.session(DEMO_RECOVERY, x, m0.atDay(1)).id(), List.of(a, b), 0, 0, 0);
        UUID y = fixtures.activity(DEMO_RECOVERY, department, "Oversikt Y", true, T.minusYears(2), null, List.of()).id();
        fixtures.attendance(DEMO_RECOVERY, fixtures.session(DEMO_RECOVERY, y, m0.atDay(1)).id(), List.of(a), 0, 0, 0);
        fixtures.attendance(DEMO_RECOVERY, fixtures.session(DEMO_RECOVERY, x, m0.minusMonths(2).atDay(10)).id(), List.of(c), 7, 0, 0);
        UUID cancelled = fixtures.session(DEMO_RECOVERY, x, m0.minusMonths(2).atDay(12)).id();
        fixtures.attendance(DEMO_RECOVERY, cancelled, List.of(d), 0, 0, 0);
        fixtures.cancel(DEMO_RECOVERY, cancelled);
        fixtures.attendance(DEMO_RECOVERY, fixtures.session(DEMO_RECOVERY, x, m0.minusMonths(12).atDay(5)).id(), List.of(e), 0, 0, 0);
        UUID admin = ((TilfriskUser) accounts.loadUserByUsername("admin@demo.tilfrisk.no")).userId();
        People.asSystem(DEMO_RECOVERY, () -> {
            contact(a, ContactType.ONE_TO_ONE, admin);
            contact(b, ContactType.PHONE, admin);
            contact(b, ContactType.PHONE, admin);
            contacts.voidContact(contact(b, ContactType.PHONE, admin), "Feilregistrert");
            tally(ContactType.PHONE, T.minusDays(7), T.minusDays(1), 37);
            tally(ContactType.MESSAGE, T.minusMonths(13).minusDays(7), T.minusMonths(13), 5);
            return null;
        });
    }

    private UUID contact(UUID person, ContactType type, UUID staff) {
        ContactForm f = new ContactForm();
        f.setPersonId(person);
        f.setDate(T.minusDays(1));
        f.setTime(LocalTime.of(10, 0));
        f.setType(type);
        f.setStaffIds(List.of(staff));
        return contacts.log(UUID.randomUUID(), f);
    }

    private void tally(ContactType type, LocalDate from, LocalDate to, int count) {
        TallyForm t = new TallyForm();
        t.setDepartmentId(departmentId);
        t.setType(type);
        t.setFrom(from);
        t.setTo(to);
        t.setCount(count);
        tallies.record(UUID.randomUUID(), t);
    }

    @Test
    void theFiguresAreTheHandComputedOnes() {
        LocalDate[] period = CoordinatorDashboard.lastTwelveMonths(T);
        assertThat(period[0]).isEqualTo(YearMonth.from(T).minusMonths(11).atDay(1));
        var f = People.asSystem(DEMO_RECOVERY, () -> dashboard.figures(departmentId, period[0], period[1]));
        YearMonth m0 = YearMonth.from(T);
        assertThat(f.participantsPerMonth()).hasSize(12);
        assertThat(f.participantsPerMonth().get(m0)).isEqualTo(2);
        assertThat(f.participantsPerMonth().get(m0.minusMonths(2))).isEqualTo(1);
        assertThat(f.participantsPerMonth().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(3);
        assertThat(f.activities()).extracting(o -> o.activity().name(), o -> o.counts().sessions(), o -> o.counts().attendances())
                .containsExactly(Tuple.tuple("Oversikt X", 2L, 10L),
                        Tuple.tuple("Oversikt Y", 1L, 1L));
        assertThat(f.logged()).containsEntry(ContactType.ONE_TO_ONE, 1L).containsEntry(ContactType.PHONE, 2L)
                .containsEntry(ContactType.MESSAGE, 0L);
        assertThat(f.tallied()).containsEntry(ContactType.PHONE, 37L).containsEntry(ContactType.MESSAGE, 0L)
                .containsEntry(ContactType.ONE_TO_ONE, 0L);
        assertThat(f.outcomes()).hasSize(4).allSatisfy(a -> assertThat(a.denominator()).isZero());
        // volunteers are counted for the whole organisation, not per department
        assertThat(f.volunteers()).isNull();
    }

    @Test
    void theWholeOrganisationShowsItsVolunteersExactly() {
        LocalDate[] period = CoordinatorDashboard.lastTwelveMonths(T);
        var f = People.asSystem(DEMO_RECOVERY, () -> dashboard.figures(null, period[0], period[1]));
        assertThat(f.volunteers().volunteersEngaged()).as("the demo's volunteers").isGreaterThan(4);
        ReportDocument doc = People.asSystem(DEMO_RECOVERY,
                () -> dashboard.document(null, period[0], period[1], Locale.forLanguageTag("nb")));
        ReportDocument.Section volunteers = doc.sections().stream().filter(s -> s.heading().equals("Frivillige"))
                .findFirst().orElseThrow();
        var table = (ReportDocument.Table) volunteers.blocks().get(0);
        // exact, even where a count is below 5: this reader may see persons
        for (var row : table.rows()) {
            assertThat(row.get(1).text()).as(row.get(0).text()).isNotEqualTo(":");
        }
        assertThat(table.rows().get(0).stream().map(ReportDocument.Cell::text).toList())
                .containsExactly("Frivillige engasjert (unike)", Long.toString(f.volunteers().volunteersEngaged()));
    }

    @Test
    void theDocumentHasAChartAndATableForEachAndTheCoordinatorOnlyTheirDepartments() {
        LocalDate[] period = CoordinatorDashboard.lastTwelveMonths(T);
        ReportDocument doc = People.asSystem(DEMO_RECOVERY,
                () -> dashboard.document(departmentId, period[0], period[1], Locale.forLanguageTag("nb")));
        assertThat(doc.sections()).extracting(ReportDocument.Section::heading)
                .containsExactly("Deltakere per måned", "Oppmøte per aktivitet", "Kontakter per type", "Resultater");
        assertThat(doc.sections()).allSatisfy(s -> assertThat(s.blocks().get(0)).isInstanceOf(ReportDocument.Chart.class));
        var contactsTable = doc.tables().stream().map(ReportDocument.Located::table)
                .filter(t -> t.caption().startsWith("Kontakter per type")).findFirst().orElseThrow();
        assertThat(contactsTable.rows()).anySatisfy(r -> assertThat(r.stream().map(ReportDocument.Cell::text).toList())
                .containsExactly("Telefon", "2", "37"));
        var koordinator = accounts.loadUserByUsername("koordinator@demo.tilfrisk.no");
        assertThatThrownBy(() -> People.as(koordinator, () -> Tenancy.runAs(DEMO_RECOVERY,
                () -> dashboard.figures(departmentId, period[0], period[1]))))
                .isInstanceOf(NotFoundException.class);
    }
}
