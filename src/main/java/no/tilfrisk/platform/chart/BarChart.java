package no.tilfrisk.platform.chart;

import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart as SVG, the same for page, PDF and DOCX: one bar per label, its value written beside it.
 * Accessible: {@code role="img"} with a {@code <title>} and a {@code <desc>} that the SVG is labelled by; the data
 * belongs in a table beside the chart too. A value may be missing (hidden or not registered): no bar, and the text
 * given instead. Pure; the text is escaped.
 */
public final class BarChart {

    /** One bar: its label, its value (null: no bar), and the text written beside it. */
    public record Bar(String label, Double value, String shown) {

        public static Bar of(String label, long value) {
            return new Bar(label, (double) value, Long.toString(value));
        }
    }

    static final int WIDTH = 640;
    static final int BAR_HEIGHT = 22;
    static final int GAP = 8;
    static final int LABEL_WIDTH = 200;
    static final int VALUE_WIDTH = 90;
    /** About as many characters of 13 px text as the label's room holds; a longer label goes on two lines. */
    static final int LABEL_CHARACTERS = 26;

    private BarChart() {
    }

    /**
     * @param id          unique on the page: the ids of the title and description are made from it
     * @param title       what the chart shows, in a few words
     * @param description the chart's message or its figures in words, for those who do not see it
     */
    public static String render(String id, String title, String description, List<Bar> bars) {
        String safeId = id.replaceAll("[^A-Za-z0-9_-]", "-");
        double max = bars.stream().filter(b -> b.value() != null).mapToDouble(Bar::value).max().orElse(0);
        int height = GAP + bars.size() * (BAR_HEIGHT + GAP);
        int plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" width=\"").append(WIDTH)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" aria-labelledby=\"").append(safeId).append("-title ").append(safeId).append("-desc\">")
                .append("<title id=\"").append(safeId).append("-title\">").append(escape(title)).append("</title>")
                .append("<desc id=\"").append(safeId).append("-desc\">").append(escape(description)).append("</desc>");
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = GAP + i * (BAR_HEIGHT + GAP);
            int textY = y + BAR_HEIGHT / 2 + 5;
            List<String> lines = wrap(bar.label());
            svg.append("<text x=\"").append(LABEL_WIDTH - 8).append("\" y=\"").append(lines.size() == 1 ? textY : textY - 7)
                    .append("\" text-anchor=\"end\" font-size=\"13\" fill=\"#1d2327\">");
            if (lines.size() == 1) {
                svg.append(escape(lines.get(0)));
            } else {
                // the whole label stays readable to a screen reader and on hover; the picture shows two lines
                svg.append("<title>").append(escape(bar.label())).append("</title>")
                        .append("<tspan>").append(escape(lines.get(0))).append("</tspan>")
                        .append("<tspan x=\"").append(LABEL_WIDTH - 8).append("\" dy=\"14\">").append(escape(lines.get(1)))
                        .append("</tspan>");
            }
            svg.append("</text>");
            double length = bar.value() == null || max <= 0 ? 0 : Math.max(0, bar.value()) / max * plot;
            if (bar.value() != null) {
                svg.append("<rect x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y).append("\" width=\"")
                        .append(String.format(Locale.ROOT, "%.1f", length)).append("\" height=\"").append(BAR_HEIGHT)
                        .append("\" fill=\"#1f6f5c\"/>");
            }
            svg.append("<text x=\"").append(String.format(Locale.ROOT, "%.1f", LABEL_WIDTH + length + 6)).append("\" y=\"")
                    .append(textY).append("\" font-size=\"13\" fill=\"#1d2327\">").append(escape(bar.shown())).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    /**
     * The label on one line, or on two broken between words where it is longer than the room; a second line that
     * would still be too long ends in «…» (the full label is in the chart's table and the text's title).
     */
    static List<String> wrap(String label) {
        String text = label == null ? "" : label.strip();
        if (text.length() <= LABEL_CHARACTERS) {
            return List.of(text);
        }
        int cut = text.lastIndexOf(' ', LABEL_CHARACTERS);
        if (cut <= 0) {
            cut = LABEL_CHARACTERS;
        }
        String second = text.substring(cut).strip();
        if (second.length() > LABEL_CHARACTERS) {
            second = second.substring(0, LABEL_CHARACTERS - 1).strip() + "…";
        }
        return List.of(text.substring(0, cut).strip(), second);
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
