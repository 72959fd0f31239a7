package org.teracon.workbench.app.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.teracon.workbench.experiment.RunResult;

/**
 * Per-epoch curves of one unit across all its tasks, from results.json's epochs: the mean training
 * loss (term "total") and the validation score. x counts epochs over the whole run (1, 2, ...), so
 * runs of different lengths overlay on one axis; a seed group's point is the mean over the seeds that
 * reached that (stage, epoch).
 */
public record EpochCurves(String label, List<Point> trainingLoss, List<Point> validation) {
    public static final String TOTAL = "total";

    public record Point(double x, double y, int stage, int epoch) {
    }

    public EpochCurves {
        trainingLoss = List.copyOf(trainingLoss);
        validation = List.copyOf(validation);
    }

    public static EpochCurves of(CompareUnit unit) {
        return new EpochCurves(unit.label(), curve(unit, e -> {
            Double v = e.meanLosses() == null ? null : e.meanLosses().get(TOTAL);
            return v == null ? Double.NaN : v;
        }), curve(unit, RunResult.Epoch::validationScore));
    }

    private static List<Point> curve(CompareUnit unit, ToDoubleFunction<RunResult.Epoch> y) {
        // (stage, epoch) -> [sum, count]
        TreeMap<Long, double[]> acc = new TreeMap<>();
        for (RunResult r : unit.runs()) {
            if (r.epochs() == null) continue;
            for (RunResult.Epoch e : r.epochs()) {
                double v = y.applyAsDouble(e);
                if (!Double.isFinite(v)) continue;
                double[] s = acc.computeIfAbsent(((long) e.stage() << 32) | e.epoch(), k -> new double[2]);
                s[0] += v;
                s[1]++;
            }
        }
        List<Point> out = new ArrayList<>();
        int x = 1;
        for (Map.Entry<Long, double[]> e : acc.entrySet()) {
            out.add(new Point(x++, e.getValue()[0] / e.getValue()[1], (int) (e.getKey() >> 32), (int) (long) e.getKey()));
        }
        return out;
    }
}
