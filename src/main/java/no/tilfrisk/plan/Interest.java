package no.tilfrisk.plan;

import java.util.UUID;

/** One interest on the organisation's list («friluftsliv», «fotball»…). */
public record Interest(UUID id, String name) {
}
