package org.teracon.workbench.experiment;

import java.util.List;

/**
 * Cosine similarity of the tasks' masks: {@code perLayer[k][a][b]} for masked layer k, and the mean
 * over layers in {@code averaged} (the paper's heatmap).
 */
public record MaskSimilarityTable(List<String> tasks, double[][][] perLayer, double[][] averaged) implements java.io.Serializable {
    public MaskSimilarityTable {
        tasks = List.copyOf(tasks);
    }
}
