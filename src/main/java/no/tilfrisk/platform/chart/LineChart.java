package no.tilfrisk.platform.chart;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A small server-side SVG line chart over dates: points joined by a line, horizontal reference lines (cut-offs)
 * and a shaded band (a meaningful-change band, say). The same SVG serves pages, PDF and DOCX. It scales to its
 * container (viewBox, width 100 %), names itself for screen readers (role img, title and description), and leaves
 * the figures to a table next to it, which a page should show too.
 */
public final class LineChart {

    public record Point(LocalDate date, double value, String label) {
    }

    public record Line(double value, String label) {
    }

    public record Band(double low, double high, String label) {
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.ROOT);
    private static final int WIDTH = 640;
    private static final int HEIGHT = 260;
    private static final int LEFT = 44;
    private static final int RIGHT = 16;
    private static final int TOP = 14;
    private static final int BOTTOM = 34;

    private final String id;
    private final String title;
    private final String description;
    private final double yMin;
    private final double yMax;
    private final List<Point> points = new ArrayList<>();
    private final List<Line> lines = new ArrayList<>();
    private final List<Band> bands = new ArrayList<>();

    /** {@code id} must be unique on the page: the title and description are referred to by it. */
    public LineChart(String id, String title, String description, double yMin, double yMax) {
        if (!(yMax > yMin)) {
            throw new IllegalArgumentException("yMax must be above yMin");
        }
        this.id = id.replaceAll("[^A-Za-z0-9_-]", "-");
        this.title = title;
        this.description = description;
        this.yMin = yMin;
        this.yMax = yMax;
    }

    public LineChart point(LocalDate date, double value, String label) {
        points.add(new Point(date, value, label));
        return this;
    }

    public LineChart line(double value, String label) {
        lines.add(new Line(value, label));
        return this;
    }

    public LineChart band(double low, double high, String label) {
        bands.add(new Band(Math.max(yMin, low), Math.min(yMax, high), label));
        return this;
    }

    public List<Point> points() {
        return List.copyOf(points);
    }

    /** The chart as an SVG element, ready to put into HTML as it is; a chart without points has no dates. */
    public String svg() {
        List<Point> sorted = points.stream().sorted(Comparator.comparing(Point::date)).toList();
        LocalDate first = sorted.isEmpty() ? null : sorted.get(0).date();
        LocalDate last = sorted.isEmpty() ? null : sorted.get(sorted.size() - 1).date();
        // a single point, or points on one day, sit in the middle of a month
        if (first != null && ChronoUnit.DAYS.between(first, last) < 30) {
            first = first.minusDays(15);
            last = last.plusDays(15);
        }
        double days = first == null ? 0 : ChronoUnit.DAYS.between(first, last);
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"line-chart\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" width=\"100%\" role=\"img\" aria-labelledby=\"").append(id).append("-title ")
                .append(id).append("-desc\">");
        s.append("<title id=\"").append(id).append("-title\">").append(esc(title)).append("</title>");
        s.append("<desc id=\"").append(id).append("-desc\">").append(esc(description)).append("</desc>");
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        for (Band b : bands) {
            double y1 = y(b.high(), plotH);
            double y2 = y(b.low(), plotH);
            s.append("<rect class=\"band\" x=\"").append(LEFT).append("\" y=\"").append(num(y1)).append("\" width=\"")
                    .append(num(plotW)).append("\" height=\"").append(num(Math.max(0, y2 - y1)))
                    .append("\" fill=\"#cfe8dc\" fill-opacity=\"0.7\"><title>").append(esc(b.label())).append("</title></rect>");
        }
        // axes and the y ticks
        s.append("<g class=\"axis\" stroke=\"#4a4a4a\" stroke-width=\"1\">");
        s.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"").append(LEFT).append("\" y2=\"")
                .append(num(TOP + plotH)).append("\"/>");
        s.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(num(TOP + plotH)).append("\" x2=\"")
                .append(num(LEFT + plotW)).append("\" y2=\"").append(num(TOP + plotH)).append("\"/></g>");
        s.append("<g class=\"ticks\" font-size=\"12\" fill=\"#1f1f1f\" text-anchor=\"end\">");
        for (int i = 0; i <= 4; i++) {
            double v = yMin + (yMax - yMin) * i / 4;
            s.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(num(y(v, plotH) + 4)).append("\">")
                    .append(num(v)).append("</text>");
        }
        s.append("</g>");
        if (first != null) {
            s.append("<g font-size=\"12\" fill=\"#1f1f1f\">");
            s.append("<text x=\"").append(LEFT).append("\" y=\"").append(HEIGHT - 10).append("\">")
                    .append(first.format(DATE)).append("</text>");
            s.append("<text x=\"").append(num(LEFT + plotW)).append("\" y=\"").append(HEIGHT - 10)
                    .append("\" text-anchor=\"end\">").append(last.format(DATE)).append("</text></g>");
        }
        for (Line l : lines) {
            double y = y(l.value(), plotH);
            s.append("<g class=\"cut-off\"><line x1=\"").append(LEFT).append("\" y1=\"").append(num(y)).append("\" x2=\"")
                    .append(num(LEFT + plotW)).append("\" y2=\"").append(num(y))
                    .append("\" stroke=\"#8a4b00\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>")
                    .append("<text x=\"").append(num(LEFT + plotW - 4)).append("\" y=\"").append(num(y - 4))
                    .append("\" font-size=\"11\" fill=\"#6b3a00\" text-anchor=\"end\">").append(esc(l.label()))
                    .append("</text></g>");
        }
        if (!sorted.isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (Point p : sorted) {
                path.append(path.isEmpty() ? "M" : " L").append(num(x(p.date(), first, days, plotW))).append(' ')
                        .append(num(y(p.value(), plotH)));
            }
            s.append("<path class=\"trend\" d=\"").append(path).append("\" fill=\"none\" stroke=\"#005a46\" stroke-width=\"2.5\"/>");
            for (Point p : sorted) {
                s.append("<circle class=\"point\" cx=\"").append(num(x(p.date(), first, days, plotW))).append("\" cy=\"")
                        .append(num(y(p.value(), plotH))).append("\" r=\"5\" fill=\"#005a46\"><title>")
                        .append(esc(p.date().format(DATE) + ": " + (p.label() == null ? num(p.value()) : p.label())))
                        .append("</title></circle>");
            }
        }
        s.append("</svg>");
        return s.toString();
    }

    private double y(double value, double plotH) {
        double clamped = Math.max(yMin, Math.min(yMax, value));
        return TOP + plotH * (1 - (clamped - yMin) / (yMax - yMin));
    }

    private static double x(LocalDate date, LocalDate first, double days, double plotW) {
        return LEFT + plotW * ChronoUnit.DAYS.between(first, date) / days;
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
