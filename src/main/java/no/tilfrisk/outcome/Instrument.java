package no.tilfrisk.outcome;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A versioned questionnaire with its scoring, as defined in a resource file under {@code instruments/}. A changed
 * wording or scoring is a new version; answers keep the version they were given under.
 */
public record Instrument(String id, int version, Text name, Text recallPeriod, String source, boolean licenceRequired,
                         Text licenceNote, Text translation, List<Item> items, Scoring scoring, List<CutOff> cutOffs,
                         Integer meaningfulChange) {

    /** The answer scale of an item: whole numbers from min to max, some or all with a label. */
    public record Scale(int min, int max, Map<Integer, Label> labels) {

        public boolean contains(int value) {
            return value >= min && value <= max;
        }

        /**
         * The value an answer as typed or sent stands for, if it is a whole number on this scale: «3» and «3.0» are
         * 3; «2.5», «7» on a scale of 0–4 and «abc» are none. Never rounded: a fraction is refused, not cut off.
         */
        public Optional<Integer> valueOf(String answer) {
            // no value on any scale needs 40 characters
            if (answer == null || answer.isBlank() || answer.length() > 40) {
                return Optional.empty();
            }
            BigDecimal number;
            try {
                number = new BigDecimal(answer.strip());
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            // compared before anything else, so that a huge exponent costs nothing
            if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
                return Optional.empty();
            }
            if (number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
                return Optional.empty();
            }
            return Optional.of(number.intValueExact());
        }

        /** Every value of the scale from the top down, as a list of radio buttons shows them. */
        public List<Integer> valuesDescending() {
            return IntStream.rangeClosed(min, max).map(i -> max - (i - min)).boxed().toList();
        }

        /** Every value of the scale from the bottom up. */
        public List<Integer> values() {
            return IntStream.rangeClosed(min, max).boxed().toList();
        }

        /** Short enough to offer as radio buttons; a longer one (days of 28) is a number field. */
        public boolean asChoices() {
            return max - min <= 10;
        }

        public Label label(int value) {
            return labels.get(value);
        }
    }

    /** A scale value's label; {@code code} names a choice in code (RUSFRIHET) where the value stands for one. */
    public record Label(Text text, String code) {
    }

    /** One question. {@code choice} when the values stand for named options rather than amounts. */
    public record Item(String id, Text text, Scale scale, boolean choice) {
    }

    /**
     * How the score comes from the items: {@code sum}, {@code scaled-sum} (sum × factor) or {@code substance-status}
     * (per item: the most days of use in one group, and a status). min and max bound the score, for charts.
     */
    public record Scoring(String kind, int factor, String goalItem, int reducedMaxDays, int min, int max,
                          Text description) {
    }

    public enum Direction { AT_OR_BELOW, AT_OR_ABOVE }

    /** A score that means something: «50 or below: poor wellbeing». */
    public record CutOff(String key, int value, Direction direction, Text meaning) {

        public boolean reachedBy(int score) {
            return direction == Direction.AT_OR_BELOW ? score <= value : score >= value;
        }
    }

    public String key() {
        return id + "@" + version;
    }

    public Optional<Item> item(String itemId) {
        return items.stream().filter(i -> i.id().equals(itemId)).findFirst();
    }

    /** The items that are scored, not the goal. */
    public List<Item> scoredItems() {
        return items.stream().filter(i -> !i.id().equals(scoring.goalItem())).toList();
    }

    /** The cut-offs this score reaches, most severe (the narrowest) last. */
    public List<CutOff> reached(Integer score) {
        return score == null ? List.of() : cutOffs.stream().filter(c -> c.reachedBy(score)).toList();
    }
}
