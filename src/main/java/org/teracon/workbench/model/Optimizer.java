package org.teracon.workbench.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/** A first-order optimiser on named arrays, updated in place: one call per parameter per step. */
public interface Optimizer {
    void step(String name, INDArray param, INDArray gradient);

    /** One step of every parameter that has a gradient, in the map's order. */
    default void stepAll(ParameterStore params, java.util.Map<String, INDArray> gradients) {
        gradients.forEach((name, g) -> step(name, params.get(name), g));
    }

    double learningRate();

    /**
     * Updates started before the rest of the step's gradients exist, on parameters whose gradients are
     * final already; they touch no parameter or optimiser state until {@link #commit}.
     */
    interface Early {
        /** The parameters covered: {@link #stepAll} must be given the others only. */
        java.util.Set<String> names();

        /**
         * Whether every covered gradient is finite (waiting for the check where it runs beside the step): the
         * step's NaN check leaves these gradients to this one.
         */
        boolean finite();

        /** Applies the updates (after the step's NaN check, this one's included, has passed). */
        void commit();

        /** Drops them: the step is skipped, and parameters and state stay as they were. */
        void discard();

        Early NONE = new Early() {
            @Override
            public java.util.Set<String> names() {
                return java.util.Set.of();
            }

            @Override
            public boolean finite() {
                return true;
            }

            @Override
            public void commit() {
            }

            @Override
            public void discard() {
            }
        };
    }

    /**
     * Starts the updates of the named parameters whose gradients are final, beside the rest of the step (the
     * backbone's backward pass), with the check that those gradients are finite; by default none.
     */
    default Early startEarly(ParameterStore params, java.util.Map<String, INDArray> gradients, java.util.Collection<String> names) {
        return Early.NONE;
    }

    /** Everything a later step depends on, as a deep copy (a checkpoint); null when the optimiser keeps none. */
    default java.io.Serializable state() {
        return null;
    }

    /** Puts back what {@link #state()} returned, so the next step equals the one an unbroken run takes. */
    default void restore(java.io.Serializable state) {
    }

    /**
     * At the end of a stage: hands back as arrays of their own any parameters the optimiser has made views
     * of its buffers, so that nothing of it outlives the stage.
     */
    default void release(ParameterStore params) {
    }
}
