package no.tilfrisk.leisure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.platform.web.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The method's rules without a database: the order of the six steps, passing over, the six-month rule, due dates. */
class InclusionRulesTest {

    static final LocalDate START = LocalDate.of(2026, 1, 5);
    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    static StepForm step(Step s, boolean skipped, String note) {
        StepForm f = new StepForm();
        f.setStep(s);
        f.setDoneOn(START.plusDays(1));
        f.setSkipped(skipped);
        f.setNote(note);
        if (s == Step.CHOICE) {
            f.setClubId(UUID.randomUUID());
        }
        if (s == Step.FACILITATOR) {
            f.setFacilitatorId(UUID.randomUUID());
        }
        return f;
    }

    static List<String> codes(List<InvalidInputException> broken) {
        return broken.stream().map(e -> e.field() + ":" + e.code()).toList();
    }

    @Test
    void theSixStepsAreTakenInTheirOrderAndNoneIsSkippedWithoutAReason() {
        Set<Step> reached = EnumSet.noneOf(Step.class);
        // the first step needs nothing before it
        assertThat(InclusionRules.checkStep(step(Step.INFORMATION_MEETING, false, null), reached, START, TODAY)).isEmpty();
        // the third before the first and second: refused, naming the first missing step (1)
        List<InvalidInputException> broken = InclusionRules.checkStep(step(Step.ACTIVITY_MAPPING, false, null), reached, START, TODAY);
        assertThat(codes(broken)).containsExactly("step:leisure.step.order");
        assertThat(broken.get(0).args()).containsExactly(1);
        reached.add(Step.INFORMATION_MEETING);
        assertThat(InclusionRules.checkStep(step(Step.ACTIVITY_MAPPING, false, null), reached, START, TODAY).get(0).args())
                .containsExactly(2);
        // passing over step 2 needs a reason; with one it opens step 3
        assertThat(codes(InclusionRules.checkStep(step(Step.WISHES, true, "  "), reached, START, TODAY)))
                .containsExactly("note:leisure.step.skip.reason");
        assertThat(InclusionRules.checkStep(step(Step.WISHES, true, "Kartlagt i planen"), reached, START, TODAY)).isEmpty();
        reached.add(Step.WISHES);
        assertThat(InclusionRules.checkStep(step(Step.ACTIVITY_MAPPING, false, null), reached, START, TODAY)).isEmpty();
        // a step already taken may be taken again
        assertThat(InclusionRules.checkStep(step(Step.INFORMATION_MEETING, false, null), reached, START, TODAY)).isEmpty();
        // the follow-up can never be passed over
        reached.addAll(List.of(Step.ACTIVITY_MAPPING, Step.CHOICE, Step.FACILITATOR));
        assertThat(codes(InclusionRules.checkStep(step(Step.FOLLOW_UP, true, "grunn"), reached, START, TODAY)))
                .containsExactly("skipped:leisure.step.skip.followUp");
        assertThat(InclusionRules.next(reached)).isEqualTo(Step.FOLLOW_UP);
        assertThat(InclusionRules.furthest(reached)).isEqualTo(Step.FACILITATOR);
    }

    @Test
    void aChoiceNamesAClubAFacilitatorStepAPersonAndNoStepLiesInTheFutureOrBeforeTheStart() {
        Set<Step> all = EnumSet.allOf(Step.class);
        StepForm choice = step(Step.CHOICE, false, null);
        choice.setClubId(null);
        assertThat(codes(InclusionRules.checkStep(choice, all, START, TODAY))).containsExactly("clubId:leisure.step.club.required");
        StepForm facilitator = step(Step.FACILITATOR, false, null);
        facilitator.setFacilitatorId(null);
        assertThat(codes(InclusionRules.checkStep(facilitator, all, START, TODAY)))
                .containsExactly("facilitatorId:leisure.step.facilitator.required");
        StepForm future = step(Step.INFORMATION_MEETING, false, null);
        future.setDoneOn(TODAY.plusDays(1));
        assertThat(codes(InclusionRules.checkStep(future, all, START, TODAY))).containsExactly("doneOn:leisure.date.future");
        StepForm early = step(Step.INFORMATION_MEETING, false, null);
        early.setDoneOn(START.minusDays(1));
        assertThat(codes(InclusionRules.checkStep(early, all, START, TODAY))).containsExactly("doneOn:leisure.step.doneOn.beforeStart");
    }

