package no.tilfrisk.person;

import java.time.Instant;
import java.util.UUID;

/**
 * Published inside the registering transaction when a new person is registered (not on a repeated form). Carries
 * ids and the time only: a listener that tells the world (the webhook module) listens after the commit.
 */
public record PersonRegistered(UUID organisationId, UUID personId, Instant at) {
}
