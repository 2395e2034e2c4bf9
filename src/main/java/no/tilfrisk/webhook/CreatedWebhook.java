package no.tilfrisk.webhook;

/**
 * A hook just made and its signing secret, which is shown this once. A repeated form or request (the same id) gets
 * the hook without the secret.
 */
public record CreatedWebhook(Webhook webhook, String secret) {
}
