package org.teracon.workbench.ui.vm;

import java.util.Arrays;
import java.util.List;

/** A labelled square matrix to draw as a heatmap; the colour scale spans [min, max]. */
public record HeatmapData(String title, List<String> labels, double[][] values, double min, double max) {

    public HeatmapData {
        labels = List.copyOf(labels);
        values = Arrays.stream(values).map(double[]::clone).toArray(double[][]::new);
    }

    /** Cosine similarity of non-negative masks lies in [0, 1]; a fixed scale keeps layers comparable. */
    public static HeatmapData cosine(String title, List<String> labels, double[][] values) {
        return new HeatmapData(title, labels, values, 0, 1);
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
