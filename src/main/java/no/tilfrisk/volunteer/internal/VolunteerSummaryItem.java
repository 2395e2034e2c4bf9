package no.tilfrisk.volunteer.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.person.PersonSummarySource;
import no.tilfrisk.person.SummaryItem;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The volunteer at the top of the person's page: a participant's open match (its state, linked to the match) or
 * their wish for a volunteer (linked to the wish page, where one is recorded); a volunteer's kind (linked to their
 * profile). Without either, the link to record a wish. One query over the person's own rows; the person page has checked that the reader may see the person.
 */
@Component
class VolunteerSummaryItem implements PersonSummarySource {

    static final int ORDER = 40;

    private final JdbcClient db;

    VolunteerSummaryItem(JdbcClient db) {
        this.db = db;
    }

    record Row(UUID matchId, String state, Boolean waiting, String kind) {
    }

    @Override
    public List<SummaryItem> summaryFor(UUID personId) {
        Row r = db.sql("""
                        SELECT m.id AS match_id, m.state,
                               (SELECT waiting FROM volunteer_wish WHERE person_id = :p AND organisation_id = :org) AS waiting,
                               (SELECT kind FROM volunteer_profile WHERE person_id = :p AND organisation_id = :org) AS kind
                          FROM (SELECT 1) one
                          LEFT JOIN LATERAL (SELECT id, state FROM volunteer_match
                                              WHERE participant_id = :p AND organisation_id = :org AND state <> 'ENDED'
                                              ORDER BY proposed_on DESC, id LIMIT 1) m ON true""")
                .param("p", personId).param("org", Tenancy.requireOrganisationId()).query(Row.class).single();
        List<SummaryItem> items = new ArrayList<>();
        if (r.matchId() != null) {
            items.add(new SummaryItem(ORDER, "summary.volunteer", "volunteer.match.state." + r.state(), List.of(),
                    "/volunteers/matches/" + r.matchId(), false));
        } else {
            items.add(new SummaryItem(ORDER, "summary.volunteer", Boolean.TRUE.equals(r.waiting())
                    ? "summary.volunteer.waiting" : "summary.volunteer.none", List.of(),
                    "/volunteers/wishes/" + personId, false));
        }
        if (r.kind() != null) {
            items.add(new SummaryItem(ORDER + 1, "summary.volunteerProfile", "volunteer.kind." + r.kind(), List.of(),
                    "/volunteers/" + personId, false));
        }
        return items;
    }
}
