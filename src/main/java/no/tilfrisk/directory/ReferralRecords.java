package no.tilfrisk.directory;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A person's referrals without rights checks or audit, for the extension points of the person module (timeline,
 * erasure), which check the reader's access and record the reading themselves.
 */
@Component
public class ReferralRecords {

    private final Referrals referrals;
    private final org.springframework.jdbc.core.simple.JdbcClient db;

    ReferralRecords(Referrals referrals, org.springframework.jdbc.core.simple.JdbcClient db) {
        this.referrals = referrals;
        this.db = db;
    }

    public List<Referral> of(UUID personId) {
        return referrals.records(personId);
    }

    /** Erasure: the person's referrals go, reasons and all (the counts of past reports are kept by the reports). */
    public void erase(UUID personId) {
        db.sql("DELETE FROM referral WHERE person_id = ?").param(personId).update();
    }
}
