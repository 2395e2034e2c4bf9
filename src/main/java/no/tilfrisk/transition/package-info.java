/**
 * Transitions (issue 17, capability C10): aftercare that starts before a discharge from treatment or a release
 * from prison. A person's transition (kind, institution from the organisation's list, the expected date with every
 * move kept, the actual date, the municipality, the person's own words), its readiness checklist (the seeds' nine
 * items and the organisation's own, each with a status, a responsible, a due date and a note), and the alerts at 8,
 * 4 and 1 weeks before, on the day, and for a first contact missing 7 days after. The partner side (responsibility
 * group, partner access by consent) plugs in through {@link no.tilfrisk.transition.TransitionGate} and
 * {@link no.tilfrisk.transition.ResponsiblePartners}.
 */
package no.tilfrisk.transition;
