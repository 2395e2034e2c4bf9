package no.tilfrisk.leisure.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.tilfrisk.leisure.Catalogue;
import no.tilfrisk.leisure.CheckInDue;
import no.tilfrisk.leisure.CheckInForm;
import no.tilfrisk.leisure.Club;
import no.tilfrisk.leisure.ClubForm;
import no.tilfrisk.leisure.ClubKind;
import no.tilfrisk.leisure.ClubSearch;
import no.tilfrisk.leisure.DecisionForm;
import no.tilfrisk.leisure.Decisions;
import no.tilfrisk.leisure.EndForm;
import no.tilfrisk.leisure.HoursForm;
import no.tilfrisk.leisure.Inclusions;
import no.tilfrisk.leisure.Item;
import no.tilfrisk.leisure.ItemForm;
import no.tilfrisk.leisure.Lending;
import no.tilfrisk.leisure.Loan;
import no.tilfrisk.leisure.LoanForm;
import no.tilfrisk.leisure.ProcessForm;
import no.tilfrisk.leisure.ProcessSummary;
import no.tilfrisk.leisure.ProcessView;
import no.tilfrisk.leisure.ReturnForm;
import no.tilfrisk.leisure.StepForm;
import no.tilfrisk.platform.web.IdempotencyKey;
import no.tilfrisk.platform.web.ResultPage;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The leisure API: the same services as the pages, with the same rights and rules. */
@RestController
@RequestMapping("/api/v1/leisure")
@Tag(name = "Leisure", description = "Leisure inclusion («Fritid med bistand», issue 18): the catalogue of local clubs, "
        + "the six steps of each participant's inclusion process (in order; a step may be repeated, passed over only "
        + "with a reason), the municipal decision and the hours used, the follow-up's check-ins, the six-month rule "
        + "for ending as still active, and equipment lent to participants. Staff (admins, coordinators, staff members) "
        + "reach the catalogue and the inventory of their organisation, and the processes and loans of the "
        + "participants of their departments. Creates take an Idempotency-Key: a retry creates nothing twice.")
class LeisureApi {

    private final Catalogue catalogue;
    private final Inclusions inclusions;
    private final Decisions decisions;
    private final Lending lending;

    LeisureApi(Catalogue catalogue, Inclusions inclusions, Decisions decisions, Lending lending) {
        this.catalogue = catalogue;
        this.inclusions = inclusions;
        this.decisions = decisions;
        this.lending = lending;
    }

    private static ResponseEntity<Map<String, UUID>> created(String path, UUID id) {
        return ResponseEntity.created(URI.create("/api/v1/leisure/" + path + "/" + id)).body(Map.of("id", id));
    }

    @GetMapping("/clubs")
    @Operation(summary = "Search the catalogue by words in the name, kind, municipality, a weekday they meet and the highest cost per year (NOK)")
    ResultPage<Club> clubs(@RequestParam(required = false) String q, @RequestParam(required = false) ClubKind kind,
                           @RequestParam(required = false) String municipality, @RequestParam(required = false) DayOfWeek day,
                           @RequestParam(required = false) BigDecimal maxCost, @RequestParam(defaultValue = "0") int page,
                           @RequestParam(defaultValue = "25") int size) {
        return catalogue.search(new ClubSearch(q, kind, municipality, day, maxCost), page, size);
    }

    @PostMapping("/clubs")
    @Operation(summary = "Add a club to the catalogue (cost per year in NOK)")
    ResponseEntity<Map<String, UUID>> addClub(@RequestHeader(name = IdempotencyKey.HEADER, required = false) UUID key,
                                              @RequestBody ClubForm form) {
        return created("clubs", catalogue.create(IdempotencyKey.idFor(key), form));
    }

    @GetMapping("/clubs/{id}")
    @Operation(summary = "A club of the catalogue (cost per year in øre)")
    Club club(@PathVariable UUID id) {
        return catalogue.get(id);
    }

