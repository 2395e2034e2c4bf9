package no.tilfrisk.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** Hand-computed scores of every built-in instrument, with the edges: all minimum, all maximum, one item missing. */
class ScoringTest {

    static final Instruments INSTRUMENTS = new Instruments();

    @Test
    void theBuiltInInstrumentsAreLoadedInTheirOrderWithTheirVersions() {
        assertThat(INSTRUMENTS.all().stream().map(Instrument::key).toList()).startsWith(
                "who-5@1", "barc-10@1", "russtatus@1", "livskvalitet@1", "meningsfullt-liv@1");
        Instrument barc = INSTRUMENTS.find("barc-10").orElseThrow();
        assertThat(barc.items()).hasSize(10);
        assertThat(barc.translation().nb()).contains("prosjektets egen oversettelse");
        assertThat(INSTRUMENTS.find("who-5").orElseThrow().translation().nb()).contains("tro gjengivelse");
        assertThat(INSTRUMENTS.find("who-5", 2)).isEmpty();
        assertThat(INSTRUMENTS.find("russtatus").orElseThrow().item("goal").orElseThrow().choice()).isTrue();
    }

    @Test
    void anAnswerIsAWholeNumberOnTheItemsScaleOrNothingNeverRounded() {
        Instrument.Scale zeroToFour = new Instrument.Scale(0, 4, Map.of());
        assertThat(zeroToFour.valueOf("3")).contains(3);
        assertThat(zeroToFour.valueOf(" 4 ")).contains(4);
        assertThat(zeroToFour.valueOf("0")).contains(0);
        assertThat(zeroToFour.valueOf("2.0")).as("a whole number written with a decimal").contains(2);
        assertThat(zeroToFour.valueOf("2.5")).as("not rounded, not cut off").isEmpty();
        assertThat(zeroToFour.valueOf("3.9999999999999999999")).isEmpty();
        assertThat(zeroToFour.valueOf("0.1")).isEmpty();
        assertThat(zeroToFour.valueOf("2,5")).isEmpty();
        assertThat(zeroToFour.valueOf("7")).as("above the scale").isEmpty();
        assertThat(zeroToFour.valueOf("-1")).as("below the scale").isEmpty();
        assertThat(zeroToFour.valueOf("abc")).isEmpty();
        assertThat(zeroToFour.valueOf("")).isEmpty();
        assertThat(zeroToFour.valueOf(null)).isEmpty();
        assertThat(zeroToFour.valueOf("1e999999999")).isEmpty();
        assertThat(zeroToFour.valueOf("1e-999999999")).isEmpty();
        assertThat(new Instrument.Scale(0, 28, Map.of()).valueOf("28")).contains(28);
    }

    @Test
    void who5IsTheSumTimesFourWithItsCutOffs() {
        Instrument who5 = INSTRUMENTS.find("who-5").orElseThrow();
        Score min = score(who5, 0, 0, 0, 0, 0);
        assertThat(min.value()).isZero();
        assertThat(min.raw()).isZero();
        assertThat(who5.reached(min.value()).stream().map(Instrument.CutOff::key)).containsExactly("poor", "depression");
        Score max = score(who5, 5, 5, 5, 5, 5);
        assertThat(max.value()).isEqualTo(100);
        assertThat(max.raw()).isEqualTo(25);
        assertThat(who5.reached(max.value())).isEmpty();
        // 3 + 4 + 2 + 5 + 1 = 15; × 4 = 60: above both cut-offs
        assertThat(score(who5, 3, 4, 2, 5, 1).value()).isEqualTo(60);
        // 2 + 3 + 2 + 3 + 2 = 12 → 48: poor wellbeing, not likely depression
        assertThat(who5.reached(score(who5, 2, 3, 2, 3, 2).value()).stream().map(Instrument.CutOff::key)).containsExactly("poor");
        // 7 → 28: the depression cut-off is «28 or below»
        assertThat(who5.reached(score(who5, 1, 2, 1, 2, 1).value()).stream().map(Instrument.CutOff::key)).contains("depression");
        Map<String, Integer> oneMissing = answers(who5, 3, 4, 2, 5, 1);
        oneMissing.remove("rested");
        Score missing = INSTRUMENTS.score(who5, oneMissing);
        assertThat(missing.computed()).isFalse();
        assertThat(missing.value()).isNull();
        assertThat(missing.missingItems()).containsExactly("rested");
        assertThat(missing.missingReason()).isEqualTo(Score.MISSING_ITEMS);
    }

