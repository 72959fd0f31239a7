package org.teracon.workbench.method.teracon;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.teracon.workbench.model.Gradients;
import org.teracon.workbench.model.Init;
import org.teracon.workbench.model.ParameterStore;

/**
 * TERACON's task masks, one per task and masked layer k (two per residual block, on each ReLU output):
 * plain m_k^T = σ(s·e_k^T), or relation-aware
 * m_k^{Ti} = σ(s · f_k^{Ti}[tanh(s·e_k^{Ti}) ‖ tanh(s·e_k^T) ‖ tanh(−s·e_k^T) for every other learned T]),
 * with f_k^{Ti} a Linear(2n−1 → 1) shared across channels (the reference code's reading of Eq. 3).
 * A task's embeddings of all K layers are one [K, C] parameter and its relation MLPs one [K, 2n−1]
 * weight and [K, 1] bias, so every layer's mask is computed by the same few array ops.
 */
public final class TaskMasks {
    /** The reference clamps task embeddings to this range after every step. */
    public static final double EMBEDDING_CLAMP = 6;

    private final ParameterStore params;
    private final int learnedTasks;
    private final boolean relationAware;
    private final double sharpness;
    /** tanh(s·e^T) of every learned task, [K, C] each (relation-aware masks only). */
    private final List<INDArray> tanh = new ArrayList<>();
    private final INDArray[] masks;
    private final INDArray[] mixing;

    /** The masks of all {@code learnedTasks} tasks at sharpness s. */
    public TaskMasks(ParameterStore params, int learnedTasks, boolean relationAware, double sharpness) {
        this.params = params;
        this.learnedTasks = learnedTasks;
        this.relationAware = relationAware && learnedTasks > 1;
        this.sharpness = sharpness;
        this.masks = new INDArray[learnedTasks];
        this.mixing = new INDArray[learnedTasks];
        if (this.relationAware) {
            for (int u = 0; u < learnedTasks; u++) tanh.add(Transforms.tanh(params.get(embedding(u)).mul(sharpness), false));
        }
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

    /** Task t's masks of every layer, [K, C]. */
    public INDArray mask(int task) {
        if (masks[task] != null) return masks[task];
        INDArray m;
        if (!relationAware) {
            m = Transforms.sigmoid(params.get(embedding(task)).mul(sharpness), false);
        } else {
            INDArray a = params.get(relationWeight(task)).mmul(selection(task)); // [K, n]: weight of each task's tanh
            mixing[task] = a;
            INDArray f = params.get(relationBias(task)).repeat(1, tanh.get(0).columns()).dup();
            for (int u = 0; u < learnedTasks; u++) f.addi(tanh.get(u).mulColumnVector(a.getColumn(u).reshape(a.rows(), 1)));
            m = Transforms.sigmoid(f.muli(sharpness), false);
        }
        masks[task] = m;
        return m;
    }

    /**
     * [2n−1, n] with ±1 where input i of task t's MLP reads task u: input 0 is tanh(s·e^t); inputs
     * 2i−1 and 2i are tanh(±s·e^u) of the i-th other task, and tanh(−x) = −tanh(x).
     */
    INDArray selection(int task) {
        double[][] sel = new double[2 * learnedTasks - 1][learnedTasks];
        sel[0][task] = 1;
        int i = 1;
        for (int u = 0; u < learnedTasks; u++) {
            if (u == task) continue;
            sel[2 * i - 1][u] = 1;
            sel[2 * i][u] = -1;
            i++;
        }
        return Nd4j.create(sel).castTo(params.get(embedding(task)).dataType());
    }

    /** Adds the gradients of task t's parameters (and, relation-aware, the other tasks' embeddings) from dL/dm [K, C]. */
    public void backward(int task, INDArray dMask, Gradients gradients) {
        INDArray m = mask(task);
        INDArray dPre = dMask.mul(m).muli(m.rsub(1)).muli(sharpness); // through σ(s·x)
        if (!relationAware) {
            gradients.add(embedding(task), dPre);
            return;
        }
        INDArray a = mixing[task];
        gradients.add(relationBias(task), dPre.sum(true, 1));
        INDArray dMixing = a.ulike();
        for (int u = 0; u < learnedTasks; u++) {
            INDArray t = tanh.get(u);
            dMixing.getColumn(u).assign(dPre.mul(t).sum(1));
            INDArray dTanh = dPre.mulColumnVector(a.getColumn(u).reshape(a.rows(), 1));
            gradients.add(embedding(u), dTanh.muli(t.mul(t).rsubi(1)).muli(sharpness)); // through tanh(s·e)
        }
        gradients.add(relationWeight(task), dMixing.mmul(selection(task).transpose()));
    }

    /** Each task's masks as [layer][channel] values. */
    public float[][] values(int task) {
        INDArray m = mask(task);
        float[][] out = new float[(int) m.rows()][];
        for (int k = 0; k < m.rows(); k++) out[k] = m.getRow(k).dup().data().asFloat();
        return out;
    }

    /** Clamps every task embedding to ±{@link #EMBEDDING_CLAMP} in place (reference). */
    public static void clampEmbeddings(ParameterStore p, int learnedTasks) {
        for (int t = 0; t < learnedTasks; t++) {
            INDArray e = p.get(embedding(t));
            Transforms.min(Transforms.max(e, -EMBEDDING_CLAMP, false), EMBEDDING_CLAMP, false);
        }
    }
}
