package org.teracon.workbench.method.teracon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.teracon.workbench.model.GraphVariables;
import org.teracon.workbench.model.Init;
import org.teracon.workbench.model.LayerHooks;
import org.teracon.workbench.model.ParameterStore;

/**
 * TERACON's task masks, one per task and masked layer k (two per residual block, on each ReLU output):
 * plain m_k^T = σ(s·e_k^T), or relation-aware
 * m_k^{Ti} = σ(s · f_k^{Ti}[tanh(s·e_k^{Ti}) ‖ tanh(s·e_k^T) ‖ tanh(−s·e_k^T) for every other learned T]),
 * with f_k^{Ti} a Linear(2n−1 → 1) shared across channels (the reference code's reading of Eq. 3).
 */
public final class TaskMasks {
    /** The reference clamps task embeddings to this range after every step. */
    public static final double EMBEDDING_CLAMP = 6;

    private TaskMasks() {
    }

    public static String embedding(int task, int layer) {
        return "teracon.e" + task + ".L" + layer;
    }

    public static String relationWeight(int task, int layer) {
        return "teracon.f" + task + ".L" + layer + ".w";
    }

    public static String relationBias(int task, int layer) {
        return "teracon.f" + task + ".L" + layer + ".b";
    }

    public static String maskOutput(int task, int layer) {
        return "mask.t" + task + ".L" + layer;
    }

    /** Task embeddings start uniform in [0, 2] (reference), so initial masks are mostly open. */
    public static void initEmbeddings(ParameterStore p, int task, int layers, int channels, Random rnd) {
        for (int k = 0; k < layers; k++) {
            if (!p.has(embedding(task, k))) p.put(embedding(task, k), Init.uniform(rnd, 0, 2, 1, channels));
        }
    }

    /**
     * The relation MLPs are re-created whenever a task is added (their input grows), as in the
     * reference: weights drawn with std 0.01, bias 0.1.
     */
    public static void initRelationMlps(ParameterStore p, int learnedTasks, int layers, Random rnd) {
        int inputs = 2 * learnedTasks - 1;
        for (int t = 0; t < learnedTasks; t++) {
            for (int k = 0; k < layers; k++) {
                p.put(relationWeight(t, k), Init.normal(rnd, 0.01, 1, inputs));
                p.put(relationBias(t, k), Init.constant(0.1, 1, 1));
            }
        }
    }

    /** Mask [1, C] of {@code task} at layer k among {@code learnedTasks} tasks. */
    public static SDVariable mask(GraphVariables v, SDVariable s, int task, int learnedTasks, int layer, boolean relationAware) {
        SameDiff sd = v.sd();
        SDVariable e = v.get(embedding(task, layer));
        if (!relationAware || learnedTasks < 2) return sd.nn().sigmoid(e.mul(s));
        List<SDVariable> rows = new ArrayList<>();
        rows.add(e);
        for (int u = 0; u < learnedTasks; u++) {
            if (u == task) continue;
            SDVariable eu = v.get(embedding(u, layer));
            rows.add(eu);
            rows.add(eu.neg());
        }
        SDVariable relations = sd.math().tanh(sd.concat(0, rows.toArray(new SDVariable[0])).mul(s)); // [2n-1, C]
        SDVariable f = v.get(relationWeight(task, layer)).mmul(relations).add(v.get(relationBias(task, layer))); // [1, C]
        return sd.nn().sigmoid(f.mul(s));
    }

    /** Hooks that multiply each ReLU output by the task's mask; one mask variable per layer per graph. */
    public static LayerHooks hooks(GraphVariables v, SDVariable s, int task, int learnedTasks, boolean relationAware, int channels) {
        Map<Integer, SDVariable> cache = new HashMap<>();
        return new LayerHooks() {
            @Override
            public SDVariable activation(int block, int conv, SDVariable a) {
                int k = 2 * block + conv;
                SDVariable m = cache.computeIfAbsent(k, layer -> {
                    String name = maskOutput(task, layer);
                    SDVariable existing = v.sd().hasVariable(name) ? v.sd().getVariable(name) : null;
                    return existing != null ? existing : mask(v, s, task, learnedTasks, layer, relationAware).rename(name);
                });
                return a.mul(m.reshape(1, channels, 1));
            }
        };
    }
}
