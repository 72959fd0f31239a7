package org.teracon.workbench.method;

/**
 * One stage's optimiser schedule: at most {@code epochs} epochs of {@code batchSize} rows at
 * {@code learningRate} (Adam).
 */
public record StageSchedule(int epochs, int batchSize, double learningRate) {

    public StageSchedule {
        if (epochs < 1) throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        if (!(learningRate > 0 && learningRate < 1)) throw new IllegalArgumentException("learningRate must be in (0, 1), got " + learningRate);
    }

    public StageSchedule withEpochs(int e) {
        return new StageSchedule(e, batchSize, learningRate);
    }

    public StageSchedule withBatchSize(int b) {
        return new StageSchedule(epochs, b, learningRate);
    }

    public StageSchedule withLearningRate(double lr) {
        return new StageSchedule(epochs, batchSize, lr);
    }
}
