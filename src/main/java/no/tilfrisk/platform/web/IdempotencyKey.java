package no.tilfrisk.platform.web;

import java.util.UUID;

/**
 * The {@value #HEADER} header of the API's creating requests: a UUID the client chooses that becomes the new
 * record's id, so that a retried request creates nothing twice. A controller takes it as
 * {@code @RequestHeader(name = IdempotencyKey.HEADER, required = false) UUID key} and asks {@link #idFor} for the id.
 */
public final class IdempotencyKey {

    public static final String HEADER = "Idempotency-Key";

    private IdempotencyKey() {
    }

    /** The new record's id: the key sent, else a new one. */
    public static UUID idFor(UUID key) {
        return idFor(key, null);
    }

    /** The new record's id: the key sent, else the id in the body, else a new one. */
    public static UUID idFor(UUID key, UUID bodyId) {
        return key != null ? key : bodyId != null ? bodyId : UUID.randomUUID();
    }
}
