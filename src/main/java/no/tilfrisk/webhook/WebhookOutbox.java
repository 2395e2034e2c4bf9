package no.tilfrisk.webhook;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.platform.crypto.FieldEncryption;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.webhook.internal.Backoff;
import no.tilfrisk.webhook.internal.Signature;
import no.tilfrisk.webhook.internal.WebhookSender;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The queue of events for the organisation's hooks, and their delivery.
 *
 * <p>{@link #enqueue} is called inside the transaction of the change that caused the event (a transactional outbox):
 * it writes one delivery per active hook of that organisation that wants the kind (nothing when none does), so the
 * rows commit or roll back with the change. A change that rolls back is never announced, one that commits is never
 * lost, and a hook only ever gets its own organisation's events. {@link #deliverDue} is the scheduled job's work for
 * one organisation, after the commit. {@code internal/WebhookErasure} blanks an erased person's id from the queue and log.
 */
@Service
public class WebhookOutbox {

    /** At most this many deliveries per organisation and run; the rest wait for the next run. */
    static final int BATCH = 100;

    private final JdbcClient db;
    private final FieldEncryption crypto;
    private final WebhookSender sender;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final Clock clock;

    WebhookOutbox(JdbcClient db, FieldEncryption crypto, WebhookSender sender, AuditTrail audit, JsonMapper json,
                  Clock clock) {
        this.db = db;
        this.crypto = crypto;
        this.sender = sender;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** What a run of {@link #deliverDue} did: deliveries sent and accepted, tried and failed (to be tried again or given up). */
    public record Run(int delivered, int failed) {
    }

    /**
     * Queues an event for every active hook of the organisation that wants its kind, in the caller's transaction
     * (the transactional outbox): the delivery rows commit with the change that caused the event, or roll back with
     * it, so a change that rolls back is never announced and one that commits is never lost between its commit and
     * the queue. {@code ids} is the body's {@code data} (ids only); {@code personIds} the persons it names, for the
     * audit trail when it is delivered and for their erasure. The delivery job reads the rows after the commit.
     * A failure here fails the change: it must not commit unannounced.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(UUID organisationId, WebhookEvent event, Instant occurredAt, Map<String, ?> ids,
                        Collection<UUID> personIds) {
        UUID current = Tenancy.requireOrganisationId();
        if (!current.equals(organisationId)) {
            throw new IllegalStateException("A webhook event of organisation " + organisationId
                    + " published in a transaction of organisation " + current);
        }
        List<UUID> hooks = db.sql("""
                        SELECT id FROM webhook WHERE organisation_id = ? AND active AND ? = ANY(events)""")
                .params(organisationId, event.name()).query(UUID.class).list();
        if (hooks.isEmpty()) {
            return;
        }
        UUID eventId = UUID.randomUUID();
        String body = body(eventId, event, occurredAt, organisationId, ids);
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
        for (UUID hook : hooks) {
            db.sql("""
                            INSERT INTO webhook_delivery (id, organisation_id, webhook_id, event_id, kind,
                                                          occurred_at, body, person_ids, next_attempt_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (webhook_id, event_id) DO NOTHING""")
                    .params(UUID.randomUUID(), organisationId, hook, eventId, event.kind(),
                            OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC), body,
                            personIds.toArray(UUID[]::new), now)
                    .update();
        }
    }

    /**
     * Sends the current organisation's deliveries that are due (at most {@value #BATCH}, oldest first), each signed
     * with its hook's secret, and keeps every attempt. A 2xx answer delivers it; anything else (another status, no
     * answer in time, an address refused) tries again after {@link Backoff#after}, and gives up after
     * {@link Backoff#MAX_ATTEMPTS}. A delivered event that names persons is in their audit trail as an export to the
     * hook. Rows are locked, so a second run at once skips them.
     */
    @PreAuthorize("hasRole('ORG_ADMIN')")
    @Transactional
    public Run deliverDue() {
        UUID organisation = Tenancy.requireOrganisationId();
        Instant now = Instant.now(clock);
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        List<Due> due = db.sql("""
                        SELECT d.id, d.webhook_id, d.kind, d.body, d.attempts, d.person_ids, w.url, w.secret_encrypted
                          FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id AND w.organisation_id = d.organisation_id
                         WHERE d.organisation_id = ? AND d.status = 'PENDING' AND w.active AND d.next_attempt_at <= ?
                         ORDER BY d.next_attempt_at, d.created_at, d.id
                         LIMIT ? FOR UPDATE OF d SKIP LOCKED""")
                .params(organisation, at, BATCH)
                .query((rs, n) -> new Due(rs.getObject("id", UUID.class), rs.getObject("webhook_id", UUID.class),
                        rs.getString("kind"), rs.getString("body"), rs.getInt("attempts"),
                        List.of((UUID[]) rs.getArray("person_ids").getArray()), rs.getString("url"),
                        rs.getBytes("secret_encrypted")))
                .list();
        int delivered = 0;
        int failed = 0;
        for (Due d : due) {
            String secret = crypto.decryptText(d.secret(), Webhooks.associatedData(d.hookId()));
            WebhookSender.Outcome outcome = sender.send(d.url(), d.body(), Map.of(
                    Signature.HEADER, Signature.of(d.body(), secret),
                    "X-Tilfrisk-Event", d.kind(),
                    "X-Tilfrisk-Delivery", d.id().toString()));
            db.sql("""
                            INSERT INTO webhook_attempt (id, organisation_id, delivery_id, attempted_at, http_status, error,
                                                         duration_ms)
                            VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(UUID.randomUUID(), organisation, d.id(), at, outcome.status(), outcome.error(),
                            (int) Math.min(Integer.MAX_VALUE, outcome.millis()))
                    .update();
            int attempts = d.attempts() + 1;
            if (outcome.delivered()) {
                delivered++;
                db.sql("UPDATE webhook_delivery SET status = 'DELIVERED', attempts = ?, delivered_at = ? WHERE id = ?")
                        .params(attempts, at, d.id()).update();
                audit.recordEach(d.personIds(), AuditAction.EXPORT, "webhook:" + d.hookId());
            } else {
                failed++;
                db.sql("UPDATE webhook_delivery SET status = ?, attempts = ?, next_attempt_at = ? WHERE id = ?")
                        .params(Backoff.givenUp(attempts) ? "FAILED" : "PENDING", attempts,
                                OffsetDateTime.ofInstant(now.plus(Backoff.after(attempts)), ZoneOffset.UTC), d.id())
                        .update();
            }
        }
        return new Run(delivered, failed);
    }

    private String body(UUID eventId, WebhookEvent event, Instant occurredAt, UUID organisationId, Map<String, ?> ids) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", eventId.toString());
        body.put("kind", event.kind());
        body.put("occurredAt", occurredAt.toString());
        body.put("organisationId", organisationId.toString());
        body.put("data", ids);
        return json.writeValueAsString(body);
    }

    private record Due(UUID id, UUID hookId, String kind, String body, int attempts, List<UUID> personIds, String url,
                       byte[] secret) {
    }
}
