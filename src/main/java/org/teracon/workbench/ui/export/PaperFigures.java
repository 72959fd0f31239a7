package org.teracon.workbench.ui.export;

import java.util.List;
import java.util.Locale;
import org.teracon.workbench.ui.export.Figure.Anchor;
import org.teracon.workbench.ui.view.ColorScale;
import org.teracon.workbench.ui.vm.HeatmapData;

/**
 * The two chart kinds laid out for one column of a two-column paper ({@link Figure#COLUMN_WIDTH} ×
 * {@link Figure#COLUMN_HEIGHT}, 7 pt text): no title (the paper's caption says what it is), the
 * plot filling the space its labels leave.
 */
public final class PaperFigures {
    static final double FONT = 7;

    private PaperFigures() {
    }

    /** Helvetica's mean glyph width is about 0.55 em: enough to reserve room for labels. */
    static double textWidth(String s, double size) {
        return s.length() * size * 0.55;
    }

    public static Figure heatmap(HeatmapData d) {
        double w = Figure.COLUMN_WIDTH, h = Figure.COLUMN_HEIGHT;
        int n = Math.max(1, d.size());
        double labelW = Math.min(80, d.labels().stream().mapToDouble(l -> textWidth(l, FONT)).max().orElse(10) + 4);
        double legendW = 34, top = 4;
        double bottom = labelW * 0.72 + 4; // column labels at 45°
        double cell = Math.min((w - labelW - legendW - 4) / n, (h - top - bottom) / n);
        double gridW = cell * n;
        // centre grid + legend across the column so no side is left empty
        double left = labelW + Math.max(0, (w - labelW - legendW - gridW) / 2);
        Figure.Builder b = new Figure.Builder();
        for (int r = 0; r < d.size(); r++) {
            for (int c = 0; c < d.size(); c++) {
                double v = d.values()[r][c];
                double f = d.fraction(v);
                String fill = Double.isNaN(v) ? "#eeeeee" : ColorScale.hex(ColorScale.at(f));
                b.add(new Figure.Rect(left + c * cell, top + r * cell, cell - 0.5, cell - 0.5, fill, null));
                if (cell >= 16 && !Double.isNaN(v)) {
                    b.add(new Figure.Text(left + c * cell + cell / 2, top + r * cell + cell / 2 + 2, String.format(Locale.ROOT, "%.2f", v), 5.5,
                            Anchor.MIDDLE, false, 0, ColorScale.hex(ColorScale.textOn(f)))); // light text on dark cells
                }
            }
            b.text(left - 3, top + r * cell + cell / 2 + 2.5, d.labels().get(r), FONT, Anchor.END);
            double cx = left + r * cell + cell / 2, cy = top + gridW + 4;
            b.add(new Figure.Text(cx, cy + FONT * 0.7, d.labels().get(r), FONT, Anchor.END, false, -45, "#000000"));
        }
        double lx = left + gridW + 8, lh = gridW;
        int steps = 20;
        for (int i = 0; i < steps; i++) {
            double f = (i + 0.5) / steps;
            b.add(new Figure.Rect(lx, top + lh - (i + 1) * lh / steps, 6, lh / steps + 0.2, ColorScale.hex(ColorScale.at(f)), null));
        }
        b.add(new Figure.Rect(lx, top, 6, lh, null, "#666666"));
        for (int i = 0; i <= 4; i++) {
            double v = d.max() - i * (d.max() - d.min()) / 4;
            b.text(lx + 9, top + i * lh / 4 + 2.5, String.format(Locale.ROOT, "%.2f", v), FONT - 1, Anchor.START);
        }
        return b.build(w, h);
    }

