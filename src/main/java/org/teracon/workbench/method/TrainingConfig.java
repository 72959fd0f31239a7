package org.teracon.workbench.method;

/**
 * Optimiser and schedule. T1 (the base next-item task) has its own epochs, batch size and learning
 * rate, as in the reference scripts (T1: lr 1e-3, batch 32; later tasks their own values).
 *
 * @param patience early stop after this many epochs without a better validation score
 */
public record TrainingConfig(int epochsFirst, int epochs, int patience, int batchSizeFirst, int batchSize,
                             double learningRateFirst, double learningRate, int evalBatchSize) {

    public TrainingConfig {
        positive("epochsFirst", epochsFirst);
        positive("epochs", epochs);
        positive("patience", patience);
        positive("batchSizeFirst", batchSizeFirst);
        positive("batchSize", batchSize);
        positive("evalBatchSize", evalBatchSize);
        if (!(learningRateFirst > 0 && learningRateFirst < 1)) throw new IllegalArgumentException("learningRateFirst must be in (0, 1), got " + learningRateFirst);
        if (!(learningRate > 0 && learningRate < 1)) throw new IllegalArgumentException("learningRate must be in (0, 1), got " + learningRate);
    }

    private static void positive(String name, int v) {
        if (v < 1) throw new IllegalArgumentException(name + " must be >= 1, got " + v);
    }

    public static TrainingConfig defaults() {
        return new TrainingConfig(10, 10, 3, 32, 64, 1e-3, 1e-3, 256);
    }

    public int epochsFor(int stage) {
        return stage == 0 ? epochsFirst : epochs;
    }

    public int batchSizeFor(int stage) {
        return stage == 0 ? batchSizeFirst : batchSize;
    }

    public double learningRateFor(int stage) {
        return stage == 0 ? learningRateFirst : learningRate;
    }
}
