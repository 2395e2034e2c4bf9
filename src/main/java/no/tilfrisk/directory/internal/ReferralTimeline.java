package no.tilfrisk.directory.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.directory.Referral;
import no.tilfrisk.directory.ReferralRecords;
import no.tilfrisk.person.TimelineEntry;
import no.tilfrisk.person.TimelineSource;
import no.tilfrisk.platform.web.Dates;
import org.springframework.stereotype.Component;

/**
 * Referrals on the person's timeline: the day of the referral and the offer's name, and later its outcome. Never
 * the reason. The person module asks within the reader's access to the person and records that reading.
 */
@Component
class ReferralTimeline implements TimelineSource {

    private final ReferralRecords referrals;

    ReferralTimeline(ReferralRecords referrals) {
        this.referrals = referrals;
    }

    @Override
    public List<TimelineEntry> entriesFor(UUID personId) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (Referral r : referrals.of(personId)) {
            entries.add(new TimelineEntry(noon(r.referredOn()), "timeline.referral", r.offerName()));
            if (r.outcome() != null) {
                entries.add(new TimelineEntry(noon(r.outcomeOn()), "timeline.referral." + r.outcome(), r.offerName()));
            }
        }
        return entries;
    }

    private static Instant noon(LocalDate date) {
        return date.atTime(LocalTime.NOON).atZone(Dates.OSLO).toInstant();
    }
}
