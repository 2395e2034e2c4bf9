package no.tilfrisk.directory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The guided search's SQL: every published offer giving one of the needs is scored in the database and the best
 * are taken, so a good fit is found however many offers match and wherever its name sorts. The score is the number
 * of reasons {@link GuidedSearch} gives: one per need chosen that the offer gives, in the area, open when the person
 * is free, peers (for those who want them), not aimed at active use (for those who do not; such offers are left
 * out), low threshold, free of charge. Ties go by name.
 */
@Component
class GuidedRecords {

    /** An offer with whether it is open in the time asked about. */
    record Candidate(OfferSummary offer, boolean openThen) {
    }

    private final JdbcClient db;

    GuidedRecords(JdbcClient db) {
        this.db = db;
    }

    List<Candidate> best(Set<Need> needs, String area, String peers, List<DayWindow> then, int limit) {
        OfferRecords.planWithTheValues(db);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("needs", needs.stream().map(Need::code).sorted().toArray(String[]::new));
        params.put("area", area == null ? "" : area);
        params.put("limit", limit);
        List<String> open = new ArrayList<>();
        for (int i = 0; i < then.size(); i++) {
            open.add(OfferRecords.openIds(then.get(i), "t" + i, params));
        }
        // the offers open then as a set joined once (a hash join), not a test evaluated per candidate
        String openThen = open.isEmpty() ? "false" : "t.offer_id IS NOT NULL";
        String join = open.isEmpty() ? ""
                : " LEFT JOIN (SELECT DISTINCT u.offer_id FROM (" + String.join(" UNION ALL ", open) + ") u) t ON t.offer_id = o.id";
        String peerPoint = "yes".equals(peers)
                ? "CASE WHEN 'former-use' = ANY (o.target_groups) OR 'aftercare' = ANY (o.needs) THEN 1 ELSE 0 END"
                : "0";
        String noActiveUse = "no".equals(peers) ? " AND NOT ('active-use' = ANY (o.target_groups))" : "";
        String sql = """
                SELECT * FROM (
                  SELECT o.id, o.name, o.operator_name, o.area, o.needs, o.target_groups, o.low_threshold, o.free,
                         o.hours_known, %1$s AS open_then
                    FROM offer o%4$s
                   WHERE o.published AND o.needs && CAST(:needs AS text[])%2$s) c
                 ORDER BY cardinality(ARRAY(SELECT unnest(c.needs) INTERSECT SELECT unnest(CAST(:needs AS text[]))))
                        + CASE WHEN :area <> '' AND lower(c.area) = lower(:area) THEN 1 ELSE 0 END
                        + CASE WHEN c.open_then THEN 1 ELSE 0 END
                        + %3$s
                        + CASE WHEN c.low_threshold THEN 1 ELSE 0 END
                        + CASE WHEN c.free THEN 1 ELSE 0 END DESC,
                          lower(c.name), c.id
                 LIMIT :limit""".formatted(openThen, noActiveUse, peerPoint.replace("o.", "c."), join);
        return db.sql(sql).params(params)
                .query((rs, i) -> new Candidate(new OfferSummary(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("operator_name"), rs.getString("area"), OfferRecords.needs(rs),
                        OfferRecords.groups(rs), OfferRecords.bool(rs, "low_threshold"), OfferRecords.bool(rs, "free"),
                        rs.getBoolean("hours_known"), false), rs.getBoolean("open_then")))
                .list();
    }
}
