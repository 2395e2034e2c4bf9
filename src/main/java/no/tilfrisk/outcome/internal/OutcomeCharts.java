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
 * the same figures as rows for the table beside it.
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
            latest.cutOffs().forEach(c -> chart.line(c.value(), c.meaning().in(locale)));
            List<Row> rows = new ArrayList<>();
            for (Response r : scored) {
                Instrument version = instruments.find(r.instrumentId(), r.instrumentVersion()).orElse(latest);
                String status = r.score().status() == null ? null
                        : messages.getMessage("outcome.status." + r.score().status(), null, locale);
                chart.point(r.answeredOn(), r.score().value(), status == null ? String.valueOf(r.score().value())
                        : r.score().value() + " (" + status + ")");
                // where the score has a derived status (Russtatus), the status says it; the cut-off would repeat it
                rows.add(new Row(r.answeredOn(), r.score().value(), status, status != null ? List.of()
                        : version.reached(r.score().value()).stream().map(c -> c.meaning().in(locale)).toList()));
            }
            Collections.reverse(rows);
            trends.add(new Trend(latest, chart.svg(), rows, bandText));
        }
        return trends;
    }
}
