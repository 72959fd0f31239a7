package org.teracon.workbench.ui.export;

import java.util.List;
import java.util.Locale;
import org.teracon.workbench.ui.view.ColorScale;
import org.teracon.workbench.ui.vm.HeatmapData;

/**
 * Real vector output for the two chart kinds the workbench draws: line charts (polylines with axes,
 * ticks and legend) and heatmaps (one rect per cell with its value). No rasterised images inside.
 */
public final class SvgWriter {
    /** Modena's default chart colours, so the SVG matches the window. */
    static final String[] SERIES_COLORS = {"#f3622d", "#fba71b", "#57b757", "#41a9c9", "#4258c9", "#9a42c8", "#c84164", "#888888"};

    /** One line: a name and its points. */
    public record Series(String name, double[] xs, double[] ys) {
    }

    private SvgWriter() {
    }

    public static String lineChart(String title, String xLabel, String yLabel, List<Series> series) {
        double w = 900, h = 520, left = 80, right = 160, top = 50, bottom = 60;
        double pw = w - left - right, ph = h - top - bottom;
        double xmin = Double.POSITIVE_INFINITY, xmax = Double.NEGATIVE_INFINITY, ymin = Double.POSITIVE_INFINITY, ymax = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.xs().length; i++) {
                if (!Double.isFinite(s.ys()[i])) continue;
                xmin = Math.min(xmin, s.xs()[i]);
                xmax = Math.max(xmax, s.xs()[i]);
                ymin = Math.min(ymin, s.ys()[i]);
                ymax = Math.max(ymax, s.ys()[i]);
            }
        }
        if (!Double.isFinite(xmin)) {
            xmin = 0; xmax = 1; ymin = 0; ymax = 1;
        }
        if (xmax == xmin) xmax = xmin + 1;
        if (ymax == ymin) ymax = ymin + 1;
        double ystep = niceStep((ymax - ymin) / 6), xstep = niceStep((xmax - xmin) / 8);
        ymin = Math.floor(ymin / ystep) * ystep;
        ymax = Math.ceil(ymax / ystep) * ystep;
        final double x0 = xmin, x1 = xmax, y0 = ymin, y1 = ymax;
        java.util.function.DoubleUnaryOperator sx = x -> left + (x - x0) / (x1 - x0) * pw;
        java.util.function.DoubleUnaryOperator sy = y -> top + ph - (y - y0) / (y1 - y0) * ph;

        StringBuilder b = header(w, h);
        b.append(text(left, 28, title, 16, "start", "bold"));
        b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"#999\"/>%n", left, top, pw, ph));
        for (double y = ymin; y <= ymax + ystep / 2; y += ystep) {
            double py = sy.applyAsDouble(y);
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#e4e4e4\"/>%n", left, py, left + pw, py));
            b.append(text(left - 8, py + 4, tick(y, ystep), 11, "end", "normal"));
        }
        for (double x = Math.ceil(xmin / xstep) * xstep; x <= xmax + xstep / 1e6; x += xstep) {
            double px = sx.applyAsDouble(x);
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#999\"/>%n", px, top + ph, px, top + ph + 5));
            b.append(text(px, top + ph + 18, tick(x, xstep), 11, "middle", "normal"));
        }
        b.append(text(left + pw / 2, h - 18, xLabel, 12, "middle", "normal"));
        b.append(String.format(Locale.ROOT, "<text x=\"18\" y=\"%.1f\" font-size=\"12\" text-anchor=\"middle\" transform=\"rotate(-90 18 %.1f)\">%s</text>%n",
                top + ph / 2, top + ph / 2, esc(yLabel)));
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            String color = SERIES_COLORS[i % SERIES_COLORS.length];
            StringBuilder pts = new StringBuilder();
            for (int k = 0; k < s.xs().length; k++) {
                if (!Double.isFinite(s.ys()[k])) continue;
                pts.append(String.format(Locale.ROOT, "%.2f,%.2f ", sx.applyAsDouble(s.xs()[k]), sy.applyAsDouble(s.ys()[k])));
            }
            b.append(String.format("<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.8\" points=\"%s\"><title>%s</title></polyline>%n",
                    color, pts.toString().trim(), esc(s.name())));
            double ly = top + 14 + i * 20;
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"3\"/>%n",
                    left + pw + 16, ly, left + pw + 40, ly, color));
            b.append(text(left + pw + 46, ly + 4, s.name(), 12, "start", "normal"));
        }
        return b.append("</svg>\n").toString();
    }

    public static String heatmap(HeatmapData d) {
        int n = d.size();
        double cell = n <= 6 ? 64 : Math.max(18, 420.0 / n), label = 120, top = 50;
        double w = label + n * cell + 140, h = top + n * cell + 110;
        StringBuilder b = header(w, h);
        b.append(text(12, 28, d.title(), 15, "start", "bold"));
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                double v = d.values()[r][c];
                double f = d.fraction(v);
                String fill = Double.isNaN(v) ? "#eeeeee" : ColorScale.hex(ColorScale.at(f));
                double x = label + c * cell, y = top + r * cell;
                b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s vs %s: %s</title></rect>%n",
                        x, y, cell - 1, cell - 1, fill, esc(d.labels().get(r)), esc(d.labels().get(c)), fmt(v)));
                if (cell >= 30 && !Double.isNaN(v)) {
                    b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" text-anchor=\"middle\" fill=\"%s\">%.3f</text>%n",
                            x + cell / 2, y + cell / 2 + 4, ColorScale.hex(ColorScale.textOn(f)), v));
                }
            }
            b.append(text(label - 6, top + r * cell + cell / 2 + 4, d.labels().get(r), 12, "end", "normal"));
            double cx = label + r * cell + cell / 2, cy = top + n * cell + 10;
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" transform=\"rotate(45 %.1f %.1f)\">%s</text>%n",
                    cx, cy, cx, cy, esc(d.labels().get(r))));
        }
        double lx = label + n * cell + 24, lh = Math.max(120, n * cell);
        b.append("<defs><linearGradient id=\"legend\" x1=\"0\" y1=\"1\" x2=\"0\" y2=\"0\">\n");
        for (int i = 0; i <= 10; i++) {
            b.append(String.format(Locale.ROOT, "<stop offset=\"%.1f\" stop-color=\"%s\"/>%n", i / 10.0, ColorScale.hex(ColorScale.at(i / 10.0))));
        }
        b.append("</linearGradient></defs>\n");
        b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"18\" height=\"%.1f\" fill=\"url(#legend)\" stroke=\"#666\"/>%n", lx, top, lh));
        for (int i = 0; i <= 4; i++) {
            double v = d.max() - i * (d.max() - d.min()) / 4;
            b.append(text(lx + 24, top + i * lh / 4 + 4, String.format(Locale.ROOT, "%.2f", v), 11, "start", "normal"));
        }
        return b.append("</svg>\n").toString();
    }

    private static StringBuilder header(double w, double h) {
        StringBuilder b = new StringBuilder();
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" font-family=\"sans-serif\">%n", w, h, w, h));
        b.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        return b;
    }

    private static String text(double x, double y, String s, int size, String anchor, String weight) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"%s\" font-weight=\"%s\">%s</text>%n",
                x, y, size, anchor, weight, esc(s));
    }

    static double niceStep(double raw) {
        if (!(raw > 0) || !Double.isFinite(raw)) return 1;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double r = raw / mag;
        return (r <= 1 ? 1 : r <= 2 ? 2 : r <= 5 ? 5 : 10) * mag;
    }

    private static String tick(double v, double step) {
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step)));
        return String.format(Locale.ROOT, "%." + decimals + "f", Math.abs(v) < step / 1e6 ? 0.0 : v);
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
    }

    static String esc(String s) {
        if (s == null) return "";
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
