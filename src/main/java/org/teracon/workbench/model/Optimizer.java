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
