package org.teracon.workbench.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Where continual-learning methods change the backbone, as arrays with their own gradients: masks on
 * each ReLU output (TERACON, HAT), the convolution weights (Piggyback, CONURE) and a patch on the
 * residual branch (PeterRec). Layer k = 2·block + conv. Every default leaves the plain backbone.
 */
public interface BackboneHooks {

    /** The weight layer k convolves with, [kernel·C, C]; by default the stored one. */
    default INDArray effectiveWeight(int layer, INDArray stored) {
        return stored;
    }

    /**
     * Receives dL/d(effective weight) of layer k, when {@link #wantsWeightGradient} or the stored weight
     * trains. By default the effective weight is the stored one, so the gradient is the stored weight's.
     */
    default void weightGradient(int layer, String storedName, INDArray effectiveGradient, Gradients gradients) {
        gradients.add(storedName, effectiveGradient);
    }

    /** True when the effective weight's gradient is needed even though the stored weight is frozen. */
    default boolean wantsWeightGradient(int layer) {
        return false;
    }

    /**
     * Channel mask on layer k's ReLU output: [sequences, C] (a mask per sequence, for batches that stack
     * several tasks' users) or [1, C] (one for all); null for none.
     */
    default INDArray mask(int layer) {
        return null;
    }

    /** dL/d(mask) of layer k, in the shape {@link #mask} returned. */
    default void maskGradient(int layer, INDArray gradient) {
    }

    /**
     * Work that sums dL/d(mask) of layer k its own way from its terms dL/d(masked output) ⊙ (ReLU output),
     * both [B·L, C] with rows (sequence, position) (TERACON: straight into per-task sums, one GEMM); null
     * leaves the summing to the engine, which then calls {@link #maskGradient}. Nothing waits for these sums
     * until the backward pass ends, so the engine runs the work on the other GEMM lane while the step goes
     * on backwards, and waits for it before the pass returns. This method runs on the step's thread and
     * allocates whatever the work writes (the work allocates nothing: another thread has no workspace
     * open); the work only reads {@code dOut} and {@code relu}, which stay unchanged until then.
     */
    default Runnable maskGradientWork(int layer, INDArray dOut, INDArray relu, int sequences, int length) {
        return null;
    }

    /** Parameter-name prefix of block b's residual patch (PeterRec), or null for none. */
    default String patch(int block) {
        return null;
    }

    BackboneHooks NONE = new BackboneHooks() {
    };
}