    @Test
    void barc10IsTheSumFrom10To60With47AsTheRemissionCutOff() {
        Instrument barc = INSTRUMENTS.find("barc-10").orElseThrow();
        assertThat(score(barc, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1).value()).isEqualTo(10);
        assertThat(score(barc, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6).value()).isEqualTo(60);
        // 5+5+4+5+6+4+5+5+4+4 = 47
        Score at = score(barc, 5, 5, 4, 5, 6, 4, 5, 5, 4, 4);
        assertThat(at.value()).isEqualTo(47);
        assertThat(barc.reached(at.value()).stream().map(Instrument.CutOff::key)).containsExactly("remission");
        // one less: 46
        assertThat(barc.reached(score(barc, 5, 5, 4, 5, 6, 4, 5, 5, 4, 3).value())).isEmpty();
        Map<String, Integer> missing = answers(barc, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6);
        missing.remove("progress");
        assertThat(INSTRUMENTS.score(barc, missing).missingItems()).containsExactly("progress");
        assertThat(INSTRUMENTS.score(barc, missing).value()).isNull();
    }

    @Test
    void russtatusDerivesTheStatusFromTheDaysAndKeepsTheGoal() {
        Instrument rus = INSTRUMENTS.find("russtatus").orElseThrow();
        // alcohol, cannabis, opioids, stimulants, sedatives, other, goal
        Score clean = score(rus, 0, 0, 0, 0, 0, 0, 1);
        assertThat(clean.value()).isZero();
        assertThat(clean.status()).isEqualTo("RUSFRI");
        assertThat(clean.goal()).isEqualTo("RUSFRIHET");
        Score reduced = score(rus, 7, 2, 0, 0, 0, 0, 2);
        assertThat(reduced.value()).isEqualTo(7);
        assertThat(reduced.raw()).isEqualTo(9);
        assertThat(reduced.status()).isEqualTo("REDUSERT");
        assertThat(reduced.goal()).isEqualTo("REDUSERT_BRUK");
        Score active = score(rus, 0, 8, 0, 0, 0, 0, 3);
        assertThat(active.value()).isEqualTo(8);
        assertThat(active.status()).isEqualTo("AKTIV_BRUK");
        assertThat(active.goal()).isEqualTo("ANNET");
        Score max = score(rus, 28, 28, 28, 28, 28, 28, 1);
        assertThat(max.value()).isEqualTo(28);
        assertThat(max.raw()).isEqualTo(168);
        assertThat(max.status()).isEqualTo("AKTIV_BRUK");
        Map<String, Integer> noGoal = answers(rus, 0, 0, 0, 0, 0, 0, 1);
        noGoal.remove("goal");
        Score missing = INSTRUMENTS.score(rus, noGoal);
        assertThat(missing.value()).isNull();
        assertThat(missing.status()).isNull();
        assertThat(missing.missingItems()).containsExactly("goal");
    }

    @Test
    void theSingleQuestionsAreTheirAnswer() {
        Instrument life = INSTRUMENTS.find("livskvalitet").orElseThrow();
        Instrument meaning = INSTRUMENTS.find("meningsfullt-liv").orElseThrow();
        assertThat(score(life, 0).value()).isZero();
        assertThat(score(life, 10).value()).isEqualTo(10);
        assertThat(life.meaningfulChange()).isEqualTo(1);
        assertThat(score(meaning, 7).value()).isEqualTo(7);
        assertThat(meaning.reached(7).stream().map(Instrument.CutOff::key)).containsExactly("good");
        assertThat(meaning.reached(6)).isEmpty();
        Score none = INSTRUMENTS.score(meaning, Map.of());
        assertThat(none.value()).isNull();
        assertThat(none.missingItems()).containsExactly("meaning");
    }

    @Test
    void aBrokenDefinitionNamesWhatIsWrong() {
        Assertions.assertThatThrownBy(() -> Instruments.parse(Map.of("id", "x", "version", 1,
                        "name", "X", "items", List.of(Map.of("id", "a", "text", "A")),
                        "scoring", Map.of("kind", "median"))))
                .hasMessageContaining("no scale");
        Assertions.assertThatThrownBy(() -> Instruments.parse(Map.of("id", "x", "version", 1,
                        "name", "X", "scale", Map.of("min", 0, "max", 3),
                        "items", List.of(Map.of("id", "a", "text", "A")), "scoring", Map.of("kind", "median"))))
                .hasMessageContaining("unknown scoring kind median");
    }

    static Map<String, Integer> answers(Instrument instrument, int... values) {
        Map<String, Integer> answers = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            answers.put(instrument.items().get(i).id(), values[i]);
        }
        return answers;
    }

    static Score score(Instrument instrument, int... values) {
        assertThat(values).hasSize(instrument.items().size());
        return INSTRUMENTS.score(instrument, answers(instrument, values));
    }
}
