package no.tilfrisk.person;

import java.util.UUID;

/** A relative linked to a participant, or the participant a relative is linked to. */
public record Relative(UUID linkId, UUID personId, String displayName, String relation) {
}
