package no.tilfrisk.person;

import java.util.UUID;

/**
 * What another module holds about a person, as one section of the person's export (GDPR art. 15 and 20): the
 * contacts with their notes, the mappings and the plan, the measurements. Implementations are beans; each reads
 * with the caller's rights and records its reading in the audit trail.
 */
public interface PersonDataSection {

    /** The section's key in the export, as {@code contacts}. */
    String name();

    /** The section's content, made into JSON as it stands. */
    Object of(UUID personId);

    /**
     * The Thymeleaf fragment that prints the content on the export's print page and PDF, as
     * {@code "followup/export :: contacts"}; it finds the content in the variable {@code data}.
     */
    String printFragment();
}
