package no.tilfrisk.webhook;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static no.tilfrisk.Demo.OTHER_ORGANISATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import no.tilfrisk.People;
import no.tilfrisk.RowLevelSecurity;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Row-level security around the hooks, their queue and their log: an organisation sees and writes only its own; the
 * log cannot be changed or removed, and the secret cannot be rewritten.
 */
@TilfriskTest
class WebhookRowLevelSecurityTest {

    static final List<String> TABLES = List.of("webhook", "webhook_delivery", "webhook_attempt");

    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Webhooks webhooks;

    @Test
    void everyTableOfTheModuleHasRowLevelSecurityOnTheOrganisation() {
        RowLevelSecurity.assertTenantPolicyOn(db, TABLES);
    }

    @Test
    void anOrganisationSeesOnlyItsOwnHooksAndCannotWriteAnothers() {
        UUID hook = People.asSystem(OTHER_ORGANISATION, () -> webhooks.create(UUID.randomUUID(),
                new WebhookForm("https://partner.example/rls-" + UUID.randomUUID(), List.of(WebhookEvent.PERSON_CREATED))))
                .webhook().id();
        People.asSystem(OTHER_ORGANISATION, () -> webhooks.setActive(hook, false));
        UUID delivery = UUID.randomUUID();
        Tenancy.runAs(OTHER_ORGANISATION, () -> tx.executeWithoutResult(s -> {
            db.sql("""
                            INSERT INTO webhook_delivery (id, organisation_id, webhook_id, event_id, kind, occurred_at, body,
                                                          next_attempt_at)
                            VALUES (?, ?, ?, ?, 'person.created', now(), '{}', now())""")
                    .params(delivery, OTHER_ORGANISATION, hook, UUID.randomUUID()).update();
            db.sql("""
                            INSERT INTO webhook_attempt (id, organisation_id, delivery_id, attempted_at, http_status, duration_ms)
                            VALUES (?, ?, ?, now(), 500, 3)""")
                    .params(UUID.randomUUID(), OTHER_ORGANISATION, delivery).update();
        }));

        for (String table : TABLES) {
            String column = table.equals("webhook") ? "id" : table.equals("webhook_delivery") ? "webhook_id" : "delivery_id";
            UUID key = table.equals("webhook_attempt") ? delivery : hook;
            assertThat(count(DEMO_RECOVERY, table, column, key)).as(table).isZero();
            assertThat(count(OTHER_ORGANISATION, table, column, key)).as(table).isOne();
        }
        int changed = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s ->
                db.sql("UPDATE webhook SET active = true WHERE id = ?").param(hook).update()));
        assertThat(changed).isZero();
        assertThatThrownBy(() -> Tenancy.runAs(DEMO_RECOVERY, () -> tx.executeWithoutResult(s -> db.sql("""
                        INSERT INTO webhook_delivery (id, organisation_id, webhook_id, event_id, kind, occurred_at, body,
                                                      next_attempt_at)
                        VALUES (?, ?, ?, ?, 'person.created', now(), '{}', now())""")
                .params(UUID.randomUUID(), OTHER_ORGANISATION, hook, UUID.randomUUID()).update())))
                .rootCause().hasMessageContaining("violates row-level security policy");
        // an erasure (V86) deletes a waiting delivery and its attempts, and blanks a body; only its own organisation's
        for (String table : List.of("webhook_attempt", "webhook_delivery")) {
            int deleted = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s ->
                    db.sql("DELETE FROM " + table + " WHERE organisation_id = ?").param(OTHER_ORGANISATION).update()));
            assertThat(deleted).as(table).isZero();
        }
        int blanked = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s ->
                db.sql("UPDATE webhook_delivery SET body = '{}', person_ids = '{}' WHERE id = ?").param(delivery).update()));
        assertThat(blanked).isZero();
        assertThatThrownBy(() -> Tenancy.runAs(OTHER_ORGANISATION, () -> tx.executeWithoutResult(s ->
                db.sql("UPDATE webhook_attempt SET http_status = 200").update())))
                .rootCause().hasMessageContaining("permission denied");
        // the field-key rotation rewrites a secret's ciphertext (V78), so the app may; but only its own organisation's
        int rewritten = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s ->
                db.sql("UPDATE webhook SET secret_encrypted = '\\x00' WHERE id = ?").param(hook).update()));
        assertThat(rewritten).isZero();
        assertThatThrownBy(() -> Tenancy.runAs(OTHER_ORGANISATION, () -> tx.executeWithoutResult(s ->
                db.sql("UPDATE webhook_delivery SET kind = 'x' WHERE id = ?").param(delivery).update())))
                .rootCause().hasMessageContaining("permission denied");
    }

    private int count(UUID organisation, String table, String column, UUID key) {
        return Tenancy.runAs(organisation, () -> tx.execute(s -> db.sql(
                "SELECT count(*) FROM " + table + " WHERE " + column + " = ?").param(key).query(Integer.class).single()));
    }
}
