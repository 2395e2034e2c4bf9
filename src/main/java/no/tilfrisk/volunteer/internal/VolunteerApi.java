package no.tilfrisk.volunteer.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.tilfrisk.person.ConsentMethod;
import no.tilfrisk.platform.web.IdempotencyKey;
import no.tilfrisk.volunteer.CheckIn;
import no.tilfrisk.volunteer.EndReason;
import no.tilfrisk.volunteer.Match;
import no.tilfrisk.volunteer.MatchSharing;
import no.tilfrisk.volunteer.MatchAction;
import no.tilfrisk.volunteer.MatchState;
import no.tilfrisk.volunteer.MatchSuggestions;
import no.tilfrisk.volunteer.Matches;
import no.tilfrisk.volunteer.Meeting;
import no.tilfrisk.volunteer.MeetingForm;
import no.tilfrisk.volunteer.MyVolunteering;
import no.tilfrisk.volunteer.ProposalForm;
import no.tilfrisk.volunteer.Screening;
import no.tilfrisk.volunteer.ScreeningForm;
import no.tilfrisk.volunteer.VolunteerProfile;
import no.tilfrisk.volunteer.VolunteerProfileForm;
import no.tilfrisk.volunteer.VolunteerSummary;
import no.tilfrisk.volunteer.VolunteerWish;
import no.tilfrisk.volunteer.VolunteerWishes;
import no.tilfrisk.volunteer.WishForm;
import no.tilfrisk.volunteer.Volunteers;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/volunteers")
@Tag(name = "Volunteers", description = "Volunteers («tidgivere», medvandrere, likepersoner, fagfrivillige): profiles, "
        + "screening (police certificate seen, confidentiality, training, interview), matches with participants and "
        + "their states, meetings, and explained suggestions. Staff (admins, coordinators, staff members) reach the "
        + "volunteers and participants of their departments; a volunteer only their own participants, under /me.")
class VolunteerApi {

    private final Volunteers volunteers;
    private final Matches matches;
    private final MatchSuggestions suggestions;
    private final MyVolunteering mine;
    private final ReasonTexts reasons;
    private final MatchSharing sharing;
    private final VolunteerWishes wishes;

    VolunteerApi(Volunteers volunteers, Matches matches, MatchSuggestions suggestions, MyVolunteering mine,
                 ReasonTexts reasons, MatchSharing sharing, VolunteerWishes wishes) {
        this.volunteers = volunteers;
        this.matches = matches;
        this.suggestions = suggestions;
        this.mine = mine;
        this.reasons = reasons;
        this.sharing = sharing;
        this.wishes = wishes;
    }

    /** How the participant gave their consent to share with the match's volunteer (SIGNED, VERBAL). */
    record Share(ConsentMethod shareMethod) {
    }

    record Goals(List<UUID> goalIds) {
    }

    /** The assignment as the coordinator edited it: one proposal per row; a row without a volunteer is dropped. */
    record Assignment(List<ProposalForm> rows) {
    }

    /** How many years a police certificate counts (1–10). */
    record Settings(Integer years) {
    }

    private static final String SHARE_EXAMPLE = """
            {"shareMethod": "SIGNED"}""";
    private static final String GOALS_EXAMPLE = """
            {"goalIds": ["3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b"]}""";
    private static final String WISH_EXAMPLE = """
            {"wishes": ["COMPANY", "WALK_OUTDOORS"], "text": "Noen å prate med", "languages": "nb, en", "area": "Skien",
             "availability": ["TUESDAY:EVENING"], "waiting": true}""";
    private static final String ASSIGNMENT_EXAMPLE = """
            {"rows": [{"participantId": "0b7e4c1d-2f3a-4b5c-8d9e-0f1a2b3c4d5e",
                       "volunteerId": "6f1c0a52-3b7e-4f0e-9a51-1f2a3b4c5d6e", "helpKind": "COMPANY"}]}""";
    private static final String SETTINGS_EXAMPLE = """
            {"years": 3}""";

    /** A volunteer's profile with the screening as recorded and where it stands today. */
    record VolunteerView(VolunteerProfile profile, Screening screening, Screening.Status status) {
    }

    /** A move of a match: the action, a reason for an end by staff, and the day it happened (default today). */
    /** A move; {@code shareMethod} with the participant's yes records their consent to share with the volunteer. */
    record Transition(MatchAction action, EndReason reason, LocalDate on, ConsentMethod shareMethod) {
    }

    /** A suggested volunteer: the score and the reasons in the caller's language. */
    record SuggestionView(UUID volunteerId, String name, int score, List<String> reasons) {
    }

    @GetMapping
    @Operation(summary = "The volunteers the caller may see, with load, and what screening is missing or runs out within 60 days")
    List<VolunteerSummary> list() {
        return volunteers.list();
    }

