package no.tilfrisk.webhook.internal;

import java.time.Duration;

/**
 * When a failed delivery is tried again: 30 seconds after the first failure, twice as long after each one after it,
 * never more than 6 hours; after {@value #MAX_ATTEMPTS} attempts (about 22 hours) it is given up.
 */
public final class Backoff {

    public static final int MAX_ATTEMPTS = 12;
    static final Duration FIRST = Duration.ofSeconds(30);
    static final Duration CAP = Duration.ofHours(6);

    private Backoff() {
    }

    /** The pause after the given number of failed attempts (1 or more). */
    public static Duration after(int failedAttempts) {
        int doublings = Math.max(0, Math.min(failedAttempts - 1, 20));
        Duration pause = FIRST.multipliedBy(1L << doublings);
        return pause.compareTo(CAP) > 0 ? CAP : pause;
    }

    /** Whether a delivery that has failed this many times is given up. */
    public static boolean givenUp(int failedAttempts) {
        return failedAttempts >= MAX_ATTEMPTS;
    }
}
