package no.tilfrisk.outcome;

import java.util.List;

/**
 * One outcome figure for a department or the organisation and a period: numerator over denominator, the share and
 * its Wilson 95 % interval. With fewer than {@link OutcomeAggregates#MIN_SHOWN} in the denominator the share is not
 * shown ({@code shown} false, share and interval null): pages and exports say «for få svar» and show no counts.
 * {@code definitionKey} names a message that states the definition in words, with {@code definitionArgs} (the
 * organisation's thresholds) as its arguments; {@code key} is the figure's name in code.
 */
public record Aggregate(String key, long numerator, long denominator, Double share, Double low, Double high,
                        boolean shown, String definitionKey, List<Integer> definitionArgs) {

    public Object[] args() {
        return definitionArgs.toArray();
    }

    /** A share as a whole percentage for pages: 0.8 → 80. */
    public static Long percent(Double share) {
        return share == null ? null : Math.round(share * 100);
    }
}
