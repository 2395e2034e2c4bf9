package no.tilfrisk.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * The signed statement «on {@code at}, organisation {@code organisation}'s audit trail ended with row {@code seq},
 * whose hash was {@code hash}» (hex). Kept outside the database, so that a trail cut from its end no longer
 * reaches the last row a checkpoint names. {@code signature} is base64 of a Tink signature over {@link #signed()}.
 */
public record AuditCheckpoint(UUID organisation, long seq, String hash, Instant at, String signature) {

    /** The exact bytes signed: a fixed label and every field, so no field can be changed or moved to another. */
    public byte[] signed() {
        return String.join("|", "tilfrisk.audit-checkpoint.v1", organisation.toString(), Long.toString(seq), hash,
                at.toString()).getBytes(StandardCharsets.UTF_8);
    }
}
