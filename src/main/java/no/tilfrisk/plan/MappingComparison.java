package no.tilfrisk.plan;

import java.util.Arrays;
import java.util.List;

/** Two mappings side by side, earlier first: per life area the rating then and now and the difference. */
public record MappingComparison(Mapping earlier, Mapping later, List<Row> rows) {

    public record Row(LifeArea area, Integer then, Integer now, String wordsThen, String wordsNow) {

        /** Now minus then, where both were rated; otherwise null. */
        public Integer difference() {
            return then == null || now == null ? null : now - then;
        }
    }

    public static MappingComparison of(Mapping earlier, Mapping later) {
        return new MappingComparison(earlier, later, Arrays.stream(LifeArea.values())
                .map(a -> new Row(a, earlier.ratingOf(a), later.ratingOf(a), earlier.wordsOf(a), later.wordsOf(a)))
                .filter(r -> r.then() != null || r.now() != null || r.wordsThen() != null || r.wordsNow() != null)
                .toList());
    }
}
