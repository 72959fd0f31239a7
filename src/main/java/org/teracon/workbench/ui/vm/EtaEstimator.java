package org.teracon.workbench.ui.vm;

import java.util.function.LongSupplier;
import org.teracon.workbench.experiment.RunEvent;

/**
 * The time left, from measured step times: seconds per training batch (wall time between batches),
 * seconds per validation pass (batch end to epoch end) and seconds per task evaluated after a stage,
 * times what remains of each: the batches of every epoch still planned (an upper bound, as early
 * stopping may end a task sooner), one validation per remaining epoch, and the evaluations of the
 * remaining stages (stage s evaluates s + 1 tasks). Runs still to go after this one (a study's, a
 * seed group's) are counted at this run's estimated total. The clock is injected so tests need no
 * waiting.
 */
public final class EtaEstimator {
    private final LongSupplier nanos;
    private int stages;
    private int stage;
    private long runStart;
    private long lastMark;
    private boolean haveMark;
    private long batches;
    private long batchNanos;
    private long lastBatch;
    private long validations;
    private long validationNanos;
    private long evaluatedTasks;
    private long evaluationNanos;
    private int runsAfter;

    public EtaEstimator(LongSupplier nanos) {
        this.nanos = nanos;
    }

    /** How many runs follow the current one (0 for a single run). */
    public void runsAfter(int n) {
        runsAfter = Math.max(0, n);
    }

    public int runsAfter() {
        return runsAfter;
    }

    /** Feeds one event; returns the seconds left, NaN while too little has been measured. */
    public double on(RunEvent e) {
        long now = nanos.getAsLong();
        if (e instanceof RunEvent.RunStarted s) {
            stages = s.taskNames().size();
            stage = 0;
            runStart = now;
            lastMark = now;
            haveMark = true;
            batches = batchNanos = validations = validationNanos = evaluatedTasks = evaluationNanos = 0;
        } else if (e instanceof RunEvent.TaskStarted t) {
            stage = t.stage();
            stages = Math.max(stages, t.stages());
            mark(now);
        } else if (e instanceof RunEvent.BatchProgress b) {
            stage = b.stage();
            if (haveMark) {
                batches++;
                batchNanos += now - lastMark;
            }
            mark(now);
            lastBatch = now;
            return estimate(now, b);
        } else if (e instanceof RunEvent.EpochFinished) {
            validations++;
            validationNanos += now - lastBatch;
            mark(now);
        } else if (e instanceof RunEvent.TaskEvaluated t) {
            evaluatedTasks += t.stage() + 1;
            evaluationNanos += now - lastMark;
            mark(now);
        }
        return Double.NaN;
    }

    private void mark(long now) {
        lastMark = now;
        haveMark = true;
    }

    private double estimate(long now, RunEvent.BatchProgress b) {
        double f = b.overallFraction();
        if (batches < 3 || !(f > 0)) return Double.NaN;
        double secPerBatch = batchNanos / 1e9 / batches;
        // overallFraction is batches done / batches planned (every epoch of every task), so the
        // planned total follows from it; count this run's batches the same way the engine does.
        double done = batches;
        double remainingBatches = Math.max(0, done / Math.min(1, f) - done);
        double perValidation = validations == 0 ? 0 : validationNanos / 1e9 / validations;
        double remainingEpochs = Math.ceil(remainingBatches / Math.max(1, b.batches()));
        double perTaskEvaluation = evaluatedTasks == 0 ? perValidation : evaluationNanos / 1e9 / evaluatedTasks;
        double remainingEvaluations = 0;
        for (int s = b.stage(); s < stages; s++) remainingEvaluations += s + 1;
        double left = remainingBatches * secPerBatch + remainingEpochs * perValidation + remainingEvaluations * perTaskEvaluation;
        double elapsed = (now - runStart) / 1e9;
        return left + runsAfter * (elapsed + left);
    }
}