    public static Figure lineChart(String xLabel, String yLabel, List<SvgWriter.Series> series) {
        double w = Figure.COLUMN_WIDTH, h = Figure.COLUMN_HEIGHT;
        double legendW = series.stream().mapToDouble(s -> textWidth(s.name(), FONT)).max().orElse(0) + 18;
        double left = 34, right = legendW + 4, top = 6, bottom = 24;
        double pw = w - left - right, ph = h - top - bottom;
        double[] r = range(series);
        double ystep = SvgWriter.niceStep((r[3] - r[2]) / 5), xstep = SvgWriter.niceStep((r[1] - r[0]) / 6);
        double x0 = r[0], x1 = r[1], y0 = Math.floor(r[2] / ystep) * ystep, y1 = Math.ceil(r[3] / ystep) * ystep;
        if (y1 == y0) y1 = y0 + ystep;
        double fy0 = y0, fy1 = y1;
        java.util.function.DoubleUnaryOperator sx = x -> left + (x - x0) / (x1 - x0) * pw;
        java.util.function.DoubleUnaryOperator sy = y -> top + ph - (y - fy0) / (fy1 - fy0) * ph;
        Figure.Builder b = new Figure.Builder();
        b.add(new Figure.Rect(left, top, pw, ph, null, "#999999"));
        for (double y = y0; y <= y1 + ystep / 2; y += ystep) {
            double py = sy.applyAsDouble(y);
            b.add(new Figure.Line(left, py, left + pw, py, "#e4e4e4", 0.4));
            b.text(left - 3, py + 2.5, SvgWriter.tick(y, ystep), FONT - 1, Anchor.END);
        }
        for (double x = Math.ceil(x0 / xstep) * xstep; x <= x1 + xstep / 1e6; x += xstep) {
            double px = sx.applyAsDouble(x);
            b.add(new Figure.Line(px, top + ph, px, top + ph + 3, "#999999", 0.5));
            b.text(px, top + ph + 10, SvgWriter.tick(x, xstep), FONT - 1, Anchor.MIDDLE);
        }
        b.text(left + pw / 2, h - 4, xLabel, FONT, Anchor.MIDDLE);
        b.add(new Figure.Text(9, top + ph / 2, yLabel, FONT, Anchor.MIDDLE, false, -90, "#000000"));
        for (int i = 0; i < series.size(); i++) {
            SvgWriter.Series s = series.get(i);
            String color = SvgWriter.SERIES_COLORS[i % SvgWriter.SERIES_COLORS.length];
            double[] xs = new double[s.xs().length], ys = new double[s.xs().length];
            for (int k = 0; k < xs.length; k++) {
                xs[k] = sx.applyAsDouble(s.xs()[k]);
                ys[k] = Double.isFinite(s.ys()[k]) ? sy.applyAsDouble(s.ys()[k]) : Double.NaN;
            }
            b.add(new Figure.Polyline(xs, ys, color, 1));
            double ly = top + 6 + i * 10;
            b.add(new Figure.Line(left + pw + 6, ly, left + pw + 16, ly, color, 2));
            b.text(left + pw + 19, ly + 2.5, s.name(), FONT, Anchor.START);
        }
        return b.build(w, h);
    }

    /** {xmin, xmax, ymin, ymax} over finite points; a unit range when there are none or all are equal. */
    private static double[] range(List<SvgWriter.Series> series) {
        double xmin = Double.POSITIVE_INFINITY, xmax = Double.NEGATIVE_INFINITY, ymin = Double.POSITIVE_INFINITY, ymax = Double.NEGATIVE_INFINITY;
        for (SvgWriter.Series s : series) {
            for (int i = 0; i < s.xs().length; i++) {
                if (!Double.isFinite(s.ys()[i])) continue;
                xmin = Math.min(xmin, s.xs()[i]);
                xmax = Math.max(xmax, s.xs()[i]);
                ymin = Math.min(ymin, s.ys()[i]);
                ymax = Math.max(ymax, s.ys()[i]);
            }
        }
        if (!Double.isFinite(xmin)) return new double[] {0, 1, 0, 1};
        return new double[] {xmin, xmax == xmin ? xmin + 1 : xmax, ymin, ymax == ymin ? ymin + 1 : ymax};
    }
}
