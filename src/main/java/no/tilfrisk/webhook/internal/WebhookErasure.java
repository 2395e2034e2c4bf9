package no.tilfrisk.webhook.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.tilfrisk.person.PersonErased;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * When a person is erased, in the same transaction: their id leaves the webhook queue and log. A delivery still
 * waiting that then names no one (a «person.created», a «transition.date_moved») is deleted with its attempts, so it
 * is never sent; any other (delivered, given up, or an attendance naming others too) keeps its log line with the id
 * taken out of its body's {@code data} (a field is left out, a list loses it) and out of {@code person_ids}.
 */
@Component
class WebhookErasure {

    private final JdbcClient db;
    private final JsonMapper json;

    WebhookErasure(JdbcClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    private record Row(UUID id, String body, String status, List<UUID> personIds) {
    }

    @EventListener
    void on(PersonErased erased) {
        UUID org = Tenancy.requireOrganisationId();
        UUID person = erased.personId();
        List<Row> rows = db.sql("""
                        SELECT id, body, status, person_ids FROM webhook_delivery
                         WHERE organisation_id = ? AND ? = ANY(person_ids) FOR UPDATE""")
                .params(org, person)
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("body"),
                        rs.getString("status"), List.of((UUID[]) rs.getArray("person_ids").getArray())))
                .list();
        for (Row row : rows) {
            List<UUID> left = row.personIds().stream().filter(id -> !id.equals(person)).toList();
            if (left.isEmpty() && "PENDING".equals(row.status())) {
                db.sql("DELETE FROM webhook_attempt WHERE organisation_id = ? AND delivery_id = ?")
                        .params(org, row.id()).update();
                db.sql("DELETE FROM webhook_delivery WHERE organisation_id = ? AND id = ?")
                        .params(org, row.id()).update();
            } else {
                db.sql("UPDATE webhook_delivery SET body = ?, person_ids = ? WHERE organisation_id = ? AND id = ?")
                        .params(blank(row.body(), person.toString()), left.toArray(UUID[]::new), org, row.id())
                        .update();
            }
        }
    }

    /** The body with every occurrence of the id taken out: a field's value becomes null, a list loses the element. */
    private String blank(String body, String id) {
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = json.readValue(body, LinkedHashMap.class);
        return json.writeValueAsString(scrub(tree, id));
    }

    private static Object scrub(Object node, String id) {
        if (node instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, id.equals(v) ? null : scrub(v, id)));
            return out;
        }
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.stream().filter(v -> !id.equals(v)).forEach(v -> out.add(scrub(v, id)));
            return out;
        }
        return node;
    }
}
