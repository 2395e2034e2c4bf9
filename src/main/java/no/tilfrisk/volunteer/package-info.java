/**
 * Volunteers and matching (issue 16, capability C8): volunteers («tidgivere», medvandrere, likepersoner,
 * fagfrivillige), their screening, and their matches with participants. The sub-package {@code matching} is the
 * pure-Java matcher (hard rules, an explained score, suggestions and the assignment solver) that the rest of the
 * module feeds with rows turned into its records.
 */
package no.tilfrisk.volunteer;
