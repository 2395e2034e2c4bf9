package no.tilfrisk.person.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.person.Membership;
import no.tilfrisk.person.PersonRole;
import no.tilfrisk.person.PersonSpans;
import no.tilfrisk.person.Relative;
import no.tilfrisk.person.RoleSpan;
import no.tilfrisk.platform.web.IdempotencyKey;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's roles and department memberships with their own dates, and their relatives: what the person's page
 * does with its small forms, so that a past year can be loaded through the API.
 */
@RestController
@RequestMapping("/api/v1/persons/{id}")
@Tag(name = "Persons", description = "Persons of the caller's organisation, within the caller's rights; every call is audited")
class PersonSpanApi {

    /** A role to add: {@code from} today and {@code to} open when left out. */
    record RoleBody(PersonRole role, LocalDate from, LocalDate to) {
    }

    /** A membership to add, as a role. */
    record MembershipBody(UUID departmentId, LocalDate from, LocalDate to) {
    }

    /** The dates of a span: both set as sent (an end left out makes the span open). */
    record Dates(LocalDate from, LocalDate to) {
    }

    /** The end of a span: today when left out. */
    record End(LocalDate to) {
    }

    record RelativeBody(UUID relativeId, String relation) {
    }

    private static final String ROLE_EXAMPLE = """
            {"role": "PARTICIPANT", "from": "2023-01-15", "to": "2023-12-31"}""";
    private static final String MEMBERSHIP_EXAMPLE = """
            {"departmentId": "6f1c0a52-3b7e-4f0e-9a51-1f2a3b4c5d6e", "from": "2023-01-15"}""";
    private static final String DATES_EXAMPLE = """
            {"from": "2022-08-01", "to": null}""";
    private static final String END_EXAMPLE = """
            {"to": "2023-12-31"}""";
    private static final String RELATIVE_EXAMPLE = """
            {"relativeId": "0b7e4c1d-2f3a-4b5c-8d9e-0f1a2b3c4d5e", "relation": "mor"}""";

    private final PersonSpans spans;

    PersonSpanApi(PersonSpans spans) {
        this.spans = spans;
    }

    @GetMapping("/roles")
    @Operation(summary = "The person's roles, each with its own dates")
    List<RoleSpan> roles(@PathVariable UUID id) {
        return spans.roles(id);
    }

    @PostMapping("/roles")
    @Operation(summary = "Add a role with its dates (a past span too)",
            description = "from is today and to open when left out. An Idempotency-Key (a UUID) becomes the span's "
                    + "id, so a retried request adds one role.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "a past year", value = ROLE_EXAMPLE))))
    ResponseEntity<RoleSpan> addRole(@PathVariable UUID id,
                                     @RequestHeader(name = IdempotencyKey.HEADER, required = false) UUID key,
                                     @RequestBody RoleBody body) {
        RoleSpan span = spans.addRole(id, IdempotencyKey.idFor(key), body.role(), body.from(), body.to());
        return ResponseEntity.created(URI.create("/api/v1/persons/" + id + "/roles/" + span.id())).body(span);
    }

    @PutMapping("/roles/{roleId}")
    @Operation(summary = "Set a role's dates: backdate its start, set or clear its end",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "backdated, open", value = DATES_EXAMPLE))))
    RoleSpan changeRole(@PathVariable UUID id, @PathVariable UUID roleId, @RequestBody Dates body) {
        return spans.changeRole(id, roleId, body.from(), body.to());
    }

    @PostMapping("/roles/{roleId}/end")
    @Operation(summary = "End a role (today when no date is sent)",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false, content = @Content(
                    examples = @ExampleObject(name = "ended at the year's end", value = END_EXAMPLE))))
    RoleSpan endRole(@PathVariable UUID id, @PathVariable UUID roleId, @RequestBody(required = false) End body) {
        return spans.endRole(id, roleId, body == null ? null : body.to());
    }

    @GetMapping("/memberships")
    @Operation(summary = "The person's department memberships, each with its own dates")
    List<Membership> memberships(@PathVariable UUID id) {
        return spans.memberships(id);
    }

    @PostMapping("/memberships")
    @Operation(summary = "Add a membership of one of the caller's departments with its dates",
            description = "As a role: from today and to open when left out; an Idempotency-Key becomes its id.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "since January 2023", value = MEMBERSHIP_EXAMPLE))))
    ResponseEntity<Membership> addMembership(@PathVariable UUID id,
                                             @RequestHeader(name = IdempotencyKey.HEADER, required = false) UUID key,
                                             @RequestBody MembershipBody body) {
        Membership m = spans.addMembership(id, IdempotencyKey.idFor(key), body.departmentId(), body.from(), body.to());
        return ResponseEntity.created(URI.create("/api/v1/persons/" + id + "/memberships/" + m.id())).body(m);
    }

    @PutMapping("/memberships/{membershipId}")
    @Operation(summary = "Set a membership's dates: backdate its start, set or clear its end",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "backdated, open", value = DATES_EXAMPLE))))
    Membership changeMembership(@PathVariable UUID id, @PathVariable UUID membershipId, @RequestBody Dates body) {
        return spans.changeMembership(id, membershipId, body.from(), body.to());
    }

    @PostMapping("/memberships/{membershipId}/end")
    @Operation(summary = "End a membership (today when no date is sent)",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false, content = @Content(
                    examples = @ExampleObject(name = "ended at the year's end", value = END_EXAMPLE))))
    Membership endMembership(@PathVariable UUID id, @PathVariable UUID membershipId,
                             @RequestBody(required = false) End body) {
        return spans.endMembership(id, membershipId, body == null ? null : body.to());
    }

    @GetMapping("/relatives")
    @Operation(summary = "The person's relatives (or, for a relative, the participants), those the caller may see")
    List<Relative> relatives(@PathVariable UUID id) {
        return spans.relatives(id);
    }

    @PostMapping("/relatives")
    @Operation(summary = "Link a relative to a participant",
            description = "Linking the same relative again replaces the relation; one link stays.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "a mother", value = RELATIVE_EXAMPLE))))
    ResponseEntity<Relative> link(@PathVariable UUID id, @RequestBody RelativeBody body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(spans.linkRelative(id, body.relativeId(), body.relation()));
    }

    @DeleteMapping("/relatives/{linkId}")
    @Operation(summary = "Unlink a relative; a link already gone is no error")
    ResponseEntity<Void> unlink(@PathVariable UUID id, @PathVariable UUID linkId) {
        spans.unlinkRelative(id, linkId);
        return ResponseEntity.noContent().build();
    }
}
