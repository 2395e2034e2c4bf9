package no.tilfrisk.directory;

/** What came of a referral, recorded later. */
public enum ReferralOutcome {
    STARTED, DID_NOT_START, WAITING
}
