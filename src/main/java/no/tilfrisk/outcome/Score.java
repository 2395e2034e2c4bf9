package no.tilfrisk.outcome;

import java.util.List;

/**
 * The score of one response, computed from its items and never typed in. {@code value} is null when an item is
 * missing; {@code missingItems} then names them and {@code missingReason} says why in a message code. {@code raw} is
 * the plain sum where the score is scaled; {@code status} and {@code goal} are Russtatus' derived status
 * (RUSFRI, REDUSERT, AKTIV_BRUK) and the participant's goal (RUSFRIHET, REDUSERT_BRUK, ANNET).
 */
public record Score(Integer value, Integer raw, String status, String goal, String missingReason,
                    List<String> missingItems) {

    public static final String MISSING_ITEMS = "outcome.score.missingItems";

    public boolean computed() {
        return value != null;
    }

    static Score missing(List<String> items, String goal) {
        return new Score(null, null, null, goal, MISSING_ITEMS, List.copyOf(items));
    }
}
