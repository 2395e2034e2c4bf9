/**
 * The pure-Java matcher (no Spring, no SQL): hard rules, an explained score, suggestions and the assignment. A
 * named interface of the volunteer module, since its enums ({@code Wish}, {@code VolunteerKind}) are part of the
 * module's forms that the demo data fills in.
 */
@NamedInterface("matching")
package no.tilfrisk.volunteer.matching;

import org.springframework.modulith.NamedInterface;