    @GetMapping("/{personId}")
    @Operation(summary = "One volunteer's profile and screening")
    VolunteerView get(@PathVariable UUID personId) {
        return new VolunteerView(volunteers.profile(personId).orElse(null), volunteers.screening(personId),
                volunteers.status(personId));
    }

    @PutMapping("/{personId}")
    @Operation(summary = "Record or change the profile of a person with the volunteer role",
            description = "languages: two-letter codes separated by commas; availability: ['TUESDAY:EVENING', …].")
    ResponseEntity<Void> saveProfile(@PathVariable UUID personId, @RequestBody VolunteerProfileForm form) {
        volunteers.saveProfile(personId, form);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{personId}/screening")
    @Operation(summary = "Record the screening steps (dates; the police certificate itself is never stored)")
    ResponseEntity<Void> saveScreening(@PathVariable UUID personId, @RequestBody ScreeningForm form) {
        volunteers.saveScreening(personId, form);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{personId}/matches")
    @Operation(summary = "A volunteer's matches whose participants the caller may see, newest first")
    List<Match> matchesOf(@PathVariable UUID personId) {
        return matches.ofVolunteer(personId);
    }

    @GetMapping("/matches")
    @Operation(summary = "Every open match (not ended) whose participant the caller may see, with its state")
    List<Match> open() {
        return matches.list();
    }

    @PostMapping("/matches")
    @Operation(summary = "Propose a volunteer for a participant",
            description = "Checked against every hard rule (screening, capacity, preferences, relatives). An "
                    + "Idempotency-Key header (a UUID) becomes the match's id, so a retried request proposes once.")
    ResponseEntity<Map<String, UUID>> propose(@RequestHeader(name = IdempotencyKey.HEADER, required = false) UUID key,
                                              @RequestBody ProposalForm form) {
        UUID id = matches.propose(IdempotencyKey.idFor(key), form);
        return ResponseEntity.created(URI.create("/api/v1/volunteers/matches/" + id)).body(Map.of("id", id));
    }

    @GetMapping("/matches/{id}")
    @Operation(summary = "One match with its history, meetings and check-ins")
    Matches.MatchView match(@PathVariable UUID id) {
        return matches.get(id);
    }

    @PostMapping("/matches/{id}/transitions")
    @Operation(summary = "Move a match: record the participant's or volunteer's yes, pause, resume, or end with a reason",
            description = "A move the match's state does not allow, or a second yes, is a 400 with the field «state». "
                    + "With ACCEPT_FOR_PARTICIPANT, «shareMethod» (VERBAL, SIGNED) also records the participant's "
                    + "consent to share name, phone and chosen goals with this match's volunteer, by name.")
    Map<String, MatchState> transition(@PathVariable UUID id, @RequestBody Transition t) {
        if (t.action() == MatchAction.ACCEPT_FOR_PARTICIPANT) {
            return Map.of("state", matches.acceptForParticipant(id, t.shareMethod(), t.on()));
        }
        return Map.of("state", matches.act(id, t.action(), t.reason(), t.on()));
    }

    @GetMapping("/matches/{id}/meetings")
    @Operation(summary = "A match's meetings, newest first (staff see the volunteer's note)")
    List<Meeting> meetings(@PathVariable UUID id) {
        return matches.get(id).meetings();
    }

    @PostMapping("/matches/{id}/meetings")
    @Operation(summary = "Record a meeting the volunteer told staff about",
            description = "Hours above 0 and at most 24, a date neither in the future nor before the match started, "
                    + "only while the match is active. An Idempotency-Key header makes a retry record one.")
    ResponseEntity<Map<String, UUID>> recordMeeting(@PathVariable UUID id,
                                                    @RequestHeader(name = IdempotencyKey.HEADER, required = false) UUID key,
                                                    @RequestBody MeetingForm form) {
        UUID meeting = matches.recordMeeting(IdempotencyKey.idFor(key), id, form);
        return ResponseEntity.status(201).body(Map.of("id", meeting));
    }

    @GetMapping("/suggestions/{personId}")
    @Operation(summary = "The volunteers for one participant, best first, each with its score and reasons in words")
    List<SuggestionView> suggestions(@PathVariable UUID personId) {
        return suggestions.forParticipant(personId).stream().map(s -> new SuggestionView(s.candidate().volunteerId(),
                s.candidate().name(), s.score(), s.reasons().stream().map(reasons::text).toList())).toList();
    }

    @GetMapping("/me/participants")
    @Operation(summary = "The volunteer's own participants: display name, phone and shared goals, only with consent "
            + "and while the match runs (VOLUNTEER)")
    List<MyVolunteering.SharedParticipant> myParticipants() {
        return mine.participants();
    }

    @PostMapping("/me/matches/{id}/meetings")
    @Operation(summary = "The volunteer logs a meeting with one of their participants (VOLUNTEER)")
    ResponseEntity<Map<String, UUID>> logMeeting(@PathVariable UUID id,
                                                 @RequestHeader(name = IdempotencyKey.HEADER, required = false) UUID key,
                                                 @RequestBody MeetingForm form) {
        UUID meeting = mine.logMeeting(IdempotencyKey.idFor(key), id, form);
        return ResponseEntity.status(201).body(Map.of("id", meeting));
    }

    @PostMapping("/matches/{id}/check-ins/{step}")
    @Operation(summary = "Record a follow-up check-in of a match as done (WEEK_2, WEEK_6, MONTH_3)",
            description = "Once per step; a step done already, or a match not running, is a 400 naming the field.")
    ResponseEntity<Void> checkIn(@PathVariable UUID id, @PathVariable CheckIn step) {
        matches.checkIn(id, step);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/matches/{id}/share")
    @Operation(summary = "Record the participant's consent to share name, phone and chosen goals with this match's "
            + "volunteer, by name, and how it was given",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "signed", value = SHARE_EXAMPLE))))
    ResponseEntity<Void> share(@PathVariable UUID id, @RequestBody Share body) {
        sharing.recordConsent(id, body.shareMethod());
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/matches/{id}/goals")
    @Operation(summary = "The open plan goals the participant shares with the match's volunteer become exactly these",
            description = "A goal that is not one of the participant's open goals is a 400 on «goalIds».",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "one goal", value = GOALS_EXAMPLE))))
    ResponseEntity<Void> goals(@PathVariable UUID id, @RequestBody Goals body) {
        sharing.shareGoals(id, body.goalIds() == null ? List.of() : body.goalIds());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/wishes/{personId}")
    @Operation(summary = "A participant's wish for a volunteer (404 when they have none)")
    ResponseEntity<VolunteerWish> wish(@PathVariable UUID personId) {
        return ResponseEntity.of(wishes.of(personId));
    }

    @PutMapping("/wishes/{personId}")
    @Operation(summary = "Record or change a participant's wish for a volunteer",
            description = "wishes: the kinds of help; languages: two-letter codes separated by commas; availability: "
                    + "['TUESDAY:EVENING', …]; waiting: whether they wait for one now.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "company and walks", value = WISH_EXAMPLE))))
    ResponseEntity<Void> saveWish(@PathVariable UUID personId, @RequestBody WishForm form) {
        wishes.save(personId, form);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/assignment")
    @Operation(summary = "The suggested assignment of free volunteers to those who wait, with every allowed candidate")
    MatchSuggestions.Proposal assignment() {
        return suggestions.assignment();
    }

    @PostMapping("/assignment")
    @Operation(summary = "Propose every row of an assignment at once; one row breaking a hard rule proposes nothing",
            description = "An Idempotency-Key header (a UUID) makes each row's id (from the key and the participant), "
                    + "so a retried request proposes nothing twice. Answers the ids of the proposals.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "one row", value = ASSIGNMENT_EXAMPLE))))
    ResponseEntity<Map<String, List<UUID>>> proposeAll(
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) UUID key, @RequestBody Assignment body) {
        List<UUID> ids = matches.proposeAll(IdempotencyKey.idFor(key), body.rows() == null ? List.of() : body.rows());
        return ResponseEntity.status(201).body(Map.of("ids", ids));
    }

    @GetMapping("/settings")
    @Operation(summary = "The volunteer settings: how many years a police certificate counts")
    Settings settings() {
        return new Settings(volunteers.policeCertificateYears());
    }

    @PutMapping("/settings")
    @Operation(summary = "Set how many years a police certificate counts, 1–10 (ORG_ADMIN)",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "three years", value = SETTINGS_EXAMPLE))))
    Settings saveSettings(@RequestBody Settings body) {
        volunteers.setPoliceCertificateYears(body.years());
        return new Settings(volunteers.policeCertificateYears());
    }

    @PostMapping("/me/matches/{id}/accept")
    @Operation(summary = "The volunteer says yes to a match proposed to them (VOLUNTEER)",
            description = "A second yes, or a match in a state that takes none, is a 400 on «state».")
    Map<String, MatchState> accept(@PathVariable UUID id) {
        return Map.of("state", mine.accept(id));
    }

    @PostMapping("/me/matches/{id}/end")
    @Operation(summary = "The volunteer ends one of their matches (VOLUNTEER)")
    Map<String, MatchState> end(@PathVariable UUID id) {
        return Map.of("state", mine.end(id));
    }
}
