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
    static final int VALUE_WIDTH = 70;

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
            svg.append("<text x=\"").append(LABEL_WIDTH - 8).append("\" y=\"").append(textY)
                    .append("\" text-anchor=\"end\" font-size=\"13\" fill=\"#1d2327\">").append(escape(bar.label())).append("</text>");
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

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
