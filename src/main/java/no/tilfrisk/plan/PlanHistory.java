package no.tilfrisk.plan;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The plan's history (table {@code plan_change}): one row per change, who and when, with the fields before and
 * after as JSON. Writes the difference between two sets of fields and reads the rows back as {@link PlanChange}s.
 * No rights checks and no audit: {@link Plans} and {@link MyPlan} have done both.
 */
@Component
class PlanHistory {

    /** One stored row, before the actor's name is known. */
    record ChangeRow(OffsetDateTime at, UUID actorId, String entity, UUID entityId, String fieldGroup,
                     String before, String after) {
    }

    private final JdbcClient db;
    private final JsonMapper json;

    PlanHistory(JdbcClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /**
     * Writes one history row with the fields that differ, before and after; the group is «status» where only the
     * status changed. Returns whether anything differed.
     */
    boolean recordDifference(UUID personId, String entity, UUID entityId, Map<String, String> was,
                             Map<String, String> now) {
        Map<String, String> before = new LinkedHashMap<>();
        Map<String, String> after = new LinkedHashMap<>();
        for (String field : now.keySet()) {
            if (!Objects.equals(was.get(field), now.get(field))) {
                before.put(field, was.get(field));
                after.put(field, now.get(field));
            }
        }
        if (after.isEmpty()) {
            return false;
        }
        record(personId, entity, entityId, after.keySet().equals(Set.of("status")) ? "status" : "changed", before, after);
        return true;
    }

    /** Writes one history row as it is given. */
    void record(UUID personId, String entity, UUID entityId, String group, Map<String, String> before,
                Map<String, String> after) {
        db.sql("""
                        INSERT INTO plan_change (id, organisation_id, person_id, at, actor_id, entity, entity_id, field_group,
                                                 before, after)
                        VALUES (?, ?, ?, clock_timestamp(), ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb))""")
                .params(UUID.randomUUID(), Tenancy.requireOrganisationId(), personId, PlanAccess.me(), entity, entityId,
                        group, before.isEmpty() ? null : json.writeValueAsString(before),
                        json.writeValueAsString(after))
                .update();
    }

    /** The person's latest 500 rows, newest first. */
    List<ChangeRow> rows(UUID personId) {
        return db.sql("""
                        SELECT at, actor_id, entity, entity_id, field_group, before::text AS before, after::text AS after
                          FROM plan_change WHERE person_id = ? AND organisation_id = ? ORDER BY at DESC, id LIMIT 500""")
                .params(personId, Tenancy.requireOrganisationId()).query(ChangeRow.class).list();
    }

    /** A stored row as the plan page shows it, with the actor's name from {@code userNames}. */
    PlanChange toChange(ChangeRow c, Map<UUID, String> userNames) {
        return new PlanChange(c.at().toInstant(), c.actorId() == null ? null : userNames.get(c.actorId()), c.entity(),
                c.entityId(), c.fieldGroup(), fieldChanges(c.before(), c.after()));
    }

    private List<PlanChange.FieldChange> fieldChanges(String before, String after) {
        Map<String, String> b = before == null ? Map.of() : json.readValue(before, new TypeReference<LinkedHashMap<String, String>>() { });
        Map<String, String> a = after == null ? Map.of() : json.readValue(after, new TypeReference<LinkedHashMap<String, String>>() { });
        Set<String> fields = new LinkedHashSet<>(a.keySet());
        fields.addAll(b.keySet());
        return fields.stream().map(f -> new PlanChange.FieldChange(f, b.get(f), a.get(f))).toList();
    }
}
