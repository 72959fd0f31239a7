package org.teracon.workbench.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Adam (Kingma & Ba) on named arrays, updated in place, as PyTorch computes it:
 * θ −= lr/(1−β1ᵗ) · m / (√v/√(1−β2ᵗ) + ε). Each parameter's step is libnd4j's fused adam_updater op
 * (one native call instead of eight element-wise ops); that op adds ε to √v itself, so it is given
 * ε·√(1−β2ᵗ), which makes the two forms identical. State lives outside any workspace.
 * <p>
 * Small parameters (LayerNorm gains and biases, head biases, TERACON's task embeddings and relation MLPs:
 * dozens of them) are updated together: their gradients flattened into one array, one adam_updater over
 * moments kept side by side in one flat buffer, then one subtraction per parameter, instead of an
 * update, a subtraction and often a copy of a strided gradient each (~25 µs an ND4J call however small,
 * issue #8). Adam is element-wise, so this is the same arithmetic, as long as the packed parameters share
 * their step count; a pack is made once the same small parameters have been stepped together twice.
 * The packed parameters themselves move into one flat buffer too, the store keeping views of it, so one
 * subtraction updates them all; a parameter the store has replaced since (a new stage's relation MLPs,
 * a restored checkpoint) makes a new pack.
 */
public final class AdamOptimizer implements Optimizer {
    private final double learningRate;
    private final double beta1 = 0.9;
    private final double beta2 = 0.999;
    private final double epsilon = 1e-8;
    private final Map<String, INDArray> firstMoment = new HashMap<>();
    private final Map<String, INDArray> secondMoment = new HashMap<>();
    private final Map<String, Integer> steps = new HashMap<>();
    /** Parameters of at most this many values go into the pack. */
    static final long SMALL = 1 << 12;
    /** The small parameters of the last step, in order: a pack is made when the next step has the same. */
    private List<String> lastSmall = List.of();
    private Pack pack;

    /**
     * The packed parameters in order, where each starts in the flat buffers, the flat moments, and the flat
     * values whose views the store holds as those parameters.
     */
    private record Pack(List<String> names, long[] offsets, INDArray firstMoment, INDArray secondMoment, INDArray values,
                        List<INDArray> views) {
        /** Whether every packed parameter in the store is still this pack's view. */
        boolean heldBy(ParameterStore params) {
            for (int i = 0; i < names.size(); i++) if (params.get(names.get(i)) != views.get(i)) return false;
            return true;
        }
    }

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
        pack = null; // the moments are separate arrays again
        lastSmall = List.of();
        spareFirst.clear();
        spareSecond.clear();
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
        Map<String, INDArray> rest = gradients;
        Runnable packed = packedUpdate(params, gradients);
        if (packed != null) {
            rest = new LinkedHashMap<>(gradients);
            rest.keySet().removeAll(pack.names());
            caller.add(packed);
        }
        for (var e : rest.entrySet()) {
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

    /**
     * The update of this step's small parameters as one, or null when they are not packed: fewer than two,
     * different step counts, or a set not seen on the step before.
     */
    private Runnable packedUpdate(ParameterStore params, Map<String, INDArray> gradients) {
        List<String> small = new ArrayList<>();
        for (var e : gradients.entrySet()) if (e.getValue().length() <= SMALL) small.add(e.getKey());
        boolean again = small.equals(lastSmall);
        lastSmall = small;
        if (small.size() < 2 || !again) return null;
        int t = steps.getOrDefault(small.get(0), 0) + 1;
        for (String name : small) if (steps.getOrDefault(name, 0) + 1 != t) return null;
        if (pack == null || !pack.names().equals(small) || !pack.heldBy(params)) pack = pack(params, small);
        for (String name : small) steps.put(name, t);
        INDArray[] parts = small.stream().map(gradients::get).toArray(INDArray[]::new);
        double scaledEpsilon = epsilon * Math.sqrt(1 - Math.pow(beta2, t));
        Pack p = pack;
        return () -> {
            // a fresh array, shaped as the flat moments: the op writes the update over it
            INDArray g = Nd4j.toFlattened('c', Arrays.asList(parts)).reshape(p.offsets()[small.size()]);
            Nd4j.exec(new AdamUpdater(g, p.secondMoment(), p.firstMoment(), g, p.secondMoment(), p.firstMoment(),
                    learningRate, beta1, beta2, scaledEpsilon, t - 1));
            p.values().subi(g);
        };
    }

    /** An early update is split into chunks of this many values: a split GEMM half queued behind waits at most one (~0.1 ms). */
    static final long EARLY_CHUNK = 1 << 14;
    /** Where an early update writes the new moments; swapped with the moments when it is committed. */
    private final Map<String, INDArray> spareFirst = new HashMap<>();
    private final Map<String, INDArray> spareSecond = new HashMap<>();

    /**
     * Starts, on the worker lane in chunks, the Adam steps of those named parameters that are larger than the
     * pack's and whose gradients are contiguous and in the parameter's shape, each after a check on the same
     * lane that its gradient is finite ({@link Early#finite}; the step's NaN check leaves these to it). Each
     * writes its update over its gradient and its new moments into spare buffers; {@link Early#commit}
     * subtracts the updates and swaps the moments in, {@link Early#discard} leaves everything as it was. The
     * same element-wise op on the same values as {@link #stepAll}, so the same floats. TERACON's item heads
     * (244 k values at T6 at 64 channels, ~6 ns a value here) thus update while the backbone's backward pass
     * leaves the worker idle for most of its ~11 ms, not after it. The chunks' views and the checks are made
     * on the worker too: on the step's thread they took 0.55-0.6 ms a step at T4-T6 (a view costs ~10 µs,
     * and three item heads make ~100 of them; throwaway phase timer, 2026-12-01).
     */
    @Override
    public Early startEarly(ParameterStore params, Map<String, INDArray> gradients, java.util.Collection<String> names) {
        List<String> chosen = new ArrayList<>();
        for (String name : names) {
            INDArray g = gradients.get(name);
            if (g == null || g.length() <= SMALL || !params.has(name)) continue;
            INDArray p = params.get(name);
            if (!dense(g) || !Arrays.equals(g.shape(), p.shape()) || g.dataType() != p.dataType()) continue;
            if (firstMoment.containsKey(name) && !(dense(firstMoment.get(name)) && dense(secondMoment.get(name)))) continue;
            chosen.add(name);
        }
        if (chosen.isEmpty()) return Early.NONE;
        List<GemmLanes.Pending> checks = new ArrayList<>();
        boolean[] finite = new boolean[chosen.size()];
        List<GemmLanes.Pending> chunks = new ArrayList<>();
        Map<String, Integer> stepOf = new LinkedHashMap<>();
        for (int i = 0; i < chosen.size(); i++) {
            String name = chosen.get(i);
            INDArray param = params.get(name);
            INDArray m;
            INDArray v;
            INDArray m2;
            INDArray v2;
            try (var ignored = Workspaces.outside()) {
                m = firstMoment.computeIfAbsent(name, k -> param.ulike().assign(0));
                v = secondMoment.computeIfAbsent(name, k -> param.ulike().assign(0));
                m2 = spare(spareFirst, name, m);
                v2 = spare(spareSecond, name, v);
            }
            int t = steps.getOrDefault(name, 0) + 1;
            stepOf.put(name, t);
            double scaledEpsilon = epsilon * Math.sqrt(1 - Math.pow(beta2, t));
            INDArray g = gradients.get(name);
            int index = i;
            // before the chunks on the same lane, which write the update over the gradient
            checks.add(GemmLanes.background(() -> finite[index] = Double.isFinite(g.sumNumber().doubleValue())));
            long n = g.length();
            INDArray[] arrays = {g, v, m, v2, m2};
            for (long from = 0; from < n; from += EARLY_CHUNK) {
                long start = from;
                long end = Math.min(n, from + EARLY_CHUNK);
                chunks.add(GemmLanes.background(() -> {
                    INDArray[] c = new INDArray[arrays.length];
                    for (int a = 0; a < c.length; a++) c[a] = flat(arrays[a]).get(NDArrayIndex.interval(start, end));
                    Nd4j.exec(new AdamUpdater(c[0], c[1], c[2], c[0], c[3], c[4], learningRate, beta1, beta2, scaledEpsilon, t - 1));
                }));
            }
        }
        java.util.Set<String> covered = java.util.Set.copyOf(chosen);
        return new Early() {
            private boolean settled;

            @Override
            public java.util.Set<String> names() {
                return covered;
            }

            @Override
            public boolean finite() {
                checks.forEach(GemmLanes.Pending::await);
                for (boolean f : finite) if (!f) return false;
                return true;
            }

            @Override
            public void commit() {
                settle();
                for (String name : chosen) {
                    params.get(name).subi(gradients.get(name)); // the update, written over the gradient
                    swap(firstMoment, spareFirst, name);
                    swap(secondMoment, spareSecond, name);
                    steps.put(name, stepOf.get(name));
                }
            }

            @Override
            public void discard() {
                settle();
            }

            private void settle() {
                if (settled) return;
                settled = true;
                RuntimeException failure = null;
                for (GemmLanes.Pending job : java.util.stream.Stream.concat(checks.stream(), chunks.stream()).toList()) {
                    try {
                        job.await();
                    } catch (RuntimeException e) {
                        if (failure == null) failure = e;
                    }
                }
                if (failure != null) throw failure;
            }
        };
    }

    /** The spare of a moment: an array of its shape and type, made outside any workspace once. */
    private static INDArray spare(Map<String, INDArray> spares, String name, INDArray like) {
        INDArray s = spares.get(name);
        if (s == null || !Arrays.equals(s.shape(), like.shape()) || s.dataType() != like.dataType() || s.ordering() != 'c') {
            s = Nd4j.create(like.dataType(), like.shape(), 'c');
            spares.put(name, s);
        }
        return s;
    }

    private static void swap(Map<String, INDArray> live, Map<String, INDArray> spares, String name) {
        INDArray now = live.get(name);
        live.put(name, spares.get(name));
        spares.put(name, now);
    }

    private static boolean dense(INDArray a) {
        return !a.isView() && a.ordering() == 'c';
    }

    /** A contiguous c-order array as a 1-D view of its values. */
    private static INDArray flat(INDArray a) {
        return a.reshape(a.length());
    }

    /** The packed parameters back as arrays of their own: a flat buffer kept alive by any one view would hold them all. */
    @Override
    public void release(ParameterStore params) {
        if (pack == null) return;
        try (var ignored = Workspaces.outside()) {
            for (int i = 0; i < pack.names().size(); i++) {
                String name = pack.names().get(i);
                if (params.get(name) == pack.views().get(i)) params.put(name, pack.views().get(i).dup('c'));
            }
        }
        pack = null;
        lastSmall = List.of();
    }

    /**
     * Moves the named parameters and their moments side by side into one flat buffer each; the maps keep
     * views of the moments' buffers, and the store views of the values' buffer as the parameters.
     */
    private Pack pack(ParameterStore params, List<String> names) {
        long[] offsets = new long[names.size() + 1];
        for (int i = 0; i < names.size(); i++) offsets[i + 1] = offsets[i] + params.get(names.get(i)).length();
        INDArray m;
        INDArray v;
        INDArray values;
        List<INDArray> views = new ArrayList<>();
        try (var ignored = Workspaces.outside()) {
            DataType type = params.get(names.get(0)).dataType();
            m = Nd4j.zeros(type, offsets[names.size()]);
            v = Nd4j.zeros(type, offsets[names.size()]);
            values = Nd4j.create(type, offsets[names.size()]);
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                long[] shape = params.get(name).shape();
                INDArray mView = slice(m, offsets, i, shape);
                INDArray vView = slice(v, offsets, i, shape);
                if (firstMoment.containsKey(name)) mView.assign(firstMoment.get(name));
                if (secondMoment.containsKey(name)) vView.assign(secondMoment.get(name));
                firstMoment.put(name, mView);
                secondMoment.put(name, vView);
                INDArray view = slice(values, offsets, i, shape).assign(params.get(name));
                params.put(name, view);
                views.add(view);
            }
        }
        return new Pack(List.copyOf(names), offsets, m, v, values, List.copyOf(views));
    }

    /** Part i of a flat buffer, as a view in the parameter's shape. */
    private static INDArray slice(INDArray flat, long[] offsets, int i, long[] shape) {
        INDArray view = flat.get(NDArrayIndex.interval(offsets[i], offsets[i + 1])).reshape('c', shape);
        if (!view.isView()) throw new IllegalStateException("a packed slice is not a view of its flat buffer");
        return view;
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
        INDArray g = Arrays.equals(gradient.shape(), param.shape()) && !gradient.isView() ? gradient : gradient.reshape(param.shape()).dup();
        double scaledEpsilon = epsilon * Math.sqrt(1 - Math.pow(beta2, t));
        return () -> {
            Nd4j.exec(new AdamUpdater(g, v, m, g, v, m, learningRate, beta1, beta2, scaledEpsilon, t - 1));
            param.subi(g);
        };
    }
}
