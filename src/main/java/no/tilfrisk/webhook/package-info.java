/**
 * Webhooks for partner systems (issue 20, item 5): an organisation's admin registers an address and the events it
 * wants ({@link WebhookEvent}); the modules that own those events publish them as Spring events in their own root
 * package, and this module queues them inside the publishing transaction ({@link WebhookOutbox#enqueue}, a transactional outbox) and delivers them signed on a
 * schedule ({@link WebhookOutbox#deliverDue}). A new kind of event is a constant in {@link WebhookEvent} and a
 * listener method in {@code internal/WebhookEventListener}.
 */
package no.tilfrisk.webhook;
