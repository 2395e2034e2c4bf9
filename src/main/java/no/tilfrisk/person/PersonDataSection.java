package no.tilfrisk.person;

import java.util.UUID;
import java.util.function.Function;

/**
 * What another module holds about a person, as one section of the person's export (GDPR art. 15 and 20): the
 * contacts with their notes, the mappings and the plan, the measurements. Each such module declares its section as
 * a bean, with {@code @Order} for its place in the export (contacts 10, plan 20, measurements 30, activities 40,
 * invitations 50, projects 60).
 *
 * @param name          the section's key in the export, as {@code contacts}
 * @param reader        reads the section for a person with the caller's rights, recording the reading in the audit
 *                      trail; what it returns is made into JSON as it stands
 * @param printFragment the Thymeleaf fragment that prints the section on the export's print page and in the PDF,
 *                      as {@code "followup/export :: contacts"}; it finds the content in the variable {@code data}
 */
public record PersonDataSection(String name, Function<UUID, Object> reader, String printFragment) {
}
