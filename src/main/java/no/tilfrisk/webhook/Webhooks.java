package no.tilfrisk.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.tilfrisk.platform.crypto.FieldEncryption;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.tenancy.TenantPrincipal;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import no.tilfrisk.webhook.internal.Signature;
import no.tilfrisk.webhook.internal.WebhookUrls;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organisation's hooks: registering one (its secret made here, encrypted, and shown once), turning it off and on,
 * and its delivery log. For the organisation's admins only; another organisation's hook is «not found».
 */
@Service
@PreAuthorize("hasRole('ORG_ADMIN')")
public class Webhooks {

    /** How many lines of the delivery log a page or a request shows at most, newest first. */
    public static final int LOG_LINES = 200;

    private final JdbcClient db;
    private final FieldEncryption crypto;
    private final WebhookUrls urls;

    Webhooks(JdbcClient db, FieldEncryption crypto, WebhookUrls urls) {
        this.db = db;
        this.crypto = crypto;
        this.urls = urls;
    }

    @Transactional(readOnly = true)
    public List<Webhook> list() {
        return db.sql(SELECT + " WHERE organisation_id = ? ORDER BY NOT active, created_at, id")
                .param(Tenancy.requireOrganisationId()).query(Webhooks::hook).list();
    }

    @Transactional(readOnly = true)
    public Webhook get(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundException("Webhook"));
    }

    /**
     * Registers a hook under the form's id. Every rule is checked first, field by field; the same id again (a
     * double submit, a retried request) makes nothing more and gives the hook without its secret.
     */
    @Transactional
    public CreatedWebhook create(UUID id, WebhookForm form) {
        List<InvalidInputException> broken = new ArrayList<>();
        urls.refusal(form.getUrl()).ifPresent(key -> broken.add(new InvalidInputException("url", key)));
        List<WebhookEvent> events = form.getEvents() == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(form.getEvents().stream().filter(e -> e != null).toList()));
        if (events.isEmpty()) {
            broken.add(new InvalidInputException("events", "webhook.events.required"));
        }
        InvalidInputException.throwIfAny(broken);
        Optional<Webhook> existing = find(id);
        if (existing.isPresent()) {
            return new CreatedWebhook(existing.get(), null);
        }
        String secret = Signature.newSecret();
        int inserted = db.sql("""
                        INSERT INTO webhook (id, organisation_id, url, events, secret_encrypted, created_by)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")
                .params(id, Tenancy.requireOrganisationId(), form.getUrl().strip(),
                        events.stream().map(Enum::name).toArray(String[]::new),
                        crypto.encryptText(secret, associatedData(id)),
                        Tenancy.currentPrincipal().map(TenantPrincipal::userId).orElse(null))
                .update();
        if (inserted == 0) {
            // the id is another organisation's: nothing made, nothing told
            throw new NotFoundException("Webhook");
        }
        return new CreatedWebhook(get(id), secret);
    }

    /** Turns a hook off (nothing more is queued or sent to it) or on again. */
    @Transactional
    public Webhook setActive(UUID id, boolean active) {
        get(id);
        db.sql("UPDATE webhook SET active = ? WHERE id = ? AND organisation_id = ?")
                .params(active, id, Tenancy.requireOrganisationId()).update();
        return get(id);
    }

    /** The hook's delivery log, newest event first, each with its latest attempt. */
    @Transactional(readOnly = true)
    public List<WebhookDelivery> deliveries(UUID id) {
        get(id);
        return db.sql("""
                        SELECT d.id, d.event_id, d.kind, d.occurred_at, d.status, d.attempts, d.next_attempt_at,
                               d.delivered_at, a.attempted_at, a.http_status, a.error
                          FROM webhook_delivery d
                          LEFT JOIN LATERAL (SELECT attempted_at, http_status, error FROM webhook_attempt
                                              WHERE delivery_id = d.id ORDER BY attempted_at DESC, id LIMIT 1) a ON true
                         WHERE d.organisation_id = ? AND d.webhook_id = ?
                         ORDER BY d.occurred_at DESC, d.id LIMIT ?""")
                .params(Tenancy.requireOrganisationId(), id, LOG_LINES)
                .query((rs, n) -> new WebhookDelivery(rs.getObject("id", UUID.class),
                        rs.getObject("event_id", UUID.class), rs.getString("kind"), instant(rs, "occurred_at"),
                        WebhookDelivery.Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
                        rs.getString("status").equals("PENDING") ? instant(rs, "next_attempt_at") : null,
                        instant(rs, "delivered_at"), instant(rs, "attempted_at"),
                        (Integer) rs.getObject("http_status"), rs.getString("error")))
                .list();
    }

    static String associatedData(UUID hookId) {
        return "webhook:" + hookId;
    }

    private Optional<Webhook> find(UUID id) {
        return db.sql(SELECT + " WHERE id = ? AND organisation_id = ?")
                .params(id, Tenancy.requireOrganisationId()).query(Webhooks::hook).optional();
    }

    private static final String SELECT = "SELECT id, url, events, active, created_at FROM webhook";

    private static Webhook hook(ResultSet rs, int row) throws SQLException {
        List<WebhookEvent> events = Arrays.stream((String[]) rs.getArray("events").getArray())
                .map(WebhookEvent::valueOf).toList();
        return new Webhook(rs.getObject("id", UUID.class), rs.getString("url"), events, rs.getBoolean("active"),
                instant(rs, "created_at"));
    }

    static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
