package org.teracon.workbench.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Gradients of one step by parameter name, summed over every path that reaches a parameter. Only the
 * parameters the step trains are collected, so a frozen part of the model costs no gradient work.
 */
public final class Gradients {
    private final Predicate<String> trainable;
    private final Map<String, INDArray> byName = new LinkedHashMap<>();

    public Gradients(Predicate<String> trainable) {
        this.trainable = trainable;
    }

    public boolean wants(String name) {
        return trainable.test(name);
    }

    /** Adds {@code gradient} to the parameter's sum; the first array is kept (callers hand over owned arrays). */
    public void add(String name, INDArray gradient) {
        if (!wants(name)) return;
        INDArray sum = byName.get(name);
        if (sum == null) byName.put(name, gradient);
        else sum.addi(gradient.reshape(sum.shape()));
    }

    public INDArray get(String name) {
        return byName.get(name);
    }

    public Map<String, INDArray> asMap() {
        return byName;
    }
}
