package no.tilfrisk.outcome.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import no.tilfrisk.outcome.Instrument;
import no.tilfrisk.outcome.Instruments;
import no.tilfrisk.outcome.Response;
import no.tilfrisk.platform.chart.LineChart;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A person's trend per instrument: one chart with the instrument's cut-off lines and, where it defines a meaningful
 * change, the band of that size around the first score (a later score outside it has changed meaningfully), plus
 * the same figures as rows for the table beside it. The participant reads the cut-offs in plain words
 * ({@code outcome.cutOff.plain.<instrument>.<key>}, issue 15 item 10); staff keep the instrument's clinical wording.
 */
@Component
class OutcomeCharts {

    record Row(LocalDate date, Integer score, String status, List<String> meanings) {
    }

    record Trend(Instrument instrument, String svg, List<Row> rows, String bandText) {
    }

    private final Instruments instruments;
    private final MessageSource messages;

    OutcomeCharts(Instruments instruments, MessageSource messages) {
        this.instruments = instruments;
        this.messages = messages;
    }

    List<Trend> trends(List<Response> responses, Locale locale, String idPrefix) {
        return trends(responses, locale, idPrefix, false);
    }

    /** The same for the participant themself: the cut-offs in plain words. */
    List<Trend> forTheParticipant(List<Response> responses, Locale locale) {
        return trends(responses, locale, "my-trend-", true);
    }

    private List<Trend> trends(List<Response> responses, Locale locale, String idPrefix, boolean plain) {
        List<Trend> trends = new ArrayList<>();
        for (Instrument latest : instruments.all()) {
            List<Response> scored = responses.stream()
                    .filter(r -> r.instrumentId().equals(latest.id()) && r.score().computed())
                    .sorted(Comparator.comparing(Response::answeredOn).thenComparing(Response::createdAt))
                    .toList();
            if (scored.isEmpty()) {
                continue;
            }
            String name = latest.name().in(locale);
            LineChart chart = new LineChart(idPrefix + latest.id(), messages.getMessage("outcome.chart.title",
                    new Object[] {name}, locale), messages.getMessage("outcome.chart.description",
                    new Object[] {name, scored.size(), latest.scoring().min(), latest.scoring().max()}, locale),
                    latest.scoring().min(), latest.scoring().max());
            String bandText = null;
            if (latest.meaningfulChange() != null) {
                int base = scored.get(0).score().value();
                bandText = messages.getMessage("outcome.chart.band", new Object[] {latest.meaningfulChange(), base}, locale);
                chart.band(base - latest.meaningfulChange() + 0.5, base + latest.meaningfulChange() - 0.5, bandText);
            }
            latest.cutOffs().forEach(c -> chart.line(c.value(), meaning(latest, c, locale, plain)));
            List<Row> rows = new ArrayList<>();
            for (Response r : scored) {
                Instrument version = instruments.find(r.instrumentId(), r.instrumentVersion()).orElse(latest);
                String status = r.score().status() == null ? null
                        : messages.getMessage("outcome.status." + r.score().status(), null, locale);
                chart.point(r.answeredOn(), r.score().value(), status == null ? String.valueOf(r.score().value())
                        : r.score().value() + " (" + status + ")");
                // where the score has a derived status (Russtatus), the status says it; the cut-off would repeat it
                rows.add(new Row(r.answeredOn(), r.score().value(), status, status != null ? List.of()
                        : version.reached(r.score().value()).stream().map(c -> meaning(version, c, locale, plain)).toList()));
            }
            Collections.reverse(rows);
            trends.add(new Trend(latest, chart.svg(), rows, bandText));
        }
        return trends;
    }

    /** The cut-off's meaning: the instrument's own words, or for the participant plain ones where there are any. */
    private String meaning(Instrument instrument, Instrument.CutOff cutOff, Locale locale, boolean plain) {
        String clinical = cutOff.meaning().in(locale);
        return plain ? messages.getMessage("outcome.cutOff.plain." + instrument.id() + "." + cutOff.key(), null,
                clinical, locale) : clinical;
    }
}
