package no.tilfrisk.directory;

import java.time.LocalDate;
import java.util.UUID;

/** A referral as staff record it from the person's page. */
public class ReferralForm {
    private UUID offerId;
    private LocalDate referredOn;
    private String reason;
    private boolean consentToShare;

    public UUID getOfferId() { return offerId; }
    public void setOfferId(UUID offerId) { this.offerId = offerId; }
    public LocalDate getReferredOn() { return referredOn; }
    public void setReferredOn(LocalDate referredOn) { this.referredOn = referredOn; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public boolean isConsentToShare() { return consentToShare; }
    public void setConsentToShare(boolean consentToShare) { this.consentToShare = consentToShare; }
}
