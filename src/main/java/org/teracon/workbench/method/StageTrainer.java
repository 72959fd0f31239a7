package org.teracon.workbench.method;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.teracon.workbench.model.ParameterStore;

/**
 * The epoch loop every method shares: shuffled batches (the last, smaller one included), validation
 * after each epoch, early stopping after {@code patience} epochs without improvement, and the best
 * epoch's parameters restored at the end (the test score is the best-validation epoch's, as in the
 * reference code).
 */
public final class StageTrainer {

    /** One optimiser step on a batch of training rows; returns its loss terms including the total. */
    @FunctionalInterface
    public interface BatchStep {
        Map<LossTerm, Double> apply(int[] rows, int batch, int batches);
    }

    /** Called after every epoch (e.g. to report sampling rates). */
    @FunctionalInterface
    public interface EpochHook {
        void afterEpoch(int epoch);
    }

    /** Decides after each epoch's validation whether the stage stops (it may also change the learning rate). */
    @FunctionalInterface
    public interface StopRule {
        boolean stop(boolean improved, int stale);
    }

    public record Outcome(int epochsRun, int bestEpoch, double bestScore, List<Double> epochSeconds) {
    }

    private StageTrainer() {
    }

    public static Outcome fit(int stage, int rows, BatchStep step, DoubleSupplier validation, List<ParameterStore> scope,
                              MethodEnvironment env, EpochHook hook) {
        int patience = env.training().patience();
        return fit(stage, rows, step, validation, scope, env, hook, (improved, stale) -> stale >= patience);
    }

    public static Outcome fit(int stage, int rows, BatchStep step, DoubleSupplier validation, List<ParameterStore> scope,
                              MethodEnvironment env, EpochHook hook, StopRule stopRule) {
        TrainingConfig cfg = env.training();
        TrainingMonitor monitor = env.monitor();
        Random rnd = env.random();
        int batchSize = cfg.batchSizeFor(stage);
        int batches = Math.max(1, (rows + batchSize - 1) / batchSize);
        double best = Double.NEGATIVE_INFINITY;
        int bestEpoch = 0;
        int stale = 0;
        List<ParameterStore> bestParams = null;
        List<Double> seconds = new ArrayList<>();
        int epoch = 0;
        for (epoch = 1; epoch <= cfg.epochsFor(stage); epoch++) {
            long start = System.nanoTime();
            int[] order = shuffled(rows, rnd);
            Map<LossTerm, Double> sums = new java.util.EnumMap<>(LossTerm.class);
            for (int b = 0; b < batches; b++) {
                if (monitor.cancelled()) throw new TrainingMonitor.CancelledException();
                int from = b * batchSize;
                int[] batch = java.util.Arrays.copyOfRange(order, from, Math.min(rows, from + batchSize));
                Map<LossTerm, Double> losses = step.apply(batch, b, batches);
                losses.forEach((k, v) -> sums.merge(k, v, Double::sum));
                monitor.batchFinished(stage, epoch, b + 1, batches, byKey(losses));
            }
            Map<String, Double> means = new LinkedHashMap<>();
            sums.forEach((k, v) -> means.put(k.key(), v / batches));
            double score = validation.getAsDouble();
            boolean improved = Double.isNaN(score) || score > best;
            if (improved) {
                best = Double.isNaN(score) ? best : score;
                bestEpoch = epoch;
                stale = 0;
                bestParams = scope.stream().map(ParameterStore::copy).toList();
            } else {
                stale++;
            }
            double secs = (System.nanoTime() - start) / 1e9;
            seconds.add(secs);
            monitor.epochFinished(stage, epoch, means, score, improved, secs);
            if (hook != null) hook.afterEpoch(epoch);
            if (stopRule.stop(improved, stale)) break;
        }
        if (bestParams != null) {
            for (int i = 0; i < scope.size(); i++) scope.get(i).assignFrom(bestParams.get(i));
        }
        return new Outcome(Math.min(epoch, cfg.epochsFor(stage)), bestEpoch, best, seconds);
    }

    /** Loss terms by their column name, in the enum's order, for events and files. */
    static Map<String, Double> byKey(Map<LossTerm, Double> losses) {
        Map<String, Double> named = new LinkedHashMap<>();
        losses.forEach((k, v) -> named.put(k.key(), v));
        return named;
    }

    static int[] shuffled(int n, Random rnd) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }
}
