/**
 * «Min side»: the participant's own pages and the invitations that open them. No other module calls into it, so
 * it has no public face: everything sits in {@code internal}. Other modules reach the participant through their own
 * {@code My*} services (for example {@code plan/MyPlan}, {@code outcome/MyOutcomes}), which this module's pages use.
 */
package no.tilfrisk.portal;
