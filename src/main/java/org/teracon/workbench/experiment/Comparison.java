package org.teracon.workbench.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The paper-style comparison: per method, each task's score after the last task (R(T_M, T_i)), its
 * BWT and FWT, and the wall time.
 */
public final class Comparison {
    private Comparison() {
    }

    public static List<BatchRunner.LabelledConfig> configs(ExperimentConfig base, List<String> methods) {
        return methods.stream().map(m -> new BatchRunner.LabelledConfig(m, base.withMethod(m))).toList();
    }

    public static ResultTable table(Map<String, RunResult> results) {
        RunResult first = results.values().stream().filter(r -> r.matrix() != null).findFirst()
                .orElseThrow(() -> new IllegalStateException("no run produced results"));
        List<String> tasks = first.matrix().tasks();
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) columns.add(first.matrix().column(i));
        for (String t : tasks) columns.add("BWT " + t);
        for (String t : tasks) columns.add("FWT " + t);
        columns.add("seconds");
        ResultTable.Builder b = new ResultTable.Builder("comparison", "method", columns);
        results.forEach((label, r) -> {
            double[] v = new double[columns.size()];
            java.util.Arrays.fill(v, Double.NaN);
            for (TransferScores.Row row : r.transfer()) {
                int i = tasks.indexOf(row.task());
                if (i < 0) continue;
                v[i] = row.last();
                v[tasks.size() + i] = row.bwt();
                v[2 * tasks.size() + i] = row.fwt();
            }
            v[columns.size() - 1] = r.totalSeconds();
            b.row(label + (r.status() == RunStatus.COMPLETED ? "" : " (" + r.status().name().toLowerCase() + ")"), v);
        });
        return b.build();
    }
}
