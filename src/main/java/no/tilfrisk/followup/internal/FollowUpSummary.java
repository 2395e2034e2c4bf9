package no.tilfrisk.followup.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.person.PersonSummarySource;
import no.tilfrisk.person.QuickAction;
import no.tilfrisk.person.SummaryItem;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The next follow-up (the earliest open one, marked when overdue) at the top of the person's page, and «Logg
 * kontakt». One query over the person's contacts ({@code contact_person_time_idx}). Everyone who may open a person's
 * page may read and log their contacts ({@code ContactLog}), so nothing here depends on more than that.
 */
@Component
class FollowUpSummary implements PersonSummarySource {

    private final JdbcClient db;
    private final Clock clock;

    FollowUpSummary(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public List<SummaryItem> summaryFor(UUID personId) {
        LocalDate next = db.sql("""
                        SELECT min(follow_up_on) FROM contact
                         WHERE person_id = ? AND organisation_id = ? AND follow_up_on IS NOT NULL
                           AND follow_up_done_at IS NULL AND voided_at IS NULL""")
                .params(personId, Tenancy.requireOrganisationId()).query(LocalDate.class).optional().orElse(null);
        String contacts = "/persons/" + personId + "/contacts";
        List<SummaryItem> items = new ArrayList<>();
        if (next == null) {
            items.add(new SummaryItem(10, "summary.followUp", "summary.followUp.none", List.of(), contacts, false));
        } else {
            boolean overdue = next.isBefore(LocalDate.now(clock));
            items.add(new SummaryItem(10, "summary.followUp", overdue ? "summary.followUp.overdue" : "summary.followUp.on",
                    List.of(next), contacts + "#contact-history", overdue));
        }
        return items;
    }

    @Override
    public List<QuickAction> actionsFor(UUID personId) {
        return List.of(new QuickAction(10, "summary.action.contact", List.of(),
                "/persons/" + personId + "/contacts#log-contact"));
    }
}
