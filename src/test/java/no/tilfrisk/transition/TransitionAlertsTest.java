package no.tilfrisk.transition;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import no.tilfrisk.People;
import no.tilfrisk.TestClock;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.account.TilfriskUser;
import no.tilfrisk.followup.ContactForm;
import no.tilfrisk.followup.ContactLog;
import no.tilfrisk.followup.ContactType;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.Dates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily alert job on a fixed clock: nothing before 8 weeks; the 8-week, 4-week, 1-week and day alerts to the
 * coordinator (every item not in place) and to a staff member answerable for an item (theirs); a second run the
 * same day makes nothing; items in place are never listed and a ready transition gets none; a moved date closes
 * the old alerts and the next run makes the new date's; no first contact within 7 days is an alert, a contact
 * within them prevents it.
 */
@TilfriskTest
class TransitionAlertsTest {

    static final LocalDate START = LocalDate.of(2031, 3, 3);

    @Autowired
    TestClock.SettableClock clock;
    @Autowired
    Transitions transitions;
    @Autowired
    TransitionAlerts alerts;
    @Autowired
    ContactLog contacts;
    @Autowired
    People people;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;

    UUID coordinator;
    UUID staff;

    @BeforeEach
    void accounts() {
        coordinator = ((TilfriskUser) users.loadUserByUsername("koordinator@demo.tilfrisk.no")).userId();
        staff = ((TilfriskUser) users.loadUserByUsername("ansatt@demo.tilfrisk.no")).userId();
    }

    @AfterEach
    void release() {
        clock.release();
    }

    private void on(LocalDate day) {
        clock.standAt(ZonedDateTime.of(day, LocalTime.of(6, 0), Dates.OSLO));
    }

    private <T> T as(String email, Supplier<T> work) {
        return People.as(users.loadUserByUsername(email), work);
    }

    /** A new transition by the coordinator, expected on {@code expected}, HOUSING given to the staff member. */
    private Transition transition(LocalDate expected) {
        UUID person = people.register(DEMO_RECOVERY, "Skien", "Overgang " + UUID.randomUUID());
        return as("koordinator@demo.tilfrisk.no", () -> {
            UUID id = transitions.create(UUID.randomUUID(), person,
                    new TransitionForm(TransitionKind.PRISON_RELEASE, null, expected));
            ChecklistItem housing = item(id, ChecklistCode.HOUSING);
            transitions.setItem(housing.id(), new ItemForm(ItemStatus.IN_PROGRESS, ResponsibleKind.STAFF, staff, null, null));
            return transitions.get(id).transition();
        });
    }

    private ChecklistItem item(UUID transitionId, ChecklistCode code) {
        return transitions.get(transitionId).items().stream().filter(i -> i.code() == code).findFirst().orElseThrow();
    }

    private void setStatus(Transition t, ChecklistCode code, ItemStatus status) {
        as("koordinator@demo.tilfrisk.no", () -> transitions.updateItem(item(t.id(), code).id(),
                new ItemUpdate(status, null), Actor.STAFF));
    }

    record Row(String step, LocalDate targetDate, UUID recipientId, int items, String closedReason) {
    }

