package org.teracon.workbench.method.teracon;

import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.teracon.workbench.model.Gradients;
import org.teracon.workbench.model.Init;
import org.teracon.workbench.model.ParameterStore;
import org.teracon.workbench.model.Workspaces;

/**
 * TERACON's task masks, one per task and masked layer k (two per residual block, on each ReLU output):
 * plain m_k^T = σ(s·e_k^T), or relation-aware
 * m_k^{Ti} = σ(s · f_k^{Ti}[tanh(s·e_k^{Ti}) ‖ tanh(s·e_k^T) ‖ tanh(−s·e_k^T) for every other learned T]),
 * with f_k^{Ti} a Linear(2n−1 → 1) shared across channels (the reference code's reading of Eq. 3).
 * A task's embeddings of all K layers are one [K, C] parameter and its relation MLPs one [K, 2n−1]
 * weight and [K, 1] bias.
 * <p>
 * Every ND4J op costs ~50 µs however small its arrays, so the masks of all n tasks are computed together,
 * on first use, as one stacked [K, n, C] array by a constant number of ops (a batched matmul of the
 * per-layer mixing [K, n, n] with the stacked tanh [K, n, C]), and {@link #backward(INDArray, boolean[], Gradients)}
 * takes every task's dL/dm at once.
 */
public final class TaskMasks {
    /** The reference clamps task embeddings to this range after every step. */
    public static final double EMBEDDING_CLAMP = 6;

    private final ParameterStore params;
    private final int learnedTasks;
    private final boolean relationAware;
    private final double sharpness;
    /** Masks of every task, [K, n, C]; null until first used. */
    private INDArray stacked;
    /** tanh(s·e^u) of every task, [K, n, C] (relation-aware only). */
    private INDArray tanh;
    /** a_t[k, u], the weight of task u's tanh in task t's mask, [K, n(t), n(u)] (relation-aware only). */
    private INDArray mixing;
    /** [n·(2n−1), n·n] block-diagonal selection: maps every task's MLP weights to its mixing (relation-aware only). */
    private INDArray selections;
    private float[] host;

    /** The masks of all {@code learnedTasks} tasks at sharpness s. */
    public TaskMasks(ParameterStore params, int learnedTasks, boolean relationAware, double sharpness) {
        this.params = params;
        this.learnedTasks = learnedTasks;
        this.relationAware = relationAware && learnedTasks > 1;
        this.sharpness = sharpness;
    }

    public static String embedding(int task) {
        return "teracon.e" + task;
    }

    public static String relationWeight(int task) {
        return "teracon.f" + task + ".w";
    }

    public static String relationBias(int task) {
        return "teracon.f" + task + ".b";
    }

    /** Task embeddings start uniform in [0, 2] (reference), so initial masks are mostly open. */
    public static void initEmbeddings(ParameterStore p, int task, int layers, int channels, Random rnd) {
        if (!p.has(embedding(task))) p.put(embedding(task), Init.uniform(rnd, 0, 2, layers, channels));
    }

    /**
     * The relation MLPs are re-created whenever a task is added (their input grows), as in the
     * reference: weights drawn with std 0.01, bias 0.1.
     */
    public static void initRelationMlps(ParameterStore p, int learnedTasks, int layers, Random rnd) {
        int inputs = 2 * learnedTasks - 1;
        for (int t = 0; t < learnedTasks; t++) {
            p.put(relationWeight(t), Init.normal(rnd, 0.01, layers, inputs));
            p.put(relationBias(t), Init.constant(0.1, layers, 1));
        }
    }

    public int tasks() {
        return learnedTasks;
    }

    /**
     * These masks' values copied outside any workspace, for reading only (no {@link #backward}): what a
     * frozen model's masks at one s stay for the rest of a stage.
     */
    TaskMasks detached() {
        TaskMasks copy = new TaskMasks(params, learnedTasks, relationAware, sharpness);
        INDArray values = stacked();
        try (var ignored = Workspaces.outside()) {
            copy.stacked = values.dup('c');
        }
        copy.host = copy.stacked.data().asFloat();
        return copy;
    }

    /**
     * Read-only masks of several sets side by side, [K, Σn, C]: task t of set w is task w·n + t. For one
     * pass whose rows run at different s (the teacher's pass over several steps' retention users).
     */
    static TaskMasks joined(java.util.List<TaskMasks> sets) {
        TaskMasks first = sets.get(0);
        TaskMasks joined = new TaskMasks(first.params, first.learnedTasks * sets.size(), false, first.sharpness);
        joined.stacked = sets.size() == 1 ? first.stacked()
                : Nd4j.concat(1, sets.stream().map(TaskMasks::stacked).toArray(INDArray[]::new));
        return joined;
    }

