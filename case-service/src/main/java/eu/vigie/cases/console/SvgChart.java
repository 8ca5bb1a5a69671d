package eu.vigie.cases.console;

import java.util.List;
import java.util.Locale;

/**
 * Simple bar charts drawn on the server as SVG, so the regulator's page needs no script and no
 * library. Each chart carries a title for assistive technology, and the page shows the same figures in
 * a table next to it.
 */
public final class SvgChart {

    /** One bar: its label, its value (null: no data, drawn as a gap) and the text printed next to it. */
    public record Bar(String label, Double value, String shown) {
    }

    private static final int ROW = 28;
    private static final int LABEL_WIDTH = 170;
    private static final int BAR_WIDTH = 360;
    private static final int VALUE_WIDTH = 90;

    private SvgChart() {
    }

    /**
     * Horizontal bars scaled to {@code max} (or to the largest value when {@code max} is null).
     *
     * @param id    the element id, unique on the page
     * @param title what the chart shows, read by screen readers
     */
    public static String horizontal(String id, String title, List<Bar> bars, Double max) {
        double top = max != null ? max
                : bars.stream().map(Bar::value).filter(v -> v != null).mapToDouble(Double::doubleValue).max().orElse(0);
        if (top <= 0) {
            top = 1;
        }
        int height = Math.max(1, bars.size()) * ROW + 10;
        int width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" id=\"").append(escape(id))
                .append("\" aria-labelledby=\"").append(escape(id)).append("-title\" viewBox=\"0 0 ").append(width)
                .append(' ').append(height).append("\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\">")
                .append("<title id=\"").append(escape(id)).append("-title\">").append(escape(title)).append("</title>");
        int y = 5;
        for (Bar bar : bars) {
            svg.append("<text x=\"").append(LABEL_WIDTH - 8).append("\" y=\"").append(y + 18)
                    .append("\" text-anchor=\"end\" class=\"chart-label\">").append(escape(bar.label())).append("</text>");
            if (bar.value() != null) {
                long w = Math.round(Math.max(0, Math.min(1, bar.value() / top)) * BAR_WIDTH);
                svg.append("<rect x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y + 4).append("\" width=\"")
                        .append(Math.max(w, 1)).append("\" height=\"").append(ROW - 8).append("\" class=\"chart-bar\"/>");
            }
            svg.append("<text x=\"").append(LABEL_WIDTH + BAR_WIDTH + 6).append("\" y=\"").append(y + 18)
                    .append("\" class=\"chart-value\">").append(escape(bar.shown())).append("</text>");
            y += ROW;
        }
        svg.append("<line x1=\"").append(LABEL_WIDTH).append("\" y1=\"0\" x2=\"").append(LABEL_WIDTH).append("\" y2=\"")
                .append(height).append("\" class=\"chart-axis\"/></svg>");
        return svg.toString();
    }

    /** A figure for a chart or table: a share as a percentage. */
    public static String percent(Double share) {
        return share == null ? "–" : String.format(Locale.ROOT, "%.0f %%", share * 100);
    }

    /** Seconds as minutes, one decimal. */
    public static String minutes(Double seconds) {
        return seconds == null ? "–" : String.format(Locale.ROOT, "%.1f min", seconds / 60);
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
