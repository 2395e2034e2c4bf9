package no.tilfrisk.directory;

/**
 * The organisation's referrals in a period, for the annual report: how many, how many distinct persons, and the
 * persons by outcome (the latest referral's outcome of each person in the period decides; none yet is «no
 * outcome»), so the outcomes sum to the persons.
 */
public record ReferralFigures(long referrals, long persons, long started, long didNotStart, long waiting,
                              long noOutcome) {
}
