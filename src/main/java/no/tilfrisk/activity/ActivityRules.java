package no.tilfrisk.activity;

import java.time.LocalDate;
import no.tilfrisk.platform.web.InvalidInputException;

/** The checks on a period asked for, shared by the activity services that read figures or lists over one. */
final class ActivityRules {

    private ActivityRules() {
    }

    /** A period with both ends, the end not before the start, and at most ten years long. */
    static void requirePeriod(LocalDate from, LocalDate to) {
        if (from == null) {
            throw new InvalidInputException("from", "period.from.required");
        }
        if (to == null) {
            throw new InvalidInputException("to", "period.to.required");
        }
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "period.to.beforeFrom");
        }
        if (from.plusYears(10).isBefore(to)) {
            throw new InvalidInputException("to", "period.tooLong");
        }
    }
}
