package no.tilfrisk.report.dashboard;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import no.tilfrisk.People;
import no.tilfrisk.TestClock;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.platform.web.Dates;
import no.tilfrisk.report.annual.ReportDocument;
import no.tilfrisk.transition.ChecklistCode;
import no.tilfrisk.transition.ItemStatus;
import no.tilfrisk.transition.ItemUpdate;
import no.tilfrisk.transition.Actor;
import no.tilfrisk.transition.TransitionForm;
import no.tilfrisk.transition.TransitionKind;
import no.tilfrisk.transition.Transitions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The «Overganger» section of the dashboard («Oversikt») over a hand-built year, 2017, when no other test has a
 * transition (the clock stands in 2017 while the fixture is made):
 * <pre>
 * A  release from prison, expected 1 May, housing in place on 20 April     → counted, housed on the day
 * B  discharge from TSB, expected 1 March, housing never in place          → counted, not housed
 * C  release from prison, expected 1 September, cancelled in August        → not counted anywhere
 * </pre>
 * So: TSB 1, prison 1, total 2; housing 1 of 2 (50 %); first contact 0 of 2 (0 %, no contact logged); no alert
 * open on 31 December. The dashboard's reader may see persons, so every figure is exact, 1 included.
 */
@TilfriskTest
class TransitionDashboardSectionTest {

    static final LocalDate FROM = LocalDate.of(2017, 1, 1);
    static final LocalDate TO = LocalDate.of(2017, 12, 31);

    @Autowired
    TestClock.SettableClock clock;
    @Autowired
    Transitions transitions;
    @Autowired
    CoordinatorDashboard dashboard;
    @Autowired
    People people;

    @AfterEach
    void release() {
        clock.release();
    }

    private void on(LocalDate day) {
        clock.standAt(ZonedDateTime.of(day, LocalTime.of(12, 0), Dates.OSLO));
    }

    private UUID transition(TransitionKind kind, LocalDate expected) {
        UUID person = people.register(DEMO_RECOVERY, "Skien", "Oversikt Overgang " + UUID.randomUUID());
        return People.asSystem(DEMO_RECOVERY, () -> transitions.create(UUID.randomUUID(), person,
                new TransitionForm(kind, null, expected)));
    }

    @Test
    void theSectionShowsTheHandCountedYearExactlyWithoutTheCancelledOne() {
        on(LocalDate.of(2017, 2, 20));
        UUID b = transition(TransitionKind.DISCHARGE_TSB, LocalDate.of(2017, 3, 1));
        on(LocalDate.of(2017, 4, 10));
        UUID a = transition(TransitionKind.PRISON_RELEASE, LocalDate.of(2017, 5, 1));
        on(LocalDate.of(2017, 4, 20));
        People.asSystem(DEMO_RECOVERY, () -> transitions.updateItem(transitions.get(a).items().stream()
                .filter(i -> i.code() == ChecklistCode.HOUSING).findFirst().orElseThrow().id(),
                new ItemUpdate(ItemStatus.IN_PLACE, null), Actor.STAFF));
        on(LocalDate.of(2017, 8, 1));
        UUID c = transition(TransitionKind.PRISON_RELEASE, LocalDate.of(2017, 9, 1));
        People.asSystem(DEMO_RECOVERY, () -> {
            transitions.cancel(c, "Dommen ble endret");
            return null;
        });
        on(LocalDate.of(2018, 1, 10));

        ReportDocument doc = People.asSystem(DEMO_RECOVERY,
                () -> dashboard.document(null, FROM, TO, Locale.forLanguageTag("nb")));
        ReportDocument.Section section = doc.sections().stream().filter(s -> s.heading().equals("Overganger"))
                .findFirst().orElseThrow();
        ReportDocument.Table table = (ReportDocument.Table) section.blocks().get(0);
        Map<String, String> values = new LinkedHashMap<>();
        for (List<ReportDocument.Cell> row : table.rows()) {
            values.put(row.get(0).text(), row.get(1).text());
        }
        assertThat(values).containsExactly(
                Map.entry("Utskrivning fra rusbehandling (TSB)", "1"),
                Map.entry("Løslatelse fra fengsel", "1"),
                Map.entry("Overganger i perioden", "2"),
                Map.entry("Bolig på plass på dagen", "1 av 2 (50 %)"),
                Map.entry("Første kontakt innen 7 dager", "0 av 2 (0 %)"),
                Map.entry("Åpne varsler ved periodens slutt", "0"));
        assertThat(table.note()).contains("Avlyste overganger telles ikke med");
    }
}
