package org.teracon.workbench.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/** A first-order optimiser on named arrays, updated in place: one call per parameter per step. */
public interface Optimizer {
    void step(String name, INDArray param, INDArray gradient);

    double learningRate();
}
