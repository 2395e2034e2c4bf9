package no.tilfrisk.outcome;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.organisation.DepartmentForm;
import no.tilfrisk.organisation.Departments;
import no.tilfrisk.platform.web.Dates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A hand-built department of participants and answers, with the numerator, denominator and Wilson interval of each
 * figure worked out by hand (the intervals agree with published tables of the Wilson interval). The period is the
 * last 365 days up to today (T); answers are placed in days before T.
 */
@TilfriskTest
class OutcomeAggregatesTest {

    @Autowired
    People people;
    @Autowired
    Departments departments;
    @Autowired
    Outcomes outcomes;
    @Autowired
    OutcomeAggregates aggregates;
    @Autowired
    Instruments instruments;

    String department;
    UUID departmentId;
    static final LocalDate T = LocalDate.now(Dates.OSLO);

    @BeforeEach
    void department() {
        department = "Fasit " + UUID.randomUUID().toString().substring(0, 8);
        departmentId = People.asSystem(DEMO_RECOVERY, () -> departments.create(UUID.randomUUID(),
                new DepartmentForm(department, "Skien", null)).id());
    }

    @Test
    void achievedAndKeptAbstinence() {
        int[] clean = {0, 0, 0, 0, 0, 0, 1};
        int[] use = {10, 0, 0, 0, 0, 0, 1};
        int[] reducedGoal = {0, 0, 0, 0, 0, 0, 2};
        // in: two clean answers 190 days apart
        answers("A1", "russtatus", Map.of(200, clean, 10, clean));
        // in, not kept: relapsed between two rusfri answers
        answers("A2", "russtatus", Map.of(300, clean, 150, use, 20, clean));
        // out: the goal is reduced use, so abstinence is not their measure
        answers("A3", "russtatus", Map.of(200, reducedGoal, 10, reducedGoal));
        // out: one answer only
        answers("A4", "russtatus", Map.of(30, clean));
        // out: the two answers are 50 days apart, fewer than 90
        answers("A5", "russtatus", Map.of(60, clean, 10, clean));
        // in, kept: the use 500 days ago is before the 12 months up to the latest answer
        answers("A6", "russtatus", Map.of(500, use, 100, clean, 5, clean));
        // out: the latest answer is before the period
        answers("A7", "russtatus", Map.of(400, clean, 380, clean));
        // in, not kept: used at the first answer
        answers("A8", "russtatus", Map.of(200, use, 10, clean));
        // in, kept
        answers("A9", "russtatus", Map.of(120, clean, 15, clean));

        Aggregate a = figure(OutcomeAggregates.ABSTINENCE);
        assertThat(a.numerator()).isEqualTo(3);
        assertThat(a.denominator()).isEqualTo(5);
        assertThat(a.shown()).isTrue();
        assertThat(a.share()).isEqualTo(0.6);
        // Wilson 3/5: 0.2307 – 0.8824
        assertThat(a.low()).isCloseTo(0.230725, within(1e-5));
        assertThat(a.high()).isCloseTo(0.882381, within(1e-5));
        assertThat(a.definitionArgs()).containsExactly(90, 12);
    }

    @Test
    void betterQualityOfLifeAndTooFewForWho5() {
        answers("Q1", "livskvalitet", Map.of(300, new int[] {4}, 20, new int[] {6}));
        answers("Q2", "livskvalitet", Map.of(200, new int[] {5}, 10, new int[] {5}));
        answers("Q3", "livskvalitet", Map.of(100, new int[] {7}, 5, new int[] {6}));
        // out: 45 days apart
        answers("Q4", "livskvalitet", Map.of(50, new int[] {3}, 5, new int[] {9}));
        // in, better by exactly one point; the first answer may be before the period
        answers("Q5", "livskvalitet", Map.of(400, new int[] {2}, 30, new int[] {3}));
        // out: the latest answer is before the period
        answers("Q6", "livskvalitet", Map.of(500, new int[] {5}, 380, new int[] {8}));
        // in, not better: the first and the latest count, not the best in between
        answers("Q7", "livskvalitet", Map.of(250, new int[] {6}, 100, new int[] {7}, 3, new int[] {5}));

        Aggregate q = figure(OutcomeAggregates.QUALITY_OF_LIFE);
        assertThat(q.numerator()).isEqualTo(2);
        assertThat(q.denominator()).isEqualTo(5);
        assertThat(q.share()).isEqualTo(0.4);
        // Wilson 2/5: 0.1176 – 0.7693
        assertThat(q.low()).isCloseTo(0.117619, within(1e-5));
        assertThat(q.high()).isCloseTo(0.769275, within(1e-5));

        // WHO-5: raw 10 (40) → raw 13 (52) is 12 points better; 50 → 56 is 6
        answers("W1", "who-5", Map.of(200, new int[] {2, 2, 2, 2, 2}, 10, new int[] {3, 3, 3, 2, 2}));
        answers("W2", "who-5", Map.of(200, new int[] {3, 3, 3, 2, 2}, 10, new int[] {3, 3, 3, 3, 2}));
        Aggregate w = figure(OutcomeAggregates.WHO5);
        assertThat(w.numerator()).isEqualTo(1);
        assertThat(w.denominator()).isEqualTo(2);
        assertThat(w.shown()).isFalse();
        assertThat(w.share()).isNull();
        assertThat(w.low()).isNull();
        assertThat(w.definitionArgs()).containsExactly(90, 10);
    }

