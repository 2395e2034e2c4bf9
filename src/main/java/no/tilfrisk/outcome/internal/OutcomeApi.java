package no.tilfrisk.outcome.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import no.tilfrisk.outcome.Aggregate;
import no.tilfrisk.outcome.Instrument;
import no.tilfrisk.outcome.InstrumentSettings;
import no.tilfrisk.outcome.Instruments;
import no.tilfrisk.outcome.OutcomeAggregates;
import no.tilfrisk.outcome.Outcomes;
import no.tilfrisk.outcome.Response;
import no.tilfrisk.outcome.ResponseForm;
import no.tilfrisk.outcome.Score;
import no.tilfrisk.platform.web.IdempotencyKey;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Outcomes", description = "Versioned instruments, responses item by item with computed scores, and the "
        + "outcome figures. Staff reach the persons they may see; a participant only themself; every call is audited")
class OutcomeApi {

    /** An instrument's definition, and whether the caller's organisation takes responses to it now. */
    record InstrumentEntry(Instrument definition, boolean available) {
    }

    /**
     * One figure. With fewer than 5 in the denominator, shown is false and numerator, denominator, share and
     * interval are left out («for få svar»). definition says in words what is counted.
     */
    record AggregateEntry(String key, Long numerator, Long denominator, Double share, Double low, Double high,
                          boolean shown, String definition) {
    }

    private final Instruments instruments;
    private final Outcomes outcomes;
    private final InstrumentSettings settings;
    private final OutcomeAggregates aggregates;
    private final MessageSource messages;

    OutcomeApi(Instruments instruments, Outcomes outcomes, InstrumentSettings settings, OutcomeAggregates aggregates, MessageSource messages) {
        this.instruments = instruments;
        this.outcomes = outcomes;
        this.settings = settings;
        this.aggregates = aggregates;
        this.messages = messages;
    }

    @GetMapping("/api/v1/instruments")
    @Operation(summary = "Every instrument (latest version) with its items, scales, scoring, cut-offs, licence and source")
    List<InstrumentEntry> instruments() {
        var available = settings.available().stream().map(Instrument::id).toList();
        return instruments.all().stream().map(i -> new InstrumentEntry(i, available.contains(i.id()))).toList();
    }

    @GetMapping("/api/v1/persons/{personId}/responses")
    @Operation(summary = "The person's responses, newest first, with answers and computed scores")
    List<Response> responses(@PathVariable UUID personId) {
        return outcomes.ofPerson(personId).stream().map(this::inWords).toList();
    }

    @PostMapping("/api/v1/persons/{personId}/responses")
    @Operation(summary = "Record a response with its item answers; the score comes back computed",
            description = "answers maps item ids to values on the item's scale. An item left out gives a response "
                    + "without a score, with the reason. instrumentVersion defaults to the latest. An Idempotency-Key "
                    + "header (a UUID), or else an id in the body, becomes the response's id, so a retry records one.")
    ResponseEntity<Response> record(@PathVariable UUID personId,
                                    @RequestHeader(name = IdempotencyKey.HEADER, required = false) UUID key,
                                    @RequestBody ResponseForm form) {
        UUID id = IdempotencyKey.idFor(key, form.getId());
        Response response = outcomes.record(id, personId, form);
        return ResponseEntity.created(URI.create("/api/v1/persons/" + personId + "/responses/" + id))
                .body(inWords(response));
    }

    /** The response with the reason a score is missing in words in the caller's language, not a message key. */
    private Response inWords(Response r) {
        Score score = r.score();
        if (score.missingReason() == null) {
            return r;
        }
        Locale locale = LocaleContextHolder.getLocale();
        String reason = Score.MISSING_ITEMS.equals(score.missingReason()) && !score.missingItems().isEmpty()
                ? messages.getMessage("outcome.score.missing", new Object[] {String.join(", ", score.missingItems())}, locale)
                : messages.getMessage(score.missingReason(), null, score.missingReason(), locale);
        return new Response(r.id(), r.personId(), r.instrumentId(), r.instrumentVersion(), r.answeredOn(),
                r.entryMethod(), r.enteredBy(), r.createdAt(), r.answers(), new Score(score.value(), score.raw(),
                score.status(), score.goal(), reason, score.missingItems()));
    }

    @GetMapping("/api/v1/outcomes/aggregates")
    @Operation(summary = "The outcome figures for a department (or the organisation) and a period, dates included",
            description = "For admins and coordinators. Report readers read them in the external annual report.")
    List<AggregateEntry> aggregates(@RequestParam(required = false) UUID department, @RequestParam LocalDate from,
                                    @RequestParam LocalDate to) {
        var locale = LocaleContextHolder.getLocale();
        return aggregates.forAnyPeriod(department, from, to).stream().map((Aggregate a) -> new AggregateEntry(a.key(),
                a.shown() ? a.numerator() : null, a.shown() ? a.denominator() : null, a.share(), a.low(), a.high(),
                a.shown(), messages.getMessage(a.definitionKey(), a.args(), locale))).toList();
    }
}
