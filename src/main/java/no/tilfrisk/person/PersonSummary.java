package no.tilfrisk.person;

import java.util.UUID;

/** A person in a list: never the note, never the national id number. */
public record PersonSummary(UUID id, String displayName, String fullName, Integer birthYear, String phone,
                            String email, boolean active) {
}