    @Test
    void aGoodAndMeaningfulLifeFollowsTheOrganisationsThreshold() {
        answers("M1", "meningsfullt-liv", Map.of(10, new int[] {8}));
        // the latest in the period counts: 5
        answers("M2", "meningsfullt-liv", Map.of(100, new int[] {9}, 10, new int[] {5}));
        answers("M3", "meningsfullt-liv", Map.of(30, new int[] {7}));
        answers("M4", "meningsfullt-liv", Map.of(20, new int[] {6}));
        // out: before the period
        answers("M5", "meningsfullt-liv", Map.of(400, new int[] {9}));
        answers("M6", "meningsfullt-liv", Map.of(300, new int[] {3}, 200, new int[] {10}));
        answers("M7", "meningsfullt-liv", Map.of(50, new int[] {2}));
        // someone in another department is not counted
        String elsewhere = "Annen " + UUID.randomUUID().toString().substring(0, 8);
        People.asSystem(DEMO_RECOVERY, () -> departments.create(UUID.randomUUID(), new DepartmentForm(elsewhere, null, null)));
        answersIn(elsewhere, "M8", "meningsfullt-liv", Map.of(10, new int[] {10}));

        Aggregate m = figure(OutcomeAggregates.MEANINGFUL);
        assertThat(m.numerator()).isEqualTo(3);
        assertThat(m.denominator()).isEqualTo(6);
        // Wilson 3/6: 0.1876 – 0.8124
        assertThat(m.low()).isCloseTo(0.187616, within(1e-5));
        assertThat(m.high()).isCloseTo(0.812384, within(1e-5));

        OutcomeSettings before = People.asSystem(DEMO_RECOVERY, aggregates::settings);
        try {
            People.asSystem(DEMO_RECOVERY, () -> {
                aggregates.changeSettings(new OutcomeSettings(12, 90, 1, 10, 8));
                return null;
            });
            Aggregate stricter = figure(OutcomeAggregates.MEANINGFUL);
            assertThat(stricter.numerator()).isEqualTo(2);
            assertThat(stricter.definitionArgs()).containsExactly(8);
        } finally {
            People.asSystem(DEMO_RECOVERY, () -> {
                aggregates.changeSettings(before);
                return null;
            });
        }
    }

    @Test
    void wilsonAtTheEdges() {
        double[] none = Wilson.interval95(0, 10);
        assertThat(none[0]).isZero();
        assertThat(none[1]).isCloseTo(0.277533, within(1e-5));
        double[] all = Wilson.interval95(10, 10);
        assertThat(all[0]).isCloseTo(0.722467, within(1e-5));
        assertThat(all[1]).isEqualTo(1.0);
    }

    private Aggregate figure(String key) {
        List<Aggregate> all = People.asSystem(DEMO_RECOVERY, () -> aggregates.forPeriod(departmentId, T.minusDays(365), T));
        return all.stream().filter(a -> a.key().equals(key)).findFirst().orElseThrow();
    }

    private void answers(String name, String instrumentId, Map<Integer, int[]> byDaysAgo) {
        answersIn(department, name, instrumentId, byDaysAgo);
    }

    private void answersIn(String departmentName, String name, String instrumentId, Map<Integer, int[]> byDaysAgo) {
        UUID person = people.register(DEMO_RECOVERY, departmentName, name + " " + UUID.randomUUID().toString().substring(0, 4));
        Instrument instrument = instruments.find(instrumentId).orElseThrow();
        People.asSystem(DEMO_RECOVERY, () -> {
            byDaysAgo.forEach((daysAgo, values) -> {
                Map<String, Integer> answers = new HashMap<>();
                for (int i = 0; i < values.length; i++) {
                    answers.put(instrument.items().get(i).id(), values[i]);
                }
                Response r = outcomes.record(UUID.randomUUID(), person, ResponseForm.of(instrumentId, T.minusDays(daysAgo), answers));
                assertThat(r.score().computed()).isTrue();
            });
            return null;
        });
    }
}
