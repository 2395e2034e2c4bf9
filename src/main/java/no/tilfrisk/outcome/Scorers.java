package no.tilfrisk.outcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One scorer per scoring kind of the instrument definitions. Answers are assumed checked against the scales
 * (see {@link Outcomes}); a missing item means no score, with the reason.
 */
final class Scorers {

    private Scorers() {
    }

    static Score score(Instrument instrument, Map<String, Integer> answers) {
        Instrument.Scoring scoring = instrument.scoring();
        String goal = goalOf(instrument, answers);
        List<String> missing = new ArrayList<>();
        for (Instrument.Item item : instrument.items()) {
            if (answers.get(item.id()) == null) {
                missing.add(item.id());
            }
        }
        if (!missing.isEmpty()) {
            return Score.missing(missing, goal);
        }
        List<Integer> values = instrument.scoredItems().stream().map(i -> answers.get(i.id())).toList();
        return switch (scoring.kind()) {
            case "sum" -> {
                int sum = values.stream().mapToInt(Integer::intValue).sum();
                yield new Score(sum, sum, null, null, null, List.of());
            }
            case "scaled-sum" -> {
                int sum = values.stream().mapToInt(Integer::intValue).sum();
                yield new Score(sum * scoring.factor(), sum, null, null, null, List.of());
            }
            case "substance-status" -> {
                int most = values.stream().mapToInt(Integer::intValue).max().orElse(0);
                String status = most == 0 ? "RUSFRI" : most <= scoring.reducedMaxDays() ? "REDUSERT" : "AKTIV_BRUK";
                yield new Score(most, values.stream().mapToInt(Integer::intValue).sum(), status, goal, null, List.of());
            }
            default -> throw new IllegalStateException("Unknown scoring kind " + scoring.kind() + " of " + instrument.key());
        };
    }

    private static String goalOf(Instrument instrument, Map<String, Integer> answers) {
        String goalItem = instrument.scoring().goalItem();
        if (goalItem == null || answers.get(goalItem) == null) {
            return null;
        }
        return instrument.item(goalItem)
                .map(i -> i.scale().label(answers.get(goalItem)))
                .map(Instrument.Label::code).orElse(null);
    }
}
