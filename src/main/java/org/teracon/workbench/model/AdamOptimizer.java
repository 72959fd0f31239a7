package org.teracon.workbench.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Adam (Kingma & Ba) on named arrays, updated in place, as PyTorch computes it:
 * θ −= lr/(1−β1ᵗ) · m / (√v/√(1−β2ᵗ) + ε). Each parameter's step is libnd4j's fused adam_updater op
 * (one native call instead of eight element-wise ops); that op adds ε to √v itself, so it is given
 * ε·√(1−β2ᵗ), which makes the two forms identical. State lives outside any workspace.
 */
public final class AdamOptimizer implements Optimizer {
    private final double learningRate;
    private final double beta1 = 0.9;
    private final double beta2 = 0.999;
    private final double epsilon = 1e-8;
    private final Map<String, INDArray> firstMoment = new HashMap<>();
    private final Map<String, INDArray> secondMoment = new HashMap<>();
    private final Map<String, Integer> steps = new HashMap<>();

    public AdamOptimizer(double learningRate) {
        this.learningRate = learningRate;
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    /** The moments and step counts per parameter, copied. */
    record State(Map<String, INDArray> firstMoment, Map<String, INDArray> secondMoment, Map<String, Integer> steps)
            implements java.io.Serializable {
    }

    @Override
    public java.io.Serializable state() {
        return new State(copy(firstMoment), copy(secondMoment), new HashMap<>(steps));
    }

    @Override
    public void restore(java.io.Serializable state) {
        State s = (State) state;
        firstMoment.clear();
        secondMoment.clear();
        steps.clear();
        firstMoment.putAll(copy(s.firstMoment()));
        secondMoment.putAll(copy(s.secondMoment()));
        steps.putAll(s.steps());
    }

    private static Map<String, INDArray> copy(Map<String, INDArray> arrays) {
        Map<String, INDArray> c = new HashMap<>();
        try (var ignored = Workspaces.outside()) {
            arrays.forEach((k, v) -> c.put(k, v.dup()));
        }
        return c;
    }

    @Override
    public void step(String name, INDArray param, INDArray gradient) {
        update(name, param, gradient).run();
    }

    /**
     * The parameters' updates split between the two lanes by size (a fixed split, so the floats do not
     * depend on timing): libnd4j's adam_updater runs at ~7 ns an element on one thread, ~11 % of a
     * reference-size step. Each update touches only its own parameter and moments.
     */
    @Override
    public void stepAll(ParameterStore params, Map<String, INDArray> gradients) {
        List<Runnable> worker = new ArrayList<>();
        List<Runnable> caller = new ArrayList<>();
        long total = gradients.values().stream().mapToLong(INDArray::length).sum();
        long onWorker = 0;
        for (var e : gradients.entrySet()) {
            Runnable u = update(e.getKey(), params.get(e.getKey()), e.getValue()); // state is made here, on this thread
            if (GemmLanes.twoLanes() && onWorker + e.getValue().length() <= total / 2) {
                worker.add(u);
                onWorker += e.getValue().length();
            } else {
                caller.add(u);
            }
        }
        GemmLanes.Pending pending = GemmLanes.background(() -> worker.forEach(Runnable::run));
        caller.forEach(Runnable::run);
        pending.await();
    }

    private Runnable update(String name, INDArray param, INDArray gradient) {
        INDArray m;
        INDArray v;
        try (var ignored = Workspaces.outside()) {
            m = firstMoment.computeIfAbsent(name, k -> param.ulike().assign(0));
            v = secondMoment.computeIfAbsent(name, k -> param.ulike().assign(0));
        }
        int t = steps.merge(name, 1, Integer::sum);
        // the op writes the update over its gradient input: a step's gradient is its own, so it is reused
        INDArray g = java.util.Arrays.equals(gradient.shape(), param.shape()) && !gradient.isView() ? gradient : gradient.reshape(param.shape()).dup();
        double scaledEpsilon = epsilon * Math.sqrt(1 - Math.pow(beta2, t));
        return () -> {
            Nd4j.exec(new AdamUpdater(g, v, m, g, v, m, learningRate, beta1, beta2, scaledEpsilon, t - 1));
            param.subi(g);
        };
    }
}