    /** The masks of every task, [K, n, C]: layer k's masks of all tasks are one contiguous [n, C] block. */
    public INDArray stacked() {
        if (stacked == null) stacked = relationAware ? relationAwareMasks() : plainMasks();
        return stacked;
    }

    /** Task t's masks of every layer, [K, C] (a view of {@link #stacked()}). */
    public INDArray mask(int task) {
        return stacked().get(NDArrayIndex.all(), NDArrayIndex.point(task), NDArrayIndex.all());
    }

    private INDArray plainMasks() {
        INDArray e = stackedParameters(TaskMasks::embedding);
        return Transforms.sigmoid(e.muli(sharpness), false).reshape('c', layers(), learnedTasks, channels());
    }

    private INDArray relationAwareMasks() {
        int k = layers();
        int c = channels();
        tanh = Transforms.tanh(stackedParameters(TaskMasks::embedding).muli(sharpness), false).reshape('c', k, learnedTasks, c);
        selections = selections();
        mixing = stackedParameters(TaskMasks::relationWeight).mmul(selections).reshape('c', k, learnedTasks, learnedTasks);
        INDArray f = Nd4j.matmul(mixing, tanh).reshape('c', (long) k * learnedTasks, c);
        f.addiColumnVector(stackedParameters(TaskMasks::relationBias).reshape('c', (long) k * learnedTasks, 1));
        return Transforms.sigmoid(f.muli(sharpness), false).reshape('c', k, learnedTasks, c);
    }

    /** Every task's parameter side by side, [K, n·width]: column block t is task t's, so reshapes give [K, n, width]. */
    private INDArray stackedParameters(java.util.function.IntFunction<String> name) {
        INDArray[] all = new INDArray[learnedTasks];
        for (int t = 0; t < learnedTasks; t++) all[t] = params.get(name.apply(t));
        return learnedTasks == 1 ? all[0].dup('c') : Nd4j.concat(1, all);
    }

    private int layers() {
        return (int) params.get(embedding(0)).rows();
    }

    private int channels() {
        return (int) params.get(embedding(0)).columns();
    }

    /**
     * [2n−1, n] with ±1 where input i of task t's MLP reads task u: input 0 is tanh(s·e^t); inputs
     * 2i−1 and 2i are tanh(±s·e^u) of the i-th other task, and tanh(−x) = −tanh(x).
     */
    static double[][] selection(int task, int learnedTasks) {
        double[][] sel = new double[2 * learnedTasks - 1][learnedTasks];
        sel[0][task] = 1;
        int i = 1;
        for (int u = 0; u < learnedTasks; u++) {
            if (u == task) continue;
            sel[2 * i - 1][u] = 1;
            sel[2 * i][u] = -1;
            i++;
        }
        return sel;
    }

    /** The selections per number of tasks and data type: constants, made once outside any workspace. */
    private static final Map<String, INDArray> SELECTIONS = new ConcurrentHashMap<>();

    /** Every task's selection on the diagonal, so one GEMM gives all mixings: [K, n(2n−1)]·this = [K, n·n]. */
    private INDArray selections() {
        DataType type = params.get(embedding(0)).dataType();
        return SELECTIONS.computeIfAbsent(learnedTasks + " " + type, key -> {
            try (var ignored = Workspaces.outside()) {
                return selections(learnedTasks, type);
            }
        });
    }

    private static INDArray selections(int learnedTasks, DataType type) {
        int inputs = 2 * learnedTasks - 1;
        double[][] all = new double[learnedTasks * inputs][learnedTasks * learnedTasks];
        for (int t = 0; t < learnedTasks; t++) {
            double[][] sel = selection(t, learnedTasks);
            for (int i = 0; i < inputs; i++) System.arraycopy(sel[i], 0, all[t * inputs + i], t * learnedTasks, learnedTasks);
        }
        return constant(all, type);
    }

    /** A host-built matrix as one array of the given type, without a separate cast op for float. */
    static INDArray constant(double[][] values, DataType type) {
        if (type == DataType.DOUBLE) return Nd4j.create(values);
        if (type != DataType.FLOAT) return Nd4j.create(values).castTo(type);
        float[][] f = new float[values.length][];
        for (int i = 0; i < values.length; i++) {
            f[i] = new float[values[i].length];
            for (int j = 0; j < f[i].length; j++) f[i][j] = (float) values[i][j];
        }
        return Nd4j.create(f);
    }

    /** Adds the gradients of task t's parameters (and, relation-aware, the other tasks' embeddings) from dL/dm [K, C]. */
    public void backward(int task, INDArray dMask, Gradients gradients) {
        INDArray all = stacked().ulike().assign(0);
        all.get(NDArrayIndex.all(), NDArrayIndex.point(task), NDArrayIndex.all()).assign(dMask);
        boolean[] received = new boolean[learnedTasks];
        received[task] = true;
        backward(all, received, gradients);
    }

