package no.tilfrisk.outcome.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import no.tilfrisk.outcome.InstrumentSettings;
import no.tilfrisk.outcome.OutcomeAggregates;
import no.tilfrisk.outcome.OutcomeSettings;
import no.tilfrisk.platform.web.NotFoundException;
import no.tilfrisk.platform.web.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organisation's outcome settings, as the admin's part of the outcome page has them: the thresholds of the
 * outcome figures, and the instruments whose licence the organisation has confirmed.
 */
@RestController
@Tag(name = "Outcomes", description = "Versioned instruments, responses item by item with computed scores, and the "
        + "outcome figures. Staff reach the persons they may see; a participant only themself; every call is audited")
class OutcomeSettingsApi {

    record Licence(Boolean enabled) {
    }

    private final OutcomeAggregates aggregates;
    private final InstrumentSettings instruments;

    OutcomeSettingsApi(OutcomeAggregates aggregates, InstrumentSettings instruments) {
        this.aggregates = aggregates;
        this.instruments = instruments;
    }

    @GetMapping("/api/v1/outcomes/settings")
    @Operation(summary = "The thresholds of the outcome figures (organisation admins)")
    OutcomeSettings settings() {
        return aggregates.settingsToEdit();
    }

    @PutMapping("/api/v1/outcomes/settings")
    @Operation(summary = "Change the thresholds of the outcome figures (organisation admins)",
            description = "Every field is required; a value out of range is an error on that field.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "the defaults", value = """
                            {"abstinenceWindowMonths": 12, "minGapDays": 90, "qualityOfLifeGain": 1, "who5Gain": 10, "meaningfulMin": 7}"""))))
    OutcomeSettings change(@Valid @RequestBody OutcomeSettings settings) {
        aggregates.changeSettings(settings);
        return aggregates.settingsToEdit();
    }

    @PutMapping("/api/v1/outcomes/instruments/{instrumentId}")
    @Operation(summary = "Confirm (or withdraw) the organisation's licence of an instrument that needs one",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "licence confirmed", value = "{\"enabled\": true}"))))
    ResponseEntity<Void> licence(@PathVariable String instrumentId, @RequestBody Licence body) {
        if (body.enabled() == null) {
            throw new InvalidInputException("enabled", "outcome.instrument.enabled.required");
        }
        try {
            instruments.setEnabled(instrumentId, body.enabled());
        } catch (InvalidInputException e) {
            throw new NotFoundException("Instrument");
        }
        return ResponseEntity.noContent().build();
    }
}