    private List<Row> rows(Transition t) {
        return Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql("""
                        SELECT step, target_date, recipient_id, cardinality(open_items) AS items, closed_reason
                          FROM transition_alert WHERE transition_id = ? ORDER BY created_at, step, recipient_id""")
                .param(t.id()).query(Row.class).list()));
    }

    private List<Row> open(Transition t) {
        return rows(t).stream().filter(r -> r.closedReason() == null).toList();
    }

    @Test
    void theStepsComeAt8And4And1WeeksAndOnTheDayOnceEachToWhoeverAnswersForAnItemNotInPlace() {
        on(START);
        LocalDate expected = START.plusDays(70);
        Transition t = transition(expected);
        setStatus(t, ChecklistCode.GP, ItemStatus.IN_PLACE);

        on(expected.minusDays(57));
        alerts.runDaily();
        assertThat(rows(t)).isEmpty();

        on(expected.minusDays(56));
        alerts.runDaily();
        assertThat(open(t)).containsExactlyInAnyOrder(
                new Row("WEEKS_8", expected, coordinator, 8, null), // nine items, the GP in place
                new Row("WEEKS_8", expected, staff, 1, null));      // the housing only
        alerts.runDaily();
        assertThat(rows(t)).hasSize(2);
        on(expected.minusDays(40));
        alerts.runDaily();
        assertThat(rows(t)).hasSize(2);

        on(expected.minusDays(28));
        alerts.runDaily();
        alerts.runDaily();
        assertThat(open(t)).extracting(Row::step).containsOnly("WEEKS_4").hasSize(2);
        assertThat(rows(t)).filteredOn(r -> r.step().equals("WEEKS_8")).extracting(Row::closedReason).containsOnly("NEXT");

        setStatus(t, ChecklistCode.HOUSING, ItemStatus.IN_PLACE);
        on(expected.minusDays(7));
        alerts.runDaily();
        assertThat(open(t)).filteredOn(r -> r.step().equals("WEEK_1"))
                .containsExactly(new Row("WEEK_1", expected, coordinator, 7, null)); // the staff member's item is in place

        List<AlertTask> mine = as("koordinator@demo.tilfrisk.no", () -> alerts.mine());
        assertThat(mine).filteredOn(a -> a.alert().transitionId().equals(t.id())).singleElement()
                .satisfies(a -> assertThat(a.stillOpen()).extracting(ChecklistItem::code)
                        .doesNotContain(ChecklistCode.GP, ChecklistCode.HOUSING).hasSize(7));

        on(expected);
        alerts.runDaily();
        alerts.runDaily();
        assertThat(rows(t)).filteredOn(r -> r.step().equals("DAY")).hasSize(1);
        assertThat(rows(t)).hasSize(6);
    }

    @Test
    void aTransitionWithEveryItemInPlaceGetsNoAlertAndOneThatBecomesReadyHasItsAlertsClosed() {
        on(START);
        LocalDate expected = START.plusDays(30);
        Transition ready = transition(expected);
        Transition later = transition(expected);
        for (ChecklistCode code : ChecklistCode.defaults()) {
            setStatus(ready, code, code == ChecklistCode.DEBT_LEGAL ? ItemStatus.NOT_NEEDED : ItemStatus.IN_PLACE);
        }
        on(expected.minusDays(28));
        alerts.runDaily();
        assertThat(rows(ready)).isEmpty();
        assertThat(open(later)).hasSize(2);
        for (ChecklistCode code : ChecklistCode.defaults()) {
            setStatus(later, code, ItemStatus.IN_PLACE);
        }
        assertThat(open(later)).isEmpty();
        assertThat(rows(later)).extracting(Row::closedReason).containsOnly("READY");
    }

    @Test
    void aMovedDateClosesTheOldAlertsAndTheNextRunMakesTheNewDates() {
        on(START);
        LocalDate expected = START.plusDays(21);
        Transition t = transition(expected);
        alerts.runDaily();
        assertThat(open(t)).extracting(Row::step, Row::targetDate).containsOnly(org.assertj.core.groups.Tuple.tuple("WEEKS_4", expected));

        LocalDate moved = expected.plusDays(42);
        as("koordinator@demo.tilfrisk.no", () -> {
            transitions.moveDate(t.id(), moved, "Dommen ble forlenget");
            transitions.moveDate(t.id(), moved, "Dommen ble forlenget"); // a double submit moves once
            return null;
        });
        assertThat(open(t)).isEmpty();
        assertThat(rows(t)).extracting(Row::closedReason).containsOnly("MOVED");
        assertThat(as("koordinator@demo.tilfrisk.no", () -> transitions.get(t.id()).moves()))
                .singleElement().satisfies(m -> {
                    assertThat(m.fromDate()).isEqualTo(expected);
                    assertThat(m.toDate()).isEqualTo(moved);
                    assertThat(m.reason()).isEqualTo("Dommen ble forlenget");
                    assertThat(m.movedBy()).isEqualTo(coordinator);
                });

        alerts.runDaily(); // 63 days ahead now: nothing yet
        assertThat(open(t)).isEmpty();
        on(moved.minusDays(56));
        alerts.runDaily();
        assertThat(open(t)).extracting(Row::step, Row::targetDate).containsOnly(org.assertj.core.groups.Tuple.tuple("WEEKS_8", moved));
        on(moved.minusDays(7));
        alerts.runDaily();
        assertThat(open(t)).extracting(Row::step).containsOnly("WEEK_1");
    }

    @Test
    void noFirstContactWithin7DaysIsAnAlertOnceAndAContactWithinThemPreventsIt() {
        on(START);
        LocalDate expected = START.plusDays(2);
        Transition silent = transition(expected);
        Transition met = transition(expected);
        for (Transition t : List.of(silent, met)) {
            for (ChecklistCode code : ChecklistCode.defaults()) {
                setStatus(t, code, ItemStatus.IN_PLACE);
            }
        }
        on(expected.plusDays(7));
        as("koordinator@demo.tilfrisk.no", () -> {
            ContactForm form = new ContactForm();
            form.setPersonId(met.personId());
            form.setDate(expected.plusDays(7));
            form.setTime(LocalTime.of(5, 0));
            form.setType(ContactType.PHONE);
            form.setStaffIds(List.of(coordinator));
            return contacts.log(UUID.randomUUID(), form);
        });
        alerts.runDaily();
        assertThat(rows(silent)).isEmpty();

        on(expected.plusDays(8));
        alerts.runDaily();
        alerts.runDaily();
        assertThat(rows(silent)).containsExactly(new Row("NO_CONTACT", expected, coordinator, 0, null));
        assertThat(rows(met)).isEmpty();
    }
}