    /**
     * Adds the gradients of every task's mask parameters from dL/dm of all tasks [K, n, C] at once; only
     * the tasks marked {@code received} get gradients of their own parameters (zero rows elsewhere in
     * {@code dMasks}), as if {@link #backward(int, INDArray, Gradients)} had been called for each of them.
     */
    public void backward(INDArray dMasks, boolean[] received, Gradients gradients) {
        boolean any = false;
        for (boolean r : received) any |= r;
        if (!any) return;
        INDArray m = stacked();
        INDArray dPre = dMasks.mul(m).muli(m.rsub(1)).muli(sharpness); // through σ(s·x), [K, n, C]
        if (!relationAware) {
            handOver(dPre, TaskMasks::embedding, received, gradients);
            return;
        }
        int k = layers();
        handOver(dPre.sum(true, 2), TaskMasks::relationBias, received, gradients);
        INDArray dMixing = Nd4j.matmul(dPre, tanh, false, true, false).reshape('c', k, (long) learnedTasks * learnedTasks);
        INDArray dWeights = Nd4j.gemm(dMixing, selections, false, true).reshape('c', k, learnedTasks, 2L * learnedTasks - 1);
        handOver(dWeights, TaskMasks::relationWeight, received, gradients);
        INDArray dTanh = Nd4j.matmul(mixing, dPre, true, false, false);
        INDArray dEmbeddings = dTanh.muli(tanh.mul(tanh).rsubi(1)).muli(sharpness); // through tanh(s·e)
        boolean[] everyTask = new boolean[learnedTasks];
        java.util.Arrays.fill(everyTask, true);
        handOver(dEmbeddings, TaskMasks::embedding, everyTask, gradients);
    }

    /**
     * Hands each marked task its [K, w] block of {@code byLayer} [K, n, w] as a view: copying each would cost
     * one op per task, as does the optimiser's copy of a view; libnd4j's tear, one op for all, took 1.4 ms
     * at [4, 6, 64] and corrupted memory on double arrays.
     */
    private void handOver(INDArray byLayer, java.util.function.IntFunction<String> name, boolean[] tasks, Gradients gradients) {
        for (int t = 0; t < learnedTasks; t++) {
            if (tasks[t]) gradients.add(name.apply(t), byLayer.get(NDArrayIndex.all(), NDArrayIndex.point(t), NDArrayIndex.all()));
        }
    }

    /** Each task's masks as [layer][channel] values, read from one host copy of all tasks' masks. */
    public float[][] values(int task) {
        if (host == null) host = stacked().dup('c').data().asFloat();
        int k = layers();
        int c = channels();
        float[][] out = new float[k][];
        for (int layer = 0; layer < k; layer++) {
            int from = (layer * learnedTasks + task) * c;
            out[layer] = java.util.Arrays.copyOfRange(host, from, from + c);
        }
        return out;
    }

    /**
     * Clamps every task embedding to ±{@link #EMBEDDING_CLAMP} in place (reference). When the embeddings lie
     * side by side in one buffer, as Adam's pack of small parameters places them (their gradients are
     * handed over one after another), one clip covers them all instead of one per task (~30 µs each).
     */
    public static void clampEmbeddings(ParameterStore p, int learnedTasks) {
        INDArray[] embeddings = new INDArray[learnedTasks];
        for (int t = 0; t < learnedTasks; t++) embeddings[t] = p.get(embedding(t));
        INDArray span = sideBySide(embeddings);
        if (span != null) {
            clip(span);
        } else {
            for (INDArray e : embeddings) clip(e);
        }
    }

    /** One flat view over the arrays when they fill one stretch of one buffer, in order; otherwise null. */
    static INDArray sideBySide(INDArray[] arrays) {
        if (arrays.length < 2) return null;
        var buffer = arrays[0].data().originalDataBuffer();
        long next = arrays[0].offset();
        for (INDArray a : arrays) {
            boolean dense = a.ordering() == 'c' && a.elementWiseStride() == 1 && a.isView();
            if (!dense || a.data().originalDataBuffer() != buffer || a.offset() != next || a.dataType() != arrays[0].dataType()) return null;
            next += a.length();
        }
        return Nd4j.create(buffer, new long[] {next - arrays[0].offset()}, new long[] {1}, arrays[0].offset(), 'c');
    }

    private static void clip(INDArray e) {
        // one in-place call instead of a max and a min (~30 µs each however small, issue #8)
        Nd4j.exec(DynamicCustomOp.builder("clipbyvalue").addInputs(e).addOutputs(e)
                .addFloatingPointArguments(-EMBEDDING_CLAMP, EMBEDDING_CLAMP).build());
    }
}
