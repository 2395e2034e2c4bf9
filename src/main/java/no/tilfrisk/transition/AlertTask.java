package no.tilfrisk.transition;

import java.util.List;
import java.util.UUID;

/** An open alert as «Mine oppgaver» shows it: the alert, whose transition, and its items still not in place. */
public record AlertTask(Alert alert, UUID personId, String personName, List<ChecklistItem> stillOpen) {
}
