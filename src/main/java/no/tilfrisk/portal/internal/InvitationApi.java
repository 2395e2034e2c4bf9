package no.tilfrisk.portal.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Inviting a participant to «Min side» through the API, as the person's invitation page does. */
@RestController
@Tag(name = "Min side invitations", description = "Invite a participant to «Min side»: an e-mail with a link, valid "
        + "for 72 hours, to choose a password. For admins, coordinators and staff about persons they may see")
class InvitationApi {

    private final Invitations invitations;
    private final InvitationLinks links;

    InvitationApi(Invitations invitations, InvitationLinks links) {
        this.invitations = invitations;
        this.links = links;
    }

    @PostMapping("/api/v1/persons/{personId}/invitation")
    @Operation(summary = "Invite the participant to «Min side» at this e-mail address",
            description = "The person must be a current participant without an account who consents to contact by "
                    + "e-mail, and the address must not sign in anywhere yet; a new invitation revokes the one "
                    + "before. The same address again within a few seconds is the same invitation (repeated: true). "
                    + "The e-mail is written in the caller's language (Accept-Language). link is given back only where "
                    + "it may be shown on screen (demo mode), as on the page.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "an invitation", value = "{\"email\": \"kari@example.no\"}"))))
    ResponseEntity<Invitations.Sent> invite(@PathVariable UUID personId, @Valid @RequestBody InvitationForm form,
                                            Locale locale) {
        Invitations.Sent sent = invitations.invite(personId, form, links.baseUrl(), locale);
        return ResponseEntity.status(HttpStatus.CREATED).body(sent);
    }
}
