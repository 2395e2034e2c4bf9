package no.tilfrisk.platform.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Bar labels fit their room (issue 15, item 8): a long label goes on two lines, broken between words. */
class BarChartTest {

    @Test
    void aShortLabelStaysOnOneLine() {
        assertThat(BarChart.wrap("Kvinnegruppe")).containsExactly("Kvinnegruppe");
    }

    @Test
    void aLongLabelBreaksBetweenWordsAndAnOverlongOneEndsInAnEllipsis() {
        assertThat(BarChart.wrap("Tematisk gruppe for pårørende i Skien og Porsgrunn"))
                .containsExactly("Tematisk gruppe for", "pårørende i Skien og Pors…");
        assertThat(BarChart.wrap("Samtalegruppe for unge voksne"))
                .containsExactly("Samtalegruppe for unge", "voksne");
        List<String> lines = BarChart.wrap("Turgruppe ".repeat(10));
        assertThat(lines).hasSize(2).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(BarChart.LABEL_CHARACTERS));
    }

    @Test
    void aTwoLineLabelKeepsItsWholeTextAsTheTitle() {
        String svg = BarChart.render("t", "Tittel", "Beskrivelse",
                List.of(BarChart.Bar.of("Samtalegruppe for unge voksne", 12)));
        assertThat(svg).contains("<title>Samtalegruppe for unge voksne</title>", "<tspan>Samtalegruppe for unge</tspan>",
                ">voksne</tspan>");
    }
}
