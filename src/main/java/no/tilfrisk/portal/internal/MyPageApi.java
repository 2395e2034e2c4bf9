package no.tilfrisk.portal.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.tilfrisk.activity.SessionSignUps;
import no.tilfrisk.leisure.CheckInDue;
import no.tilfrisk.leisure.CheckInForm;
import no.tilfrisk.leisure.MyLeisure;
import no.tilfrisk.plan.MyPlan;
import no.tilfrisk.plan.Plan;
import no.tilfrisk.plan.ProposalForm;
import no.tilfrisk.platform.web.IdempotencyKey;
import no.tilfrisk.transition.ChecklistItem;
import no.tilfrisk.transition.ItemStatus;
import no.tilfrisk.transition.MyTransition;
import no.tilfrisk.volunteer.MatchState;
import no.tilfrisk.volunteer.ParticipantMatches;
import no.tilfrisk.volunteer.VolunteerWish;
import no.tilfrisk.volunteer.VolunteerWishes;
import no.tilfrisk.volunteer.WishForm;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The participant's own «Min side» through the API (issue 20, item 1): with the participant's own token, what the
 * pages under {@code /min-side} do, by the same service methods, so the same checks, audit and messages apply.
 * No address here takes a person: it is always the one the token's account belongs to.
 */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Min side", description = "The participant's own «Min side» (PARTICIPANT, with their own token): coming "
        + "sessions and sign-up, their plan (proposals, their actions done), their transition's items, their leisure "
        + "check-ins, and volunteers (the wish, a proposed volunteer's yes, sharing, the end). Only the caller's own "
        + "data; anything else is «not found».")
class MyPageApi {

    /** Signed up ({@code coming} true or left out) or off. */
    record SignUp(Boolean coming) {
    }

    record ItemStatusBody(ItemStatus status) {
    }

    record Accept(Boolean share) {
    }

    record Goals(List<UUID> goalIds) {
    }

    /** The participant's wish (none yet: null) and their open matches. */
    record Volunteering(VolunteerWish wish, List<ParticipantMatches.MyMatch> matches) {
    }

    private static final String SIGN_UP_EXAMPLE = """
            {"coming": true}""";
    private static final String PROPOSAL_EXAMPLE = """
            {"lifeArea": "HOUSING", "text": "Jeg vil ha min egen leilighet før jul."}""";
    private static final String ITEM_EXAMPLE = """
            {"status": "IN_PLACE"}""";
    private static final String CHECK_IN_EXAMPLE = """
            {"rating": 8, "stillTakingPart": true, "valuedRole": false}""";
    private static final String WISH_EXAMPLE = """
            {"wishes": ["WALK_OUTDOORS"], "text": "Noen å gå tur med", "languages": "no, en", "area": "Skien",
             "availability": ["TUESDAY:EVENING"], "waiting": true}""";
    private static final String ACCEPT_EXAMPLE = """
            {"share": true}""";
    private static final String GOALS_EXAMPLE = """
            {"goalIds": ["3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b"]}""";

    private final SessionSignUps signUps;
    private final MyPlan plan;
    private final MyTransition transitions;
    private final MyLeisure leisure;
    private final VolunteerWishes wishes;
    private final ParticipantMatches matches;

    MyPageApi(SessionSignUps signUps, MyPlan plan, MyTransition transitions, MyLeisure leisure, VolunteerWishes wishes,
              ParticipantMatches matches) {
        this.signUps = signUps;
        this.plan = plan;
        this.transitions = transitions;
        this.leisure = leisure;
        this.wishes = wishes;
        this.matches = matches;
    }

    @GetMapping("/sessions")
    @Operation(summary = "The sessions of the participant's activities in the next 28 days, with their sign-up")
    List<SessionSignUps.ComingSession> sessions() {
        return signUps.coming();
    }

