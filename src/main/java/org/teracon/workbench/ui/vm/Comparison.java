package org.teracon.workbench.ui.vm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.teracon.workbench.experiment.RunResult;
import org.teracon.workbench.experiment.TransferScores;

/**
 * Side-by-side comparison of runs per task, matched by task name (runs may order tasks differently).
 * The first run is the baseline; every other run gets a difference column (run − baseline).
 */
public final class Comparison {

    /** Which per-task number to compare. */
    public enum Measure {
        LAST("score after the last task", TransferScores.Row::last),
        LEARNED("score right after learning the task", TransferScores.Row::learned),
        BWT("BWT %", TransferScores.Row::bwt),
        FWT("FWT %", TransferScores.Row::fwt);

        private final String label;
        private final ToDoubleFunction<TransferScores.Row> get;

        Measure(String label, ToDoubleFunction<TransferScores.Row> get) {
            this.label = label;
            this.get = get;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private Comparison() {
    }

    public static List<CompareRow> of(List<RunResult> runs, Measure measure) {
        Map<String, String> metricByTask = new LinkedHashMap<>();
        for (RunResult r : runs) {
            for (TransferScores.Row row : rows(r)) metricByTask.putIfAbsent(row.task(), r.matrix() == null ? row.metric() : r.matrix().protocol().label(row.metric()));
        }
        List<CompareRow> out = new ArrayList<>();
        for (Map.Entry<String, String> t : metricByTask.entrySet()) {
            List<Double> values = new ArrayList<>();
            for (RunResult r : runs) {
                values.add(rows(r).stream().filter(x -> x.task().equals(t.getKey())).findFirst()
                        .map(measure.get::applyAsDouble).orElse(Double.NaN));
            }
            List<Double> diffs = new ArrayList<>();
            for (int i = 1; i < values.size(); i++) diffs.add(values.get(i) - values.get(0));
            out.add(new CompareRow(t.getKey(), t.getValue(), values, diffs));
        }
        return out;
    }

    private static List<TransferScores.Row> rows(RunResult r) {
        if (r.transfer() != null && !r.transfer().isEmpty()) return r.transfer();
        return r.matrix() == null || r.matrix().lastStage() < 0 ? List.of() : TransferScores.of(r.matrix(), null);
    }
}
