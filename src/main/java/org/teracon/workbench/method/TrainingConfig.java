package org.teracon.workbench.method;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Optimiser and schedule, per stage as the reference scripts distinguish them: T1 (the base
 * next-item task: lr 1e-3, batch 32, 10 epochs there), T2 (lr 1e-3 in the TTL script) and every later
 * task (lr 1e-4, batch 1024, up to 100 epochs there). experiment.json files written before the
 * per-stage schedule ({@code epochsFirst}, {@code epochs}, ... : one value for T1 and one for every
 * later task) still load: their later values go to T2 and the rest alike.
 *
 * @param first    T1's schedule
 * @param second   T2's schedule
 * @param rest     the schedule of T3 and every later task
 * @param patience early stop after this many epochs without a better validation score
 */
public record TrainingConfig(StageSchedule first, StageSchedule second, StageSchedule rest, int patience, int evalBatchSize) {

    public TrainingConfig {
        if (first == null || second == null || rest == null) throw new IllegalArgumentException("every stage needs a schedule");
        if (patience < 1) throw new IllegalArgumentException("patience must be >= 1, got " + patience);
        if (evalBatchSize < 1) throw new IllegalArgumentException("evalBatchSize must be >= 1, got " + evalBatchSize);
    }

    /** One schedule for T1 and one for every later task (T2 and the rest alike). */
    public TrainingConfig(int epochsFirst, int epochs, int patience, int batchSizeFirst, int batchSize,
                          double learningRateFirst, double learningRate, int evalBatchSize) {
        this(schedule("First", epochsFirst, batchSizeFirst, learningRateFirst), schedule("", epochs, batchSize, learningRate),
                schedule("", epochs, batchSize, learningRate), patience, evalBatchSize);
    }

    /** A schedule whose refusal names the field as this constructor's caller wrote it (batchSizeFirst). */
    private static StageSchedule schedule(String suffix, int epochs, int batchSize, double learningRate) {
        try {
            return new StageSchedule(epochs, batchSize, learningRate);
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            int space = m.indexOf(' ');
            throw new IllegalArgumentException(m.substring(0, space) + suffix + m.substring(space), e);
        }
    }

    /** Reads the per-stage shape and the older one-value-for-later-tasks shape. */
    @JsonCreator
    static TrainingConfig fromJson(@JsonProperty("first") StageSchedule first, @JsonProperty("second") StageSchedule second,
                                   @JsonProperty("rest") StageSchedule rest, @JsonProperty("patience") Integer patience,
                                   @JsonProperty("evalBatchSize") Integer evalBatchSize,
                                   @JsonProperty("epochsFirst") Integer epochsFirst, @JsonProperty("epochs") Integer epochs,
                                   @JsonProperty("batchSizeFirst") Integer batchSizeFirst, @JsonProperty("batchSize") Integer batchSize,
                                   @JsonProperty("learningRateFirst") Double learningRateFirst,
                                   @JsonProperty("learningRate") Double learningRate) {
        TrainingConfig d = defaults();
        StageSchedule later = new StageSchedule(epochs != null ? epochs : d.second.epochs(), batchSize != null ? batchSize : d.second.batchSize(),
                learningRate != null ? learningRate : d.second.learningRate());
        boolean old = epochs != null || batchSize != null || learningRate != null;
        StageSchedule t1 = first != null ? first : new StageSchedule(epochsFirst != null ? epochsFirst : d.first.epochs(),
                batchSizeFirst != null ? batchSizeFirst : d.first.batchSize(),
                learningRateFirst != null ? learningRateFirst : d.first.learningRate());
        return new TrainingConfig(t1, second != null ? second : old ? later : d.second, rest != null ? rest : old ? later : d.rest,
                patience != null ? patience : d.patience, evalBatchSize != null ? evalBatchSize : d.evalBatchSize);
    }

    /**
     * The default preset's schedule (see {@code Preset.CPU}): T1 lr 1e-3, batch 32, at most 10 epochs;
     * later tasks lr 1e-3, batch 64, at most 10 epochs; patience 5. T1's values and the patience won
     * a small grid on ML-100K (README, "Presets"): with patience 3, T1 stopped after 4 epochs, on a
     * validation dip after its first epoch, at a quarter of the tuned MRR@5.
     */
    public static TrainingConfig defaults() {
        return new TrainingConfig(new StageSchedule(10, 32, 1e-3), new StageSchedule(10, 64, 1e-3), new StageSchedule(10, 64, 1e-3), 5, 256);
    }

    /** The schedule of 0-based stage {@code stage}. */
    public StageSchedule stage(int stage) {
        return stage == 0 ? first : stage == 1 ? second : rest;
    }

    public int epochsFor(int stage) {
        return stage(stage).epochs();
    }

    public int batchSizeFor(int stage) {
        return stage(stage).batchSize();
    }

    public double learningRateFor(int stage) {
        return stage(stage).learningRate();
    }

    public TrainingConfig withFirst(StageSchedule s) {
        return new TrainingConfig(s, second, rest, patience, evalBatchSize);
    }

    public TrainingConfig withSecond(StageSchedule s) {
        return new TrainingConfig(first, s, rest, patience, evalBatchSize);
    }

    public TrainingConfig withRest(StageSchedule s) {
        return new TrainingConfig(first, second, s, patience, evalBatchSize);
    }

    public TrainingConfig withPatience(int p) {
        return new TrainingConfig(first, second, rest, p, evalBatchSize);
    }

    // the older one-value-for-T1, one-for-later accessors, for code written against them

    public int epochsFirst() {
        return first.epochs();
    }

    public int batchSizeFirst() {
        return first.batchSize();
    }

    public double learningRateFirst() {
        return first.learningRate();
    }

    /** T2's max epochs (the first task after T1). */
    public int epochs() {
        return second.epochs();
    }

    /** T2's batch size. */
    public int batchSize() {
        return second.batchSize();
    }

    /** T2's learning rate. */
    public double learningRate() {
        return second.learningRate();
    }
}