    @PostMapping("/sessions/{sessionId}/sign-up")
    @Operation(summary = "Sign up for one of one's coming sessions, or off it ({\"coming\": false})",
            description = "Idempotent: a second sign-up changes nothing. A session not among the caller's own (another "
                    + "activity, past, cancelled, unknown) is not found.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false, content = @Content(
                    examples = @ExampleObject(name = "coming", value = SIGN_UP_EXAMPLE))))
    ResponseEntity<Void> signUp(@PathVariable UUID sessionId, @RequestBody(required = false) SignUp body) {
        signUps.signUp(sessionId, body == null || body.coming() == null || body.coming());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/plan")
    @Operation(summary = "The participant's own plan (404 when they have none)")
    ResponseEntity<Plan> plan() {
        return ResponseEntity.of(plan.plan());
    }

    @PostMapping("/plan/proposals")
    @Operation(summary = "Propose a new goal (no goalId) or new words for one of one's goals; the plan stays as it is "
            + "until staff take it in",
            description = "An Idempotency-Key header (a UUID) becomes the proposal's id, so a retried request proposes "
                    + "once. A goal that is not the caller's, or text missing or too long, is a 400 naming the field.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "a new goal", value = PROPOSAL_EXAMPLE))))
    ResponseEntity<Map<String, UUID>> propose(@RequestHeader(name = IdempotencyKey.HEADER, required = false) UUID key,
                                              @RequestBody ProposalForm form) {
        UUID id = plan.propose(IdempotencyKey.idFor(key), form);
        return ResponseEntity.created(URI.create("/api/v1/me/plan/proposals/" + id)).body(Map.of("id", id));
    }

    @PostMapping("/plan/actions/{actionId}/done")
    @Operation(summary = "Mark one of one's own plan actions (the participant responsible) as done",
            description = "Any other action is not found.")
    ResponseEntity<Void> actionDone(@PathVariable UUID actionId) {
        plan.markDone(actionId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/transitions")
    @Operation(summary = "The participant's coming transitions, with their checklist items")
    List<MyTransition.Mine> transitions() {
        return transitions.mine();
    }

    @PostMapping("/transitions/items/{itemId}/status")
    @Operation(summary = "Set the status of one of one's own checklist items (the participant responsible)",
            description = "Any other item is not found; a status left out is a 400 on «status».",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "in place", value = ITEM_EXAMPLE))))
    ChecklistItem itemStatus(@PathVariable UUID itemId, @RequestBody ItemStatusBody body) {
        return transitions.mark(itemId, body.status());
    }

    @GetMapping("/leisure")
    @Operation(summary = "The participant's open leisure process: the club, the check-ins due and answered (404 when none)")
    ResponseEntity<MyLeisure.Mine> leisure() {
        return ResponseEntity.of(leisure.mine());
    }

    @PostMapping("/leisure/check-ins/{due}")
    @Operation(summary = "Answer a check-in of one's open leisure process (WEEK_2, MONTH_1, MONTH_3, MONTH_6, MONTH_12)",
            description = "rating 0–10; answeredOn today when left out. One answered already stays as it was.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "going well", value = CHECK_IN_EXAMPLE))))
    ResponseEntity<Void> checkIn(@PathVariable CheckInDue due, @RequestBody CheckInForm form) {
        leisure.answer(due, form);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/volunteer")
    @Operation(summary = "The participant's wish for a volunteer and their open matches")
    Volunteering volunteering() {
        Optional<VolunteerWish> wish = wishes.mine();
        return new Volunteering(wish.orElse(null), matches.mine());
    }

    @PutMapping("/volunteer/wish")
    @Operation(summary = "Wish for a volunteer, or change the wish",
            description = "wishes: the kinds of help; availability: ['TUESDAY:EVENING', …]; languages: two-letter "
                    + "codes separated by commas.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "a companion", value = WISH_EXAMPLE))))
    ResponseEntity<Void> saveWish(@RequestBody WishForm form) {
        wishes.saveMine(form);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/volunteer/matches/{id}/accept")
    @Operation(summary = "Say yes to a proposed volunteer; with share, also consent to share name, phone and chosen "
            + "goals with that volunteer, by name",
            description = "A second yes, or a match in a state that takes none, is a 400 on «state».",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false, content = @Content(
                    examples = @ExampleObject(name = "yes, and share", value = ACCEPT_EXAMPLE))))
    Map<String, MatchState> accept(@PathVariable UUID id, @RequestBody(required = false) Accept body) {
        return Map.of("state", matches.accept(id, body != null && Boolean.TRUE.equals(body.share())));
    }

    @PutMapping("/volunteer/matches/{id}/goals")
    @Operation(summary = "The open goals of one's plan shared with the match's volunteer become exactly these",
            description = "A goal that is not one of the caller's open goals is a 400 on «goalIds».",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "one goal", value = GOALS_EXAMPLE))))
    ResponseEntity<Void> goals(@PathVariable UUID id, @RequestBody Goals body) {
        matches.shareGoals(id, body.goalIds() == null ? List.of() : body.goalIds());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/volunteer/matches/{id}/share")
    @Operation(summary = "Consent to share with the volunteer of an open match (a consent in force changes nothing)")
    ResponseEntity<Void> share(@PathVariable UUID id) {
        matches.share(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/volunteer/matches/{id}/unshare")
    @Operation(summary = "Withdraw the consent to share with the match's volunteer: they no longer see the caller, at once")
    ResponseEntity<Void> unshare(@PathVariable UUID id) {
        matches.stopSharing(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/volunteer/matches/{id}/end")
    @Operation(summary = "End a match; no reason is asked")
    Map<String, MatchState> end(@PathVariable UUID id) {
        return Map.of("state", matches.end(id));
    }
}
