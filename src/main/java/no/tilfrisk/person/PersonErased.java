package no.tilfrisk.person;

import java.util.UUID;

/**
 * Published inside the erasing transaction, so that modules holding their own records about the person (notes,
 * who was present) remove the identifying parts in the same transaction and keep what counts.
 */
public record PersonErased(UUID personId) {
}