    static Process process(LocalDate followUpFrom) {
        return new Process(UUID.randomUUID(), UUID.randomUUID(), START, null, null, null, followUpFrom, null, null, null);
    }

    static EndForm end(Outcome o, LocalDate on, String note) {
        EndForm f = new EndForm();
        f.setOutcome(o);
        f.setEndedOn(on);
        f.setNote(note);
        return f;
    }

    @Test
    void aProcessEndsAsStillActiveOnlyAfterSixMonthsOfFollowUp() {
        LocalDate followUp = LocalDate.of(2026, 3, 31);
        // six months from 31 March is 30 September: the day before is too early, the day itself is enough
        assertThat(codes(InclusionRules.checkEnd(end(Outcome.STILL_ACTIVE, LocalDate.of(2026, 9, 29), null), process(followUp), TODAY)))
                .containsExactly("outcome:leisure.end.sixMonths");
        assertThat(InclusionRules.checkEnd(end(Outcome.STILL_ACTIVE, LocalDate.of(2026, 9, 30), null), process(followUp), TODAY)).isEmpty();
        // no follow-up at all: never «still active»
        assertThat(codes(InclusionRules.checkEnd(end(Outcome.STILL_ACTIVE, TODAY, null), process(null), TODAY)))
                .containsExactly("outcome:leisure.end.sixMonths");
        // the other outcomes need no six months; «stopped» needs its reason
        assertThat(InclusionRules.checkEnd(end(Outcome.WORK_OR_STUDIES, LocalDate.of(2026, 4, 10), null), process(followUp), TODAY)).isEmpty();
        assertThat(codes(InclusionRules.checkEnd(end(Outcome.STOPPED, LocalDate.of(2026, 4, 10), " "), process(followUp), TODAY)))
                .containsExactly("note:leisure.end.reason");
        assertThat(InclusionRules.checkEnd(end(Outcome.STOPPED, LocalDate.of(2026, 4, 10), "Flyttet"), process(followUp), TODAY)).isEmpty();
        // and not in the future
        assertThat(codes(InclusionRules.checkEnd(end(Outcome.CHANGED_ACTIVITY, TODAY.plusDays(1), null), process(followUp), TODAY)))
                .containsExactly("endedOn:leisure.date.future");
    }

    @Test
    void theCheckInsFallDueAtTwoWeeksAndOneThreeSixAndTwelveMonthsFromTheFollowUpsFirstDay() {
        LocalDate from = LocalDate.of(2026, 1, 31);
        List<CheckInAnswer> answers = new ArrayList<>();
        answers.add(new CheckInAnswer(CheckInDue.WEEK_2, LocalDate.of(2026, 2, 14), 7, true, false, true));
        List<InclusionRules.CheckInSlot> slots = InclusionRules.checkIns(from, answers);
        assertThat(slots).extracting(InclusionRules.CheckInSlot::on).containsExactly(
                LocalDate.of(2026, 2, 14),   // 2 weeks
                LocalDate.of(2026, 2, 28),   // 1 month from 31 January: the last day of February
                LocalDate.of(2026, 4, 30),   // 3 months: 30 April
                LocalDate.of(2026, 7, 31),   // 6 months
                LocalDate.of(2027, 1, 31));  // 12 months
        assertThat(slots).extracting(InclusionRules.CheckInSlot::answered).containsExactly(true, false, false, false, false);
        assertThat(InclusionRules.checkIns(null, answers)).isEmpty();
    }

    @Test
    void aCheckInRatingIsFromZeroToTenAndBothQuestionsAreAnswered() {
        CheckInForm f = new CheckInForm();
        f.setRating(11);
        assertThat(codes(InclusionRules.checkAnswer(f))).containsExactly("rating:leisure.checkIn.rating.range",
                "stillTakingPart:leisure.checkIn.answer.required", "valuedRole:leisure.checkIn.answer.required");
        f.setRating(-1);
        f.setStillTakingPart(true);
        f.setValuedRole(false);
        assertThat(codes(InclusionRules.checkAnswer(f))).containsExactly("rating:leisure.checkIn.rating.range");
        f.setRating(0);
        assertThat(InclusionRules.checkAnswer(f)).isEmpty();
        f.setRating(10);
        assertThat(InclusionRules.checkAnswer(f)).isEmpty();
    }
}
