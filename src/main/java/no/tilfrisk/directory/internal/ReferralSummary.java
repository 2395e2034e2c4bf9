package no.tilfrisk.directory.internal;

import java.util.List;
import java.util.UUID;
import no.tilfrisk.directory.Referral;
import no.tilfrisk.directory.ReferralRecords;
import no.tilfrisk.person.PersonSummarySource;
import no.tilfrisk.person.QuickAction;
import no.tilfrisk.person.SummaryItem;
import org.springframework.stereotype.Component;

/** On the person's page: how many referrals and the latest offer, and «Henvis til tilbud». */
@Component
class ReferralSummary implements PersonSummarySource {

    private final ReferralRecords referrals;

    ReferralSummary(ReferralRecords referrals) {
        this.referrals = referrals;
    }

    @Override
    public List<SummaryItem> summaryFor(UUID personId) {
        List<Referral> all = referrals.of(personId);
        if (all.isEmpty()) {
            return List.of();
        }
        return List.of(new SummaryItem(60, "referral.summary", "referral.summary.text",
                List.of(all.size(), all.get(0).offerName()), "/persons/" + personId + "/referrals", false));
    }

    @Override
    public List<QuickAction> actionsFor(UUID personId) {
        return List.of(new QuickAction(60, "referral.action", List.of(), "/persons/" + personId + "/referrals"));
    }
}