    @PutMapping("/clubs/{id}")
    @Operation(summary = "Change a club of the catalogue")
    ResponseEntity<Void> updateClub(@PathVariable UUID id, @RequestBody ClubForm form) {
        catalogue.update(id, form);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/processes")
    @Operation(summary = "The inclusion processes of the participants the caller may see, open first, with the furthest step")
    List<ProcessSummary> processes() {
        return inclusions.list();
    }

    @PostMapping("/processes")
    @Operation(summary = "Begin a process for a participant (one open process per participant)")
    ResponseEntity<Map<String, UUID>> begin(@RequestHeader(name = IdempotencyKey.HEADER, required = false) UUID key,
                                            @RequestBody ProcessForm form) {
        return created("processes", inclusions.start(IdempotencyKey.idFor(key), form));
    }

    @GetMapping("/processes/{id}")
    @Operation(summary = "A process: steps, chosen club, facilitator, the mapping's wishes and dreams, decisions with hours used, check-ins")
    ProcessView process(@PathVariable UUID id) {
        return inclusions.view(id);
    }

    @PostMapping("/processes/{id}/steps")
    @Operation(summary = "Record a step (CHOICE names clubId, FACILITATOR names facilitatorId; skipped needs the reason in note)")
    ResponseEntity<Map<String, UUID>> step(@PathVariable UUID id,
                                           @RequestHeader(name = IdempotencyKey.HEADER, required = false) UUID key,
                                           @RequestBody StepForm form) {
        UUID step = inclusions.recordStep(IdempotencyKey.idFor(key), id, form);
        return ResponseEntity.created(URI.create("/api/v1/leisure/processes/" + id)).body(Map.of("id", step));
    }

    /** The participant's own words of what they wish for, added to the mapping's; blank clears them. */
    record Wishes(String wishes) {
    }

    @PutMapping("/processes/{id}/wishes")
    @Operation(summary = "Set the participant's wishes for their leisure, added to the mapping's (at most 1000 characters; "
            + "blank clears them)",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
                    examples = @io.swagger.v3.oas.annotations.media.ExampleObject(name = "wishes",
                            value = "{\"wishes\": \"Vil gjerne spille fotball med andre på min alder\"}"))))
    ResponseEntity<Void> wishes(@PathVariable UUID id, @RequestBody Wishes body) {
        inclusions.saveWishes(id, body.wishes());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/processes/{id}/decisions")
    @Operation(summary = "Record the municipal decision: reference, municipality, form, hours per week or month, from and to")
    ResponseEntity<Map<String, UUID>> decision(@PathVariable UUID id,
                                               @RequestHeader(name = IdempotencyKey.HEADER, required = false) UUID key,
                                               @RequestBody DecisionForm form) {
        UUID decision = decisions.add(IdempotencyKey.idFor(key), id, form);
        return ResponseEntity.created(URI.create("/api/v1/leisure/processes/" + id)).body(Map.of("id", decision));
    }

    @PostMapping("/processes/{id}/decisions/{decisionId}/hours")
    @Operation(summary = "Log hours used on a day within the decision; never beyond its hours per week or month")
    ResponseEntity<Map<String, UUID>> hours(@PathVariable UUID id, @PathVariable UUID decisionId,
                                            @RequestHeader(name = IdempotencyKey.HEADER, required = false) UUID key,
                                            @RequestBody HoursForm form) {
        UUID hours = decisions.logHours(IdempotencyKey.idFor(key), id, decisionId, form);
        return ResponseEntity.created(URI.create("/api/v1/leisure/processes/" + id)).body(Map.of("id", hours));
    }

    @PostMapping("/processes/{id}/check-ins/{due}")
    @Operation(summary = "Answer a check-in (rating 0–10, still taking part, a role in the club) as told to staff; once per check-in")
    ResponseEntity<Void> checkIn(@PathVariable UUID id, @PathVariable CheckInDue due, @RequestBody CheckInForm form) {
        inclusions.answerCheckIn(id, due, form);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/processes/{id}/end")
    @Operation(summary = "End the process with its outcome; «STILL_ACTIVE» only after six months of follow-up, «STOPPED» with a reason")
    ResponseEntity<Void> end(@PathVariable UUID id, @RequestBody EndForm form) {
        inclusions.end(id, form);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/equipment")
    @Operation(summary = "The equipment inventory; an item lent out carries its open loan's id")
    List<Item> equipment() {
        return lending.items();
    }

    @PostMapping("/equipment")
    @Operation(summary = "Add an item to the inventory (value in NOK)")
    ResponseEntity<Map<String, UUID>> addItem(@RequestHeader(name = IdempotencyKey.HEADER, required = false) UUID key,
                                              @RequestBody ItemForm form) {
        return created("equipment", lending.addItem(IdempotencyKey.idFor(key), form));
    }

    @GetMapping("/loans")
    @Operation(summary = "The loans of the participants the caller may see, open first; only open ones with open=true")
    List<Loan> loans(@RequestParam(defaultValue = "false") boolean open) {
        return lending.loans(open);
    }

    @PostMapping("/loans")
    @Operation(summary = "Lend an item to a participant; an item already lent in those days is refused")
    ResponseEntity<Map<String, UUID>> lend(@RequestHeader(name = IdempotencyKey.HEADER, required = false) UUID key,
                                           @RequestBody LoanForm form) {
        return created("loans", lending.lend(IdempotencyKey.idFor(key), form));
    }

    @PostMapping("/loans/{id}/return")
    @Operation(summary = "Record a loan's return and the item's condition (not before the loan)")
    ResponseEntity<Void> giveBack(@PathVariable UUID id, @RequestBody ReturnForm form) {
        lending.giveBack(id, form);
        return ResponseEntity.noContent().build();
    }
}
