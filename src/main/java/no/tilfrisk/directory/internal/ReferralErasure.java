package no.tilfrisk.directory.internal;

import no.tilfrisk.directory.ReferralRecords;
import no.tilfrisk.person.PersonErased;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** When a person is erased, in the same transaction: their referrals go, with the reasons written for them. */
@Component
class ReferralErasure {

    private final ReferralRecords referrals;

    ReferralErasure(ReferralRecords referrals) {
        this.referrals = referrals;
    }

    @EventListener
    void on(PersonErased erased) {
        referrals.erase(erased.personId());
    }
}
