package org.teracon.workbench.ui.vm;

import java.util.Arrays;
import java.util.List;

/**
 * A labelled square matrix to draw as a heatmap; the colour scale spans [min, max].
 *
 * @param valueName what a cell holds, for the tooltip and the legend ("cos", "Δ")
 * @param diverging a scale centred on zero (differences) instead of a sequential one
 */
public record HeatmapData(String title, List<String> labels, double[][] values, double min, double max, String valueName,
                          boolean diverging) {

    public HeatmapData {
        labels = List.copyOf(labels);
        values = Arrays.stream(values).map(double[]::clone).toArray(double[][]::new);
    }

    /** A cosine-similarity map on the sequential scale. */
    public HeatmapData(String title, List<String> labels, double[][] values, double min, double max) {
        this(title, labels, values, min, max, "cos", false);
    }

    /**
     * Differences (run − reference) on a diverging scale symmetric about zero, so equal cells are the
     * neutral colour and the sign reads from the hue; the range is the largest |difference| present.
     */
    public static HeatmapData difference(String title, List<String> labels, double[][] values) {
        double m = 0;
        for (double[] row : values) for (double v : row) if (Double.isFinite(v)) m = Math.max(m, Math.abs(v));
        if (m == 0) m = 0.01;
        return new HeatmapData(title, labels, values, -m, m, "Δ", true);
    }

    /**
     * Cosine similarity of non-negative masks lies in [0, 1], but after short training the values often
     * differ only in the second or third decimal: the scale runs from the smallest value (rounded down
     * to 0.05) to 1, so such differences stay visible; the legend shows the range used.
     */
    public static HeatmapData cosine(String title, List<String> labels, double[][] values) {
        double lo = 1;
        for (double[] row : values) for (double v : row) if (Double.isFinite(v)) lo = Math.min(lo, v);
        lo = Math.max(0, Math.floor(lo * 20 - 1e-9) / 20);
        if (lo >= 1) lo = 0.95;
        return new HeatmapData(title, labels, values, lo, 1);
    }

    public int size() {
        return labels.size();
    }

    /** Position of v on the colour scale, clamped to [0, 1]. */
    public double fraction(double v) {
        if (Double.isNaN(v) || max <= min) return 0;
        return Math.max(0, Math.min(1, (v - min) / (max - min)));
    }
}
