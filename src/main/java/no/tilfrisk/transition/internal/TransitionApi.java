package no.tilfrisk.transition.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.tilfrisk.platform.web.IdempotencyKey;
import no.tilfrisk.platform.web.ResultPage;
import no.tilfrisk.transition.Actor;
import no.tilfrisk.transition.ChecklistItem;
import no.tilfrisk.transition.ItemForm;
import no.tilfrisk.transition.ItemUpdate;
import no.tilfrisk.transition.Transition;
import no.tilfrisk.transition.TransitionForm;
import no.tilfrisk.transition.TransitionView;
import no.tilfrisk.transition.Transitions;
import no.tilfrisk.transition.Upcoming;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Transitions", description = "Transitions from an institution or prison to the municipality (discharge, "
        + "release, end of a stay): the expected date with every move kept, the actual date, and the readiness "
        + "checklist (housing, income/NAV, GP, municipal follow-up, activity, network, medication, debts, individual "
        + "plan, and the organisation's own items), each with a status, who is responsible, a due date and a note. "
        + "Staff (admins, coordinators, staff members) reach the persons of their departments.")
class TransitionApi {

    private final Transitions transitions;

    TransitionApi(Transitions transitions) {
        this.transitions = transitions;
    }

    /** A move of the expected date, with why. */
    record DateMoveRequest(LocalDate expectedOn, String reason) {
    }

    @GetMapping("/api/v1/transitions")
    @Operation(summary = "The coming transitions of persons the caller may see, soonest first, with how many items are not in place")
    ResultPage<Upcoming> upcoming(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return transitions.upcoming(page, Math.min(Math.max(size, 1), 200));
    }

    @GetMapping("/api/v1/persons/{personId}/transitions")
    @Operation(summary = "A person's transitions, latest date first")
    List<Transition> ofPerson(@PathVariable UUID personId) {
        return transitions.ofPerson(personId);
    }

    @PostMapping("/api/v1/persons/{personId}/transitions")
    @Operation(summary = "Create a transition for the person, with the standing checklist and the organisation's own items",
            description = "The expected date may not be in the past, no date before the stay began, the institution "
                    + "must be of the organisation's list. An Idempotency-Key header (a UUID) becomes the transition's "
                    + "id, so a retried request creates one.")
    ResponseEntity<Map<String, UUID>> create(@RequestHeader(name = IdempotencyKey.HEADER, required = false) UUID key,
                                             @PathVariable UUID personId, @RequestBody TransitionForm form) {
        UUID id = transitions.create(IdempotencyKey.idFor(key), personId, form);
        return ResponseEntity.created(URI.create("/api/v1/transitions/" + id)).body(Map.of("id", id));
    }

    @GetMapping("/api/v1/transitions/{id}")
    @Operation(summary = "A transition with its checklist, date moves and open alerts")
    TransitionView get(@PathVariable UUID id) {
        return transitions.get(id);
    }

    @PutMapping("/api/v1/transitions/{id}")
    @Operation(summary = "Change a transition's facts (kind, institution, stay start, actual date, municipality, own words, coordinator)",
            description = "The expected date is not changed here: move it with a reason (date-moves).")
    ResponseEntity<Void> update(@PathVariable UUID id, @RequestBody TransitionForm form) {
        transitions.update(id, form);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/transitions/{id}/date-moves")
    @Operation(summary = "Move the expected date with a reason; the move is kept with who and when, and the alerts follow the new date",
            description = "Moving to the date it already has changes nothing, so a retry moves once.")
    ResponseEntity<Void> move(@PathVariable UUID id, @RequestBody DateMoveRequest request) {
        transitions.moveDate(id, request.expectedOn(), request.reason());
        return ResponseEntity.noContent().build();
    }

    /** Why a transition is cancelled. */
    record CancelRequest(String reason) {
    }

    @PostMapping("/api/v1/transitions/{id}/cancel")
    @Operation(summary = "Cancel a transition with a reason (required); who and when are kept",
            description = "Its open alerts close, it makes no more alerts, counts in no figure and can no longer be "
                    + "changed; it is still read, marked as cancelled. Cancelling one already cancelled changes nothing.")
    ResponseEntity<Void> cancel(@PathVariable UUID id, @RequestBody CancelRequest request) {
        transitions.cancel(id, request == null ? null : request.reason());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/transitions/{id}/items")
    @Operation(summary = "Add a checklist item to this one transition: label (required), status, responsible, due date, note",
            description = "Not added to the organisation's list for new transitions. An Idempotency-Key header (a UUID) "
                    + "becomes the item's id, so a retried request adds one.")
    ResponseEntity<ChecklistItem> addItem(@RequestHeader(name = IdempotencyKey.HEADER, required = false) UUID key,
                                          @PathVariable UUID id, @RequestBody ItemForm form) {
        ChecklistItem item = transitions.addItem(IdempotencyKey.idFor(key), id, form);
        return ResponseEntity.created(URI.create("/api/v1/transitions/items/" + item.id())).body(item);
    }

    @GetMapping("/api/v1/transitions/items/{itemId}")
    @Operation(summary = "One checklist item")
    ChecklistItem item(@PathVariable UUID itemId) {
        return transitions.item(itemId);
    }

    @PutMapping("/api/v1/transitions/items/{itemId}")
    @Operation(summary = "Change a checklist item: status, responsible (STAFF with an account, PARTNER with a consented partner organisation, or PERSON), due date, note")
    ChecklistItem setItem(@PathVariable UUID itemId, @RequestBody ItemForm form) {
        return transitions.setItem(itemId, form);
    }

    @PostMapping("/api/v1/transitions/items/{itemId}/status")
    @Operation(summary = "Change only an item's status and note (staff; a partner on an item their organisation answers for)")
    ChecklistItem status(@PathVariable UUID itemId, @RequestBody ItemUpdate update) {
        return transitions.updateItem(itemId, update, TransitionAccess.isStaff() ? Actor.STAFF : Actor.PARTNER);
    }
}
