package org.teracon.workbench.app.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.teracon.workbench.experiment.RunResult;
import org.teracon.workbench.experiment.SeedStats;
import org.teracon.workbench.experiment.TransferScores;

/**
 * The per-task table of a comparison: the measure in each unit (mean ± std (n) over a group's seeds),
 * its difference to the reference unit, and for two seed groups the paired tests by seed.
 */
public final class TaskComparison {

    /**
     * @param values one summary per unit (n = 0 where the unit has no such task)
     * @param deltas unit mean − reference mean; NaN for the reference itself or a missing side
     * @param tests  paired tests against the reference, per unit; null unless both are seed groups
     */
    public record Row(String task, String metric, List<SeedStats.Summary> values, List<Double> deltas,
                      List<SeedStats.Paired> tests) {
        public Row {
            values = List.copyOf(values);
            deltas = List.copyOf(deltas);
            tests = java.util.Collections.unmodifiableList(new ArrayList<>(tests));
        }
    }

    private TaskComparison() {
    }

    /** Tasks matched by name (units may learn them in different orders), in order of first appearance. */
    public static List<Row> of(List<CompareUnit> units, int reference, CompareMeasure measure) {
        Map<String, String> metricByTask = new LinkedHashMap<>();
        for (CompareUnit u : units) {
            for (RunResult r : u.runs()) {
                for (TransferScores.Row row : CompareUnit.transfer(r)) {
                    metricByTask.putIfAbsent(row.task(), r.matrix() == null ? row.metric() : r.matrix().protocol().label(row.metric()));
                }
            }
        }
        CompareUnit ref = units.get(reference);
        List<Row> out = new ArrayList<>();
        for (Map.Entry<String, String> t : metricByTask.entrySet()) {
            String task = t.getKey();
            SeedStats.Summary refSummary = SeedStats.summary(values(ref, task, measure));
            List<SeedStats.Summary> summaries = new ArrayList<>();
            List<Double> deltas = new ArrayList<>();
            List<SeedStats.Paired> tests = new ArrayList<>();
            for (int u = 0; u < units.size(); u++) {
                CompareUnit unit = units.get(u);
                SeedStats.Summary s = SeedStats.summary(values(unit, task, measure));
                summaries.add(s);
                deltas.add(u == reference ? Double.NaN : s.mean() - refSummary.mean());
                tests.add(u != reference && unit.isGroup() && ref.isGroup() ? paired(unit, ref, task, measure) : null);
            }
            out.add(new Row(task, t.getValue(), summaries, deltas, tests));
        }
        return out;
    }

    /** The measure of {@code task} in each run of the unit, in run order (NaN where a run lacks it). */
    static double[] values(CompareUnit unit, String task, CompareMeasure measure) {
        return unit.runs().stream().mapToDouble(r -> value(r, task, measure)).toArray();
    }

    static double value(RunResult r, String task, CompareMeasure measure) {
        return CompareUnit.transfer(r).stream().filter(x -> x.task().equals(task)).findFirst()
                .map(measure::of).orElse(Double.NaN);
    }

    /** Pairs by seed over the union of both units' seeds; a seed only one side ran is NaN and dropped by the test. */
    static SeedStats.Paired paired(CompareUnit unit, CompareUnit ref, String task, CompareMeasure measure) {
        TreeSet<Long> seeds = new TreeSet<>(unit.seeds());
        seeds.addAll(ref.seeds());
        double[] a = new double[seeds.size()];
        double[] b = new double[seeds.size()];
        int k = 0;
        for (long s : seeds) {
            a[k] = bySeed(unit, s, task, measure);
            b[k] = bySeed(ref, s, task, measure);
            k++;
        }
        return SeedStats.paired(a, b);
    }

    private static double bySeed(CompareUnit unit, long seed, String task, CompareMeasure measure) {
        return unit.runs().stream().filter(r -> r.config().seed() == seed).findFirst()
                .map(r -> value(r, task, measure)).orElse(Double.NaN);
    }
}
