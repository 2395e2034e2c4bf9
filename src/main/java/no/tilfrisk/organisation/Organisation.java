package no.tilfrisk.organisation;

import java.util.UUID;

public record Organisation(UUID id, String name) {
}
