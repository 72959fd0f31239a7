package org.teracon.workbench.ui.export;

import java.util.List;
import java.util.Locale;
import org.teracon.workbench.ui.vm.HeatmapData;

/**
 * Real vector output for the two chart kinds the workbench draws: line charts (polylines with axes,
 * ticks and legend) and heatmaps (one rect per cell with its value), laid out by {@link PaperFigures}
 * for one column of a two-column paper. No rasterised images inside.
 */
public final class SvgWriter {
    /** Modena's default chart colours, so the SVG matches the window. */
    static final String[] SERIES_COLORS = {"#f3622d", "#fba71b", "#57b757", "#41a9c9", "#4258c9", "#9a42c8", "#c84164", "#888888"};

    /** One line: a name and its points. */
    public record Series(String name, double[] xs, double[] ys) {
    }

    private SvgWriter() {
    }

    /** A line chart at one paper column's size ({@link PaperFigures#lineChart}); the title goes into the SVG's title element. */
    public static String lineChart(String title, String xLabel, String yLabel, List<Series> series) {
        return FigureSvg.of(PaperFigures.lineChart(xLabel, yLabel, series), title);
    }

    /** A heatmap at one paper column's size ({@link PaperFigures#heatmap}). */
    public static String heatmap(HeatmapData d) {
        return FigureSvg.of(PaperFigures.heatmap(d), d.title());
    }

    static double niceStep(double raw) {
        if (!(raw > 0) || !Double.isFinite(raw)) return 1;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double r = raw / mag;
        return (r <= 1 ? 1 : r <= 2 ? 2 : r <= 5 ? 5 : 10) * mag;
    }

    static String tick(double v, double step) {
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step)));
        return String.format(Locale.ROOT, "%." + decimals + "f", Math.abs(v) < step / 1e6 ? 0.0 : v);
    }

    static String esc(String s) {
        if (s == null) return "";
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
