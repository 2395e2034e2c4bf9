package no.tilfrisk.leisure;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static no.tilfrisk.Demo.OTHER_ORGANISATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import no.tilfrisk.People;
import no.tilfrisk.TestClock;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.platform.web.Dates;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The leisure services on the real database: a process through its steps, the six-month rule and the check-ins on
 * a fixed clock, decisions and hours, loans, and bad input (a clear field message, nothing half-saved, a double
 * submit creates nothing twice, another organisation's ids are unknown).
 */
@TilfriskTest
class LeisureServicesTest {

    @Autowired
    LeisureFixtures fixtures;
    @Autowired
    People people;
    @Autowired
    Inclusions inclusions;
    @Autowired
    Decisions decisions;
    @Autowired
    Lending lending;
    @Autowired
    TestClock.SettableClock clock;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;

    @AfterEach
    void release() {
        clock.release();
    }

    static <T> T as(Supplier<T> work) {
        return People.asSystem(DEMO_RECOVERY, work);
    }

    static List<String> fields(Runnable r) {
        try {
            r.run();
        } catch (InvalidInputException e) {
            return e.all().stream().map(x -> x.field() + ":" + x.code()).toList();
        }
        throw new AssertionError("no InvalidInputException");
    }

    long count(String sql, Object... params) {
        return People.asSystem(DEMO_RECOVERY, () -> tx.execute(s -> db.sql(sql).params(params).query(Long.class).single()));
    }

    @Test
    void aProcessGoesThroughTheStepsInOrderAndEndsAsStillActiveOnlyAfterSixMonths() {
        // 7 December 2026, 10:00 in Oslo
        clock.standAt(ZonedDateTime.of(2026, 12, 7, 10, 0, 0, 0, Dates.OSLO));
        UUID participant = people.register(DEMO_RECOVERY, "Skien", "Prosess " + UUID.randomUUID());
        UUID club = fixtures.club(DEMO_RECOVERY, "Skien Turlag " + UUID.randomUUID());
        UUID facilitator = fixtures.facilitator(DEMO_RECOVERY, "Skien", "Kari Tilrettelegger");
        UUID process = fixtures.process(DEMO_RECOVERY, participant, 300);
        // step 3 before 1 and 2: refused, nothing saved
        StepForm third = new StepForm();
        third.setStep(Step.ACTIVITY_MAPPING);
        third.setDoneOn(LocalDate.of(2026, 3, 1));
        assertThat(fields(() -> as(() -> inclusions.recordStep(UUID.randomUUID(), process, third))))
                .containsExactly("step:leisure.step.order");
        assertThat(count("SELECT count(*) FROM leisure_step WHERE process_id = ?", process)).isZero();
        // steps 1–5 on 1 March, the follow-up from 1 April
        fixtures.stepsTo(DEMO_RECOVERY, process, Step.FACILITATOR, LocalDate.of(2026, 3, 1), club, facilitator);
        StepForm follow = new StepForm();
        follow.setStep(Step.FOLLOW_UP);
        follow.setDoneOn(LocalDate.of(2026, 6, 10));
        UUID followId = UUID.randomUUID();
        as(() -> inclusions.recordStep(followId, process, follow));
        as(() -> inclusions.recordStep(followId, process, follow)); // a double submit
        ProcessView view = as(() -> inclusions.view(process));
        assertThat(view.steps()).hasSize(6);
        assertThat(view.club().id()).isEqualTo(club);
        assertThat(view.facilitatorName()).isEqualTo("Kari Tilrettelegger");
        assertThat(view.process().followUpFrom()).isEqualTo(LocalDate.of(2026, 6, 10));
        assertThat(view.furthest()).isEqualTo(Step.FOLLOW_UP);
        // the six-month rule: 10 June + 6 months = 10 December, after today
        EndForm end = new EndForm();
        end.setOutcome(Outcome.STILL_ACTIVE);
        end.setEndedOn(LocalDate.of(2026, 12, 7));
        assertThat(fields(() -> as(() -> {
            inclusions.end(process, end);
            return null;
        }))).containsExactly("outcome:leisure.end.sixMonths");
        assertThat(as(() -> inclusions.view(process)).process().open()).isTrue();
        clock.standAt(ZonedDateTime.of(2026, 12, 10, 10, 0, 0, 0, Dates.OSLO));
        end.setEndedOn(LocalDate.of(2026, 12, 10));
        as(() -> {
            inclusions.end(process, end);
            return null;
        });
        Process ended = as(() -> inclusions.view(process)).process();
        assertThat(ended.outcome()).isEqualTo(Outcome.STILL_ACTIVE);
        assertThat(ended.endedOn()).isEqualTo(LocalDate.of(2026, 12, 10));
    }

    @Test
    void checkInsFallDueOnTheirDaysOnStaffsListAndAreAnsweredOnce() {
        clock.standAt(ZonedDateTime.of(2026, 5, 1, 9, 0, 0, 0, Dates.OSLO));
        UUID participant = people.register(DEMO_RECOVERY, "Skien", "Oppfølging " + UUID.randomUUID());
        UUID club = fixtures.club(DEMO_RECOVERY, "Kor " + UUID.randomUUID());
        UUID facilitator = fixtures.facilitator(DEMO_RECOVERY, "Skien", "Fasilitator " + UUID.randomUUID());
        UUID process = fixtures.process(DEMO_RECOVERY, participant, 100);
        fixtures.stepsTo(DEMO_RECOVERY, process, Step.FOLLOW_UP, LocalDate.of(2026, 1, 31), club, facilitator);
        // on 1 May: 2 weeks (14 Feb), 1 month (28 Feb) and 3 months (30 April) are due; 6 months (31 July) not yet
        List<DueCheckIn> due = as(() -> inclusions.checkInsDue(LocalDate.of(2026, 5, 1))).stream()
                .filter(d -> d.processId().equals(process)).toList();
        assertThat(due).extracting(DueCheckIn::due).containsExactly(CheckInDue.WEEK_2, CheckInDue.MONTH_1, CheckInDue.MONTH_3);
        assertThat(due).extracting(DueCheckIn::on).containsExactly(LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 28),
                LocalDate.of(2026, 4, 30));
        fixtures.answer(DEMO_RECOVERY, process, CheckInDue.WEEK_2, 6, true, false);
        // the same answer again (a double submit) changes nothing
        fixtures.answer(DEMO_RECOVERY, process, CheckInDue.WEEK_2, 2, false, true);
        assertThat(count("SELECT count(*) FROM leisure_check_in WHERE process_id = ?", process)).isOne();
        assertThat(count("SELECT rating FROM leisure_check_in WHERE process_id = ?", process)).isEqualTo(6);
        assertThat(as(() -> inclusions.checkInsDue(LocalDate.of(2026, 5, 1))).stream()
                .filter(d -> d.processId().equals(process)).map(DueCheckIn::due)).containsExactly(CheckInDue.MONTH_1, CheckInDue.MONTH_3);
        // the 6-month check-in cannot be answered in May; a rating of 11 is refused on its field
        assertThat(fields(() -> fixtures.answer(DEMO_RECOVERY, process, CheckInDue.MONTH_6, 5, true, true)))
                .containsExactly("rating:leisure.checkIn.notYet");
        assertThat(fields(() -> fixtures.answer(DEMO_RECOVERY, process, CheckInDue.MONTH_1, 11, true, true)))
                .containsExactly("rating:leisure.checkIn.rating.range");
        assertThat(count("SELECT count(*) FROM leisure_check_in WHERE process_id = ?", process)).isOne();
    }

    @Test
    void aCheckInCarriesTheDayItWasAnsweredTodayUnlessToldNeitherAheadNorBeforeTheProcess() {
        clock.standAt(ZonedDateTime.of(2026, 5, 1, 9, 0, 0, 0, Dates.OSLO));
        UUID participant = people.register(DEMO_RECOVERY, "Skien", "Svardato " + UUID.randomUUID());
        UUID club = fixtures.club(DEMO_RECOVERY, "Svardato " + UUID.randomUUID());
        UUID facilitator = fixtures.facilitator(DEMO_RECOVERY, "Skien", "Fasilitator " + UUID.randomUUID());
        UUID process = fixtures.process(DEMO_RECOVERY, participant, 100); // begun 21 January 2026
        fixtures.stepsTo(DEMO_RECOVERY, process, Step.FOLLOW_UP, LocalDate.of(2026, 1, 31), club, facilitator);
        // tomorrow, and the day before the process began: each refused on its own field, with the rating's own
        CheckInForm ahead = LeisureFixtures.checkIn(11, true, true);
        ahead.setAnsweredOn(LocalDate.of(2026, 5, 2));
        assertThat(fields(() -> as(() -> {
            inclusions.answerCheckIn(process, CheckInDue.MONTH_1, ahead);
            return null;
        }))).containsExactly("rating:leisure.checkIn.rating.range", "answeredOn:leisure.checkIn.answeredOn.future");
        CheckInForm before = LeisureFixtures.checkIn(7, true, true);
        before.setAnsweredOn(LocalDate.of(2026, 1, 20));
        assertThat(fields(() -> as(() -> {
            inclusions.answerCheckIn(process, CheckInDue.MONTH_1, before);
            return null;
        }))).containsExactly("answeredOn:leisure.checkIn.answeredOn.beforeStart");
        assertThat(count("SELECT count(*) FROM leisure_check_in WHERE process_id = ?", process)).isZero();
        // the day it began is allowed; a check-in told afterwards keeps the day it was given, one left out is today
        CheckInForm told = LeisureFixtures.checkIn(7, true, true);
        told.setAnsweredOn(LocalDate.of(2026, 3, 2));
        as(() -> {
            inclusions.answerCheckIn(process, CheckInDue.MONTH_1, told);
            return null;
        });
        CheckInForm first = LeisureFixtures.checkIn(6, true, false);
        first.setAnsweredOn(LocalDate.of(2026, 1, 21));
        as(() -> {
            inclusions.answerCheckIn(process, CheckInDue.WEEK_2, first);
            return null;
        });
        fixtures.answer(DEMO_RECOVERY, process, CheckInDue.MONTH_3, 8, true, true);
        assertThat(as(() -> inclusions.view(process)).checkIns().stream().filter(InclusionRules.CheckInSlot::answered)
                .map(c -> c.due() + " " + c.answer().answeredOn()))
                .containsExactly("WEEK_2 2026-01-21", "MONTH_1 2026-03-02", "MONTH_3 2026-05-01");
        // ended, so that its later check-ins stay off the task lists of later classes
        EndForm end = new EndForm();
        end.setOutcome(Outcome.STOPPED);
        end.setEndedOn(LocalDate.of(2026, 5, 1));
        end.setNote("Testen er ferdig");
        as(() -> {
            inclusions.end(process, end);
            return null;
        });
    }

    @Test
    void aDecisionsDatesAndHoursAreCheckedAndItWarnsThirtyDaysBeforeItEnds() {
        clock.standAt(ZonedDateTime.of(2026, 6, 10, 9, 0, 0, 0, Dates.OSLO));
        UUID participant = people.register(DEMO_RECOVERY, "Skien", "Vedtak " + UUID.randomUUID());
        UUID process = fixtures.process(DEMO_RECOVERY, participant, 60);
        // an end before the start: refused on the end's field, nothing saved
        assertThat(fields(() -> as(() -> decisions.add(UUID.randomUUID(), process,
                LeisureFixtures.decisionForm(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 5, 1), "3")))))
                .containsExactly("validTo:leisure.decision.validTo.beforeFrom");
        assertThat(count("SELECT count(*) FROM leisure_decision WHERE process_id = ?", process)).isZero();
        UUID decision = fixtures.decision(DEMO_RECOVERY, process, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 7, 10), "3");
        assertThat(as(() -> inclusions.view(process)).decisionEndsSoon()).isTrue();
        // 2 hours on Monday 8 June, 1 on Wednesday: the week's 3; one more that week is beyond the decision
        HoursForm h = new HoursForm();
        h.setUsedOn(LocalDate.of(2026, 6, 8));
        h.setHours(new BigDecimal("2"));
        UUID first = UUID.randomUUID();
        as(() -> decisions.logHours(first, process, decision, h));
        as(() -> decisions.logHours(first, process, decision, h)); // a double submit
        h.setUsedOn(LocalDate.of(2026, 6, 10));
        h.setHours(BigDecimal.ONE);
        as(() -> decisions.logHours(UUID.randomUUID(), process, decision, h));
        h.setHours(new BigDecimal("0.5"));
        assertThat(fields(() -> as(() -> decisions.logHours(UUID.randomUUID(), process, decision, h))))
                .containsExactly("hours:leisure.hours.beyond");
        // the next week has room again; a day outside the decision has none
        h.setUsedOn(LocalDate.of(2026, 6, 1));
        as(() -> decisions.logHours(UUID.randomUUID(), process, decision, h));
        h.setUsedOn(LocalDate.of(2025, 12, 31));
        assertThat(fields(() -> as(() -> decisions.logHours(UUID.randomUUID(), process, decision, h))))
                .containsExactly("usedOn:leisure.hours.outside");
        assertThat(as(() -> inclusions.view(process)).decisions().get(0).hoursUsed()).isEqualByComparingTo("3.5");
        // hours against a decision named under another process: not found
        UUID other = fixtures.process(DEMO_RECOVERY, people.register(DEMO_RECOVERY, "Skien", "Annen " + UUID.randomUUID()), 10);
        assertThatThrownBy(() -> as(() -> decisions.logHours(UUID.randomUUID(), other, decision, h)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void anItemIsLentToOneAtATimeReturnedNotBeforeTheLoanAndOverdueAfterItsDay() {
        clock.standAt(ZonedDateTime.of(2026, 9, 1, 9, 0, 0, 0, Dates.OSLO));
        UUID ola = people.register(DEMO_RECOVERY, "Skien", "Låner " + UUID.randomUUID());
        UUID kari = people.register(DEMO_RECOVERY, "Skien", "Låner " + UUID.randomUUID());
        UUID camera = fixtures.item(DEMO_RECOVERY, "Skien", "Kamera " + UUID.randomUUID());
        UUID loan = fixtures.loan(DEMO_RECOVERY, camera, ola, LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 20));
        assertThat(as(() -> lending.overdue()).stream().map(Loan::id)).contains(loan);
        // lent twice at once: refused on the item
        assertThat(fields(() -> fixtures.loan(DEMO_RECOVERY, camera, kari, LocalDate.of(2026, 8, 15), LocalDate.of(2026, 9, 20))))
                .containsExactly("equipmentId:leisure.loan.lentAlready");
        // a return before the loan: refused, nothing changed
        ReturnForm back = new ReturnForm();
        back.setReturnedOn(LocalDate.of(2026, 7, 31));
        back.setCondition(Condition.WORN);
        assertThat(fields(() -> as(() -> {
            lending.giveBack(loan, back);
            return null;
        }))).containsExactly("returnedOn:leisure.loan.beforeLoan");
        assertThat(count("SELECT count(*) FROM leisure_loan WHERE id = ? AND returned_on IS NULL", loan)).isOne();
        back.setReturnedOn(LocalDate.of(2026, 8, 25));
        as(() -> {
            lending.giveBack(loan, back);
            lending.giveBack(loan, back); // a double submit
            return null;
        });
        assertThat(as(() -> lending.overdue()).stream().map(Loan::id)).doesNotContain(loan);
        assertThat(as(() -> lending.items()).stream().filter(i -> i.id().equals(camera)).findFirst().orElseThrow().condition())
                .isEqualTo(Condition.WORN);
        // a loan overlapping the returned one's days is refused; from its return day on it is fine
        assertThat(fields(() -> fixtures.loan(DEMO_RECOVERY, camera, kari, LocalDate.of(2026, 8, 24), LocalDate.of(2026, 9, 20))))
                .containsExactly("equipmentId:leisure.loan.lentAlready");
        UUID again = fixtures.loan(DEMO_RECOVERY, camera, kari, LocalDate.of(2026, 8, 25), LocalDate.of(2026, 9, 20));
        assertThat(again).isNotNull();
        // an expected return before the loan
        UUID tent = fixtures.item(DEMO_RECOVERY, "Skien", "Telt " + UUID.randomUUID());
        assertThat(fields(() -> fixtures.loan(DEMO_RECOVERY, tent, kari, LocalDate.of(2026, 8, 25), LocalDate.of(2026, 8, 1))))
                .containsExactly("expectedReturn:leisure.loan.beforeLoan");
    }

    @Test
    void anotherOrganisationsIdsAreUnknownAndBadInputSavesNothing() {
        UUID participant = people.register(DEMO_RECOVERY, "Skien", "Fremmed " + UUID.randomUUID());
        UUID process = fixtures.process(DEMO_RECOVERY, participant, 30);
        UUID otherClub = fixtures.club(OTHER_ORGANISATION, "Annen klubb " + UUID.randomUUID());
        UUID otherFacilitator = fixtures.facilitator(OTHER_ORGANISATION, "Bergen", "Annen tilrettelegger");
        UUID otherItem = fixtures.item(OTHER_ORGANISATION, "Bergen", "Annet kamera");
        UUID otherParticipant = people.register(OTHER_ORGANISATION, "Bergen", "Annen deltaker");
        fixtures.stepsTo(DEMO_RECOVERY, process, Step.ACTIVITY_MAPPING, fixtures.today().minusDays(10), null, null);
        StepForm choice = new StepForm();
        choice.setStep(Step.CHOICE);
        choice.setDoneOn(fixtures.today());
        choice.setClubId(otherClub);
        assertThat(fields(() -> as(() -> inclusions.recordStep(UUID.randomUUID(), process, choice))))
                .containsExactly("clubId:leisure.step.club.unknown");
        choice.setClubId(fixtures.club(DEMO_RECOVERY, "Egen klubb " + UUID.randomUUID()));
        as(() -> inclusions.recordStep(UUID.randomUUID(), process, choice));
        StepForm facilitator = new StepForm();
        facilitator.setStep(Step.FACILITATOR);
        facilitator.setDoneOn(fixtures.today());
        facilitator.setFacilitatorId(otherFacilitator);
        assertThat(fields(() -> as(() -> inclusions.recordStep(UUID.randomUUID(), process, facilitator))))
                .containsExactly("facilitatorId:leisure.step.facilitator.unknown");
        // a participant (not a facilitator) named as facilitator
        facilitator.setFacilitatorId(people.register(DEMO_RECOVERY, "Skien", "Ikke tilrettelegger"));
        assertThat(fields(() -> as(() -> inclusions.recordStep(UUID.randomUUID(), process, facilitator))))
                .containsExactly("facilitatorId:leisure.step.facilitator.unknown");
        assertThat(count("SELECT count(*) FROM leisure_step WHERE process_id = ? AND step = 'FACILITATOR'", process)).isZero();
        assertThat(fields(() -> fixtures.loan(DEMO_RECOVERY, otherItem, participant, fixtures.today(), fixtures.today())))
                .containsExactly("equipmentId:leisure.loan.item.required");
        assertThatThrownBy(() -> fixtures.process(DEMO_RECOVERY, otherParticipant, 1)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(() -> inclusions.view(UUID.randomUUID()))).isInstanceOf(NotFoundException.class);
        // a second open process for the same participant
        assertThat(fields(() -> fixtures.process(DEMO_RECOVERY, participant, 1)))
                .containsExactly("participantId:leisure.process.open");
    }
}
