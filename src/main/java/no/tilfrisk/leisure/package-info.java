/**
 * Leisure inclusion, «Fritid med bistand» (issue 18, seed 002): the catalogue of local clubs, the method's six
 * steps per participant, the municipal decision and its hours, the follow-up's check-ins, equipment on loan, and
 * the figures the reports publish. Services at the root; pages, API, access rules and the beans that plug into
 * other modules in {@code internal/}.
 */
package no.tilfrisk.leisure;
