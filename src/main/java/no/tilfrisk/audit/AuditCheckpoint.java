package no.tilfrisk.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The signed statement «on {@code at}, organisation {@code organisation}'s audit trail ended with row {@code seq},
 * whose hash was {@code hash}» (hex), and the last row of each of its lanes ({@code tails}, V96). Kept outside the
 * database, so that a trail cut from its end no longer reaches the rows a checkpoint names. {@code signature} is
 * base64 of a Tink signature over {@link #signed()}. A checkpoint written before the lanes has no tails, and its
 * signature covers the fields it had.
 */
public record AuditCheckpoint(UUID organisation, long seq, String hash, Instant at, List<Tail> tails,
                              String signature) {

    /** The last row of one lane of the trail, and its hash (hex). */
    public record Tail(int lane, long seq, String hash) {
    }

    public AuditCheckpoint {
        tails = tails == null ? List.of() : List.copyOf(tails);
    }

    /** A checkpoint of the trail's last row only, as written before the lanes. */
    public AuditCheckpoint(UUID organisation, long seq, String hash, Instant at, String signature) {
        this(organisation, seq, hash, at, List.of(), signature);
    }

    /** The rows whose presence and hash the checkpoint vouches for: each lane's last, or the trail's last. */
    public List<Tail> rowsNamed() {
        return tails.isEmpty() ? List.of(new Tail(0, seq, hash)) : tails;
    }

    /** The exact bytes signed: a fixed label and every field, so no field can be changed or moved to another. */
    public byte[] signed() {
        String fields = String.join("|", organisation.toString(), Long.toString(seq), hash, at.toString());
        if (tails.isEmpty()) {
            return ("tilfrisk.audit-checkpoint.v1|" + fields).getBytes(StandardCharsets.UTF_8);
        }
        return ("tilfrisk.audit-checkpoint.v2|" + fields + "|" + tails.stream()
                .map(t -> t.lane() + ":" + t.seq() + ":" + t.hash()).collect(Collectors.joining(",")))
                .getBytes(StandardCharsets.UTF_8);
    }
}
