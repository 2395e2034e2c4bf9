package no.tilfrisk.caregroup.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import no.tilfrisk.caregroup.DecisionForm;
import no.tilfrisk.caregroup.GroupView;
import no.tilfrisk.caregroup.MeetingForm;
import no.tilfrisk.caregroup.MemberForm;
import no.tilfrisk.caregroup.ResponsibilityGroups;
import no.tilfrisk.platform.web.IdempotencyKey;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** A person's responsibility group through the API, with the rights of its page: staff who see the person. */
@RestController
@Tag(name = "Responsibility group", description = "The responsibility group (ansvarsgruppe) of a person: members "
        + "(the person, a coordinator, staff, partner organisations the person consents to share with, a relative "
        + "the person consents to involve), meetings with who came and the minutes, and decisions (what, which "
        + "member answers for it, by when), which may become an action in the plan (becomes=PLAN_ACTION with a goalId) "
        + "or an item of the person's open transition (becomes=CHECKLIST_ITEM). Admins, and coordinators and staff "
        + "of the person's departments.")
class CareGroupApi {

    private final ResponsibilityGroups groups;

    CareGroupApi(ResponsibilityGroups groups) {
        this.groups = groups;
    }

    @GetMapping("/api/v1/persons/{personId}/care-group")
    @Operation(summary = "The person's group: current members, meetings newest first with who came, minutes and decisions")
    GroupView get(@PathVariable UUID personId) {
        return groups.group(personId);
    }

    @PostMapping("/api/v1/persons/{personId}/care-group/members")
    @Operation(summary = "Add a member: kind PERSON, COORDINATOR or STAFF (userId), PARTNER (partnerId), RELATIVE (relativeId)",
            description = "A member must belong: an account of the organisation, a partner the person consents to "
                    + "share with, a relative the person consents to involve. notifyEmail: a staff member or "
                    + "coordinator gets an e-mail when a meeting is set. An Idempotency-Key header (a UUID) becomes the "
                    + "member's id, so a retried request adds one.")
    ResponseEntity<Map<String, UUID>> addMember(@RequestHeader(name = IdempotencyKey.HEADER, required = false) UUID key,
                                                @PathVariable UUID personId, @RequestBody MemberForm form) {
        UUID id = groups.addMember(IdempotencyKey.idFor(key), personId, form);
        return ResponseEntity.created(URI.create("/api/v1/persons/" + personId + "/care-group")).body(Map.of("id", id));
    }

    @DeleteMapping("/api/v1/persons/{personId}/care-group/members/{memberId}")
    @Operation(summary = "Remove a member from the group (the meetings they came to keep them)")
    ResponseEntity<Void> removeMember(@PathVariable UUID personId, @PathVariable UUID memberId) {
        groups.removeMember(personId, memberId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/persons/{personId}/care-group/meetings")
    @Operation(summary = "Record or set a meeting: heldOn, attendees (member ids), minutes (the person reads them)",
            description = "A meeting set for today or later is told to the members who chose a channel (fixed words, "
                    + "the date only, never twice). An Idempotency-Key header (a UUID) becomes the meeting's id.")
    ResponseEntity<Map<String, UUID>> addMeeting(@RequestHeader(name = IdempotencyKey.HEADER, required = false) UUID key,
                                                 @PathVariable UUID personId, @RequestBody MeetingForm form) {
        UUID id = groups.addMeeting(IdempotencyKey.idFor(key), personId, form);
        return ResponseEntity.created(URI.create("/api/v1/persons/" + personId + "/care-group")).body(Map.of("id", id));
    }

    @PostMapping("/api/v1/persons/{personId}/care-group/meetings/{meetingId}/decisions")
    @Operation(summary = "Record a decision: what, responsibleMemberId, dueOn, and becomes (NONE, PLAN_ACTION with goalId, CHECKLIST_ITEM)",
            description = "An Idempotency-Key header (a UUID) becomes the decision's id, so a retried request makes "
                    + "one decision, one plan action or one checklist item.")
    ResponseEntity<Map<String, UUID>> addDecision(@RequestHeader(name = IdempotencyKey.HEADER, required = false) UUID key,
                                                  @PathVariable UUID personId, @PathVariable UUID meetingId,
                                                  @RequestBody DecisionForm form) {
        UUID id = groups.addDecision(IdempotencyKey.idFor(key), personId, meetingId, form);
        return ResponseEntity.created(URI.create("/api/v1/persons/" + personId + "/care-group")).body(Map.of("id", id));
    }
}
