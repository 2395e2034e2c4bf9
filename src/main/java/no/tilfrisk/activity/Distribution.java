package no.tilfrisk.activity;

import java.time.LocalDate;
import java.util.UUID;

/** Something handed out: how many, worth how much (in øre), to whom if registered, at which activity if any. */
public record Distribution(UUID id, UUID departmentId, LocalDate date, DistributionKind kind, int count,
                           Long valueOre, UUID recipientId, String recipientName, UUID activityId, String note) {
}
