package no.tilfrisk.directory;

import java.time.LocalDate;
import java.util.UUID;

/** A referral of a person to an offer: when, why, whether they agreed to their name being given, and what came of it. */
public record Referral(UUID id, UUID personId, UUID offerId, String offerName, LocalDate referredOn, String reason,
                       boolean consentToShare, ReferralOutcome outcome, LocalDate outcomeOn) {
}
