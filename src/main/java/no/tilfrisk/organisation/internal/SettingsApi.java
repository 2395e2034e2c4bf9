package no.tilfrisk.organisation.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Validator;
import java.util.List;
import no.tilfrisk.organisation.OrganisationSettings;
import no.tilfrisk.organisation.Organisations;
import no.tilfrisk.platform.web.InvalidInputException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The organisation's settings through the API, as the admin's settings page has them. */
@RestController
@RequestMapping("/api/v1/organisation/settings")
@Tag(name = "Organisation settings", description = "Choices the organisation makes for itself: national identity "
        + "numbers on or off, how many months records are kept after a person leaves, and whether signing in needs "
        + "a second factor. Organisation admins only")
class SettingsApi {

    private static final String EXAMPLE = """
            {"nationalIdEnabled": false, "retentionMonths": 36, "requireSecondFactor": true}""";

    private final Organisations organisations;
    private final Validator validator;

    SettingsApi(Organisations organisations, Validator validator) {
        this.organisations = organisations;
        this.validator = validator;
    }

    @GetMapping
    @Operation(summary = "The organisation's settings")
    OrganisationSettings get() {
        return organisations.settingsToChange();
    }

    @PutMapping
    @Operation(summary = "Change the organisation's settings (every field, as on the settings page)",
            description = "retentionMonths is 1–240.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "three years", value = EXAMPLE))))
    OrganisationSettings change(@RequestBody OrganisationSettings settings) {
        // the caller first (403 for all but admins), then the body's fields, as the page's rules have them
        organisations.settingsToChange();
        List<InvalidInputException> broken = validator.validate(settings).stream()
                .map(v -> new InvalidInputException(v.getPropertyPath().toString(),
                        v.getMessageTemplate().replaceAll("^\\{|}$", "")))
                .toList();
        InvalidInputException.throwIfAny(broken);
        organisations.changeSettings(settings);
        return organisations.settingsToChange();
    }
}
