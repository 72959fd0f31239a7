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
 * reference code). With a {@link Checkpointer} in the environment it leaves its state after every epoch
 * and, resuming, continues after the last checkpointed epoch exactly as the unbroken loop would.
 */
public final class StageTrainer {

    /** One optimiser step on a batch of training rows; returns its loss terms including the total. */
    @FunctionalInterface
    public interface BatchStep {
        Map<LossTerm, Double> apply(Batch batch);
    }

    /**
     * Batch {@code index} of the epoch's {@code count}: its training rows, and those of any batch of the
     * same epoch (for a step that prepares work for the steps after it).
     */
    public record Batch(int[] rows, int index, int count, java.util.function.IntFunction<int[]> rowsOfBatch) {
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

        /** What the rule remembers between epochs, for a checkpoint (null: nothing). */
        default java.io.Serializable state() {
            return null;
        }

        default void restore(java.io.Serializable state) {
        }
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
        return fit(stage, rows, step, validation, scope, env, hook, stopRule, List.of());
    }

    /**
     * @param parts what changes between epochs besides the parameters (the optimiser, plugins): saved
     *              with every epoch's checkpoint and restored on resume; the stop rule's state is saved too
     */
    public static Outcome fit(int stage, int rows, BatchStep step, DoubleSupplier validation, List<ParameterStore> scope,
                              MethodEnvironment env, EpochHook hook, StopRule stopRule, List<Checkpointer.Part> parts) {
        TrainingConfig cfg = env.training();
        TrainingMonitor monitor = env.monitor();
        Random rnd = env.random();
        Checkpointer.Session checkpoints = env.checkpointer().open(stage);
        int batchSize = cfg.batchSizeFor(stage);
        int batches = Math.max(1, (rows + batchSize - 1) / batchSize);
        double best = Double.NEGATIVE_INFINITY;
        int bestEpoch = 0;
        int stale = 0;
        boolean stopped = false;
        List<ParameterStore> bestParams = null;
        List<Double> seconds = new ArrayList<>();
        int epoch = 1;
        Checkpointer.EpochState resume = checkpoints.resumePoint();
        if (resume != null) {
            restore(resume, scope, rnd, stopRule, parts);
            best = resume.best();
            bestEpoch = resume.bestEpoch();
            stale = resume.stale();
            stopped = resume.stopped();
            bestParams = resume.bestParams();
            seconds.addAll(resume.seconds());
            epoch = stopped ? resume.epoch() : resume.epoch() + 1;
        }
        for (; !stopped && epoch <= cfg.epochsFor(stage); epoch++) {
            long start = System.nanoTime();
            int[] order = shuffled(rows, rnd);
            Map<LossTerm, Double> sums = new java.util.EnumMap<>(LossTerm.class);
            java.util.function.IntFunction<int[]> rowsOfBatch = b -> {
                int from = b * batchSize;
                return java.util.Arrays.copyOfRange(order, from, Math.min(rows, from + batchSize));
            };
            for (int b = 0; b < batches; b++) {
                if (monitor.cancelled()) throw new TrainingMonitor.CancelledException();
                Map<LossTerm, Double> losses = step.apply(new Batch(rowsOfBatch.apply(b), b, batches, rowsOfBatch));
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
            stopped = stopRule.stop(improved, stale);
            if (checkpoints != Checkpointer.Session.NONE) {
                checkpoints.epochEnded(new Checkpointer.EpochState(epoch, best, bestEpoch, stale, stopped, bestParams,
                        scope.stream().map(ParameterStore::copy).toList(), states(stopRule, parts),
                        rnd instanceof RunRandom r ? r.state() : null, List.copyOf(seconds)));
            }
            if (stopped) break;
        }
        if (bestParams != null) {
            for (int i = 0; i < scope.size(); i++) scope.get(i).assignFrom(bestParams.get(i));
        }
        return new Outcome(Math.min(epoch, cfg.epochsFor(stage)), bestEpoch, best, seconds);
    }

    private static List<java.io.Serializable> states(StopRule stopRule, List<Checkpointer.Part> parts) {
        List<java.io.Serializable> states = new ArrayList<>();
        states.add(stopRule.state());
        for (Checkpointer.Part p : parts) states.add(p.state());
        return states;
    }

    private static void restore(Checkpointer.EpochState s, List<ParameterStore> scope, Random rnd, StopRule stopRule,
                                List<Checkpointer.Part> parts) {
        if (!(rnd instanceof RunRandom r) || s.random() == null) {
            throw new IllegalStateException("a checkpoint can only resume with the run's own random stream");
        }
        if (s.live().size() != scope.size() || s.parts().size() != parts.size() + 1) {
            throw new IllegalStateException("the checkpoint does not match this stage (" + s.live().size() + " parameter sets, "
                    + (s.parts().size() - 1) + " parts; the stage has " + scope.size() + " and " + parts.size() + ")");
        }
        for (int i = 0; i < scope.size(); i++) scope.get(i).assignFrom(s.live().get(i));
        r.restore(s.random());
        stopRule.restore(s.parts().get(0));
        for (int i = 0; i < parts.size(); i++) parts.get(i).restore(s.parts().get(i + 1));
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
