package org.teracon.workbench.method;

import java.util.Map;

/**
 * What a method reports while it trains; the experiment layer turns these calls into run events.
 * Methods poll {@link #cancelled()} once per batch, so cancellation takes effect within one batch.
 */
public interface TrainingMonitor {

    /** One optimiser step finished; {@code losses} holds "total" plus the method's named terms. */
    default void batchFinished(int stage, int epoch, int batch, int batches, Map<String, Double> losses) {
    }

    /** One epoch finished: mean loss terms, the validation score and whether it is the best so far. */
    default void epochFinished(int stage, int epoch, Map<String, Double> meanLosses, double validationScore,
                               boolean improved, double seconds) {
    }

    /** Task masks (per task, [layer][channel]) as evaluated after a stage, for methods with masks. */
    default void masks(int stage, Map<String, float[][]> masksByTask) {
    }

    /** Relation-aware sampling rates rho_{i,j} per old task j at the end of an epoch. */
    default void samplingRates(int stage, int epoch, Map<String, Double> rhoByTask) {
    }

    default boolean cancelled() {
        return false;
    }

    TrainingMonitor NONE = new TrainingMonitor() {
    };

    /** Everything that is not a failure but a user's wish to stop. */
    final class CancelledException extends RuntimeException {
        public CancelledException() {
            super("run cancelled");
        }
    }

}
