package org.teracon.workbench.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.teracon.workbench.method.teracon.SamplingMode;
import org.teracon.workbench.method.teracon.TeraconSettings;

/**
 * The paper's three studies as batches of runs plus their tables: task order (original, reversed,
 * random permutations; T1 stays first), the noisy task (without vs with, degradation ratio per task)
 * and sampling (fixed ρ_min vs the equation vs all users, with time per epoch).
 */
public final class Studies {

    public enum Kind { ORDER, NOISY, SAMPLING, RELATIONS }

    private Studies() {
    }

    /** @param order the base order (T1 first) */
    public static List<BatchRunner.LabelledConfig> order(ExperimentConfig base, List<String> order, int randomPermutations) {
        List<BatchRunner.LabelledConfig> runs = new ArrayList<>();
        runs.add(new BatchRunner.LabelledConfig("original", base.withTaskOrder(order)));
        List<String> rest = new ArrayList<>(order.subList(1, order.size()));
        Collections.reverse(rest);
        runs.add(new BatchRunner.LabelledConfig("reversed", base.withTaskOrder(prepend(order.get(0), rest))));
        Random rnd = new Random(base.seed());
        for (int p = 1; p <= randomPermutations; p++) {
            List<String> shuffled = new ArrayList<>(order.subList(1, order.size()));
            Collections.shuffle(shuffled, rnd);
            runs.add(new BatchRunner.LabelledConfig("random" + p, base.withTaskOrder(prepend(order.get(0), shuffled))));
        }
        return runs;
    }

    public static List<BatchRunner.LabelledConfig> noisy(ExperimentConfig base, NoisyTaskSpec noisy) {
        return List.of(new BatchRunner.LabelledConfig("without-noise", base.withNoisyTask(null)),
                new BatchRunner.LabelledConfig("with-noise", base.withNoisyTask(noisy)));
    }

    /**
     * The noisy-task study with a dataset's own noisy task {@code task} instead of a generated one: without it,
     * then with it at the 1-based {@code position} of the order (the other tasks keep their order).
     */
    public static List<BatchRunner.LabelledConfig> noisyDatasetTask(ExperimentConfig base, String task, int position) {
        List<String> rest = new ArrayList<>(base.taskOrder());
        if (!rest.remove(task)) {
            throw new IllegalArgumentException("the noisy-task study was given the dataset's noisy task '" + task + "', which the task order "
                    + base.taskOrder() + " does not hold");
        }
        if (position < 2) throw new IllegalArgumentException("noisy task position " + position + " is before T1's successor: T1 stays first (2.."
                + (rest.size() + 1) + ")");
        if (position > rest.size() + 1) {
            throw new IllegalArgumentException("noisy task position " + position + " is past the end of the " + rest.size() + "-task order (2.."
                    + (rest.size() + 1) + ")");
        }
        List<String> with = new ArrayList<>(rest);
        with.add(position - 1, task);
        return List.of(new BatchRunner.LabelledConfig("without-noise", base.withNoisyTask(null).withTaskOrder(rest)),
                new BatchRunner.LabelledConfig("with-noise", base.withNoisyTask(null).withTaskOrder(with)));
    }

    public static List<BatchRunner.LabelledConfig> sampling(ExperimentConfig base) {
        ExperimentConfig t = base.withMethod("teracon");
        return List.of(
                new BatchRunner.LabelledConfig("rho_min", t.withParam(TeraconSettings.SAMPLING, SamplingMode.FIXED)),
                new BatchRunner.LabelledConfig("equation", t.withParam(TeraconSettings.SAMPLING, SamplingMode.EQUATION)),
                new BatchRunner.LabelledConfig("all", t.withParam(TeraconSettings.SAMPLING, SamplingMode.ALL)));
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> l = new ArrayList<>();
        l.add(first);
        l.addAll(rest);
        return l;
    }

    /** Rows = orders; columns = each task's final score (aligned by task name), mean BWT, order. */
    public static ResultTable orderTable(Map<String, RunResult> results) {
        List<String> tasks = sortedTasks(results);
        List<String> columns = new ArrayList<>(headers(results, tasks));
        columns.add("mean BWT");
        ResultTable.Builder b = new ResultTable.Builder("order study", "order", columns);
        results.forEach((label, r) -> {
            double[] v = new double[columns.size()];
            java.util.Arrays.fill(v, Double.NaN);
            double bwt = 0;
            int n = 0;
            for (TransferScores.Row row : r.transfer()) {
                v[tasks.indexOf(row.task())] = row.last();
                if (!Double.isNaN(row.bwt())) {
                    bwt += row.bwt();
                    n++;
                }
            }
            v[tasks.size()] = n == 0 ? Double.NaN : bwt / n;
            b.row(label + " (" + String.join(">", r.matrix() == null ? List.of() : r.matrix().tasks()) + ")", v);
        });
        return b.build();
    }

    /**
     * Rows = tasks; columns = final score without and with the noisy task, and the degradation in %,
     * (without − with) / without × 100: a loss reads as a positive degradation, a gain as a negative one.
     */
    public static ResultTable noisyTable(RunResult without, RunResult with) {
        ResultTable.Builder b = new ResultTable.Builder("noisy-task study", "task", List.of("without noise", "with noise", "degradation %"));
        for (TransferScores.Row row : without.transfer()) {
            double w = with.transfer().stream().filter(x -> x.task().equals(row.task())).mapToDouble(TransferScores.Row::last).findFirst().orElse(Double.NaN);
            b.row(without.matrix().column(row.task()), row.last(), w, degradationPercent(row.last(), w));
        }
        return b.build();
    }

    /** (without − with) / without × 100; positive when the noisy task made the score worse. */
    public static double degradationPercent(double without, double with) {
        return (without - with) / without * 100;
    }

    /** Rows = sampling modes; columns = each task's final score, mean seconds per epoch after T1, mean ρ. */
    public static ResultTable samplingTable(Map<String, RunResult> results) {
        List<String> tasks = sortedTasks(results);
        List<String> columns = new ArrayList<>(headers(results, tasks));
        columns.add("s/epoch (T2..)");
        columns.add("mean rho");
        ResultTable.Builder b = new ResultTable.Builder("sampling study", "sampling", columns);
        results.forEach((label, r) -> {
            double[] v = new double[columns.size()];
            java.util.Arrays.fill(v, Double.NaN);
            for (TransferScores.Row row : r.transfer()) v[tasks.indexOf(row.task())] = row.last();
            v[tasks.size()] = r.epochSeconds().stream().skip(1).mapToDouble(Double::doubleValue).filter(x -> !Double.isNaN(x)).average().orElse(Double.NaN);
            v[tasks.size() + 1] = r.samplingRates().stream().flatMap(m -> m.values().stream()).mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            b.row(label, v);
        });
        return b.build();
    }

    /** Each task's column header with its metric and protocol, from the first run with results. */
    private static List<String> headers(Map<String, RunResult> results, List<String> tasks) {
        AccuracyMatrix m = results.values().stream().filter(r -> r.matrix() != null).findFirst().orElseThrow().matrix();
        return tasks.stream().map(m::column).toList();
    }

    private static List<String> sortedTasks(Map<String, RunResult> results) {
        RunResult first = results.values().stream().filter(r -> r.matrix() != null).findFirst()
                .orElseThrow(() -> new IllegalStateException("no run produced results"));
        return first.matrix().tasks().stream().sorted((a, b) -> a.equals(first.matrix().tasks().get(0)) ? -1
                : b.equals(first.matrix().tasks().get(0)) ? 1 : a.compareTo(b)).toList();
    }
}
