package no.tilfrisk.audit.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import no.tilfrisk.audit.AuditCheckpoint;
import no.tilfrisk.audit.AuditCheckpoints;
import no.tilfrisk.audit.AuditTrail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The admin's checks of the audit trail through the API, as the audit page's two buttons. */
@RestController
@Tag(name = "Audit trail", description = "Check that the organisation's audit trail is whole, and write a signed "
        + "checkpoint of its end. Organisation admins only")
class AuditApi {

    /** The verifier's result, with its verdict spelled out. */
    record Verification(boolean intact, int rowsChecked, Long firstBrokenSeq, AuditTrail.CheckpointState checkpoint,
                        Long checkpointSeq, Instant checkpointAt, int refusedCheckpoints) {

        static Verification of(AuditTrail.ChainVerification v) {
            return new Verification(v.intact(), v.rowsChecked(), v.firstBrokenSeq(), v.checkpoint(), v.checkpointSeq(),
                    v.checkpointAt(), v.refusedCheckpoints());
        }
    }

    private final AuditTrail audit;
    private final AuditCheckpoints checkpoints;

    AuditApi(AuditTrail audit, AuditCheckpoints checkpoints) {
        this.audit = audit;
        this.checkpoints = checkpoints;
    }

    @PostMapping("/api/v1/audit/verify")
    @Operation(summary = "Check the trail: every row's hash link, and its end against the latest signed checkpoint",
            description = "rowsChecked; firstBrokenSeq (null when every link holds); checkpoint: NONE, HELD, or how it "
                    + "failed, with checkpointSeq and checkpointAt; refusedCheckpoints: stored checkpoints whose "
                    + "signature does not verify. intact is true when all of these hold.")
    Verification verify() {
        return Verification.of(audit.verify());
    }

    @PostMapping("/api/v1/audit/checkpoint")
    @Operation(summary = "Write a signed checkpoint of the trail's end now, besides the nightly one",
            description = "The latest checkpoint again when no row came since it; 204 when the trail is empty.")
    ResponseEntity<AuditCheckpoint> checkpoint() {
        return checkpoints.write().map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.noContent().build());
    }
}
