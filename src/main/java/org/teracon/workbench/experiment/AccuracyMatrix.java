package org.teracon.workbench.experiment;

import java.util.Arrays;
import java.util.List;
import org.teracon.workbench.method.EvaluationProtocol;

/**
 * The paper's R(T_j, T_i): the score on task T_i (column) after the model has learned T_j (row);
 * NaN where not (yet) measured. {@code metrics.get(i)} names T_i's metric (MRR@5 or accuracy) and
 * {@code protocol} how it was measured (null, as in results written before protocols: robust).
 */
public record AccuracyMatrix(List<String> tasks, List<String> metrics, double[][] values, EvaluationProtocol protocol)
        implements java.io.Serializable {

    /** Scored with the default protocol. */
    public AccuracyMatrix(List<String> tasks, List<String> metrics, double[][] values) {
        this(tasks, metrics, values, null);
    }

    public AccuracyMatrix {
        if (protocol == null) protocol = EvaluationProtocol.defaultProtocol();
        tasks = List.copyOf(tasks);
        metrics = List.copyOf(metrics);
        int m = tasks.size();
        if (metrics.size() != m || values.length != m || Arrays.stream(values).anyMatch(r -> r.length != m)) {
            throw new IllegalArgumentException("accuracy matrix must be " + m + "x" + m);
        }
        values = Arrays.stream(values).map(double[]::clone).toArray(double[][]::new);
    }

    public static AccuracyMatrix empty(List<String> tasks, List<String> metrics) {
        return empty(tasks, metrics, null);
    }

    public static AccuracyMatrix empty(List<String> tasks, List<String> metrics, EvaluationProtocol protocol) {
        double[][] v = new double[tasks.size()][tasks.size()];
        for (double[] row : v) Arrays.fill(row, Double.NaN);
        return new AccuracyMatrix(tasks, metrics, v, protocol);
    }

    /** Task i's column header: its name, metric and protocol, e.g. {@code next_item (MRR@5, robust)}. */
    public String column(int task) {
        return protocol.column(tasks.get(task), metrics.get(task));
    }

    /** The header of the named task's column (the name itself when the task is not in this matrix). */
    public String column(String task) {
        int i = tasks.indexOf(task);
        return i < 0 ? task : column(i);
    }

    /** Task i's metric with the protocol, e.g. {@code MRR@5 (robust)}. */
    public String metricLabel(int task) {
        return protocol.label(metrics.get(task));
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
        return new AccuracyMatrix(tasks, metrics, v, protocol);
    }

    /** Index of the last row with any value: the stage the run reached. */
    public int lastStage() {
        for (int j = size() - 1; j >= 0; j--) {
            if (Arrays.stream(values[j]).anyMatch(x -> !Double.isNaN(x))) return j;
        }
        return -1;
    }
}
