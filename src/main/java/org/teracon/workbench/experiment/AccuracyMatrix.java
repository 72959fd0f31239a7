package org.teracon.workbench.experiment;

import java.util.Arrays;
import java.util.List;

/**
 * The paper's R(T_j, T_i): the score on task T_i (column) after the model has learned T_j (row);
 * NaN where not (yet) measured. {@code metrics.get(i)} names T_i's metric (MRR@5 or accuracy).
 */
public record AccuracyMatrix(List<String> tasks, List<String> metrics, double[][] values) {

    public AccuracyMatrix {
        tasks = List.copyOf(tasks);
        metrics = List.copyOf(metrics);
        int m = tasks.size();
        if (metrics.size() != m || values.length != m || Arrays.stream(values).anyMatch(r -> r.length != m)) {
            throw new IllegalArgumentException("accuracy matrix must be " + m + "x" + m);
        }
        values = Arrays.stream(values).map(double[]::clone).toArray(double[][]::new);
    }

    public static AccuracyMatrix empty(List<String> tasks, List<String> metrics) {
        double[][] v = new double[tasks.size()][tasks.size()];
        for (double[] row : v) Arrays.fill(row, Double.NaN);
        return new AccuracyMatrix(tasks, metrics, v);
    }

    public int size() {
        return tasks.size();
    }

    /** R(T_afterStage, T_task). */
    public double get(int afterStage, int task) {
        return values[afterStage][task];
    }

    public AccuracyMatrix with(int afterStage, int task, double value) {
        double[][] v = Arrays.stream(values).map(double[]::clone).toArray(double[][]::new);
        v[afterStage][task] = value;
        return new AccuracyMatrix(tasks, metrics, v);
    }

    /** Index of the last row with any value: the stage the run reached. */
    public int lastStage() {
        for (int j = size() - 1; j >= 0; j--) {
            if (Arrays.stream(values[j]).anyMatch(x -> !Double.isNaN(x))) return j;
        }
        return -1;
    }
}
