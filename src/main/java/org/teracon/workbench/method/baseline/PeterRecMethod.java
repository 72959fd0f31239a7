package org.teracon.workbench.method.baseline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.teracon.workbench.method.ContinualMethod;
import org.teracon.workbench.method.Evaluator;
import org.teracon.workbench.method.MethodEnvironment;
import org.teracon.workbench.method.PredictionGraph;
import org.teracon.workbench.method.TaskData;
import org.teracon.workbench.method.params.ParamSpec;
import org.teracon.workbench.method.params.ParamValues;
import org.teracon.workbench.method.params.Range;
import org.teracon.workbench.model.BackboneConfig;
import org.teracon.workbench.model.GraphVariables;
import org.teracon.workbench.model.Init;
import org.teracon.workbench.model.LayerHooks;
import org.teracon.workbench.model.Network;

/**
 * PeterRec (Yuan et al., SIGIR 2020): the T1 model is frozen after T1; every later task adds one small
 * bottleneck "model patch" per residual block, branch + W2·relu(W1·branch + b1) + b2 (C → C/r → C,
 * applied per position), and only its patches and its head train. W2 starts near zero so a new task
 * begins from the T1 representation. T1's predictions cannot change, since no T1 parameter moves.
 */
public final class PeterRecMethod implements ContinualMethod {
    public static final ParamSpec<Integer> REDUCTION = ParamSpec.integer("peterrec.reduction", 4, Range.atLeast(1), "reduction",
            "PeterRec's patch bottleneck: channels C -> C/reduction -> C");
    public static final List<ParamSpec<?>> SPECS = List.of(REDUCTION);
    /** Initial scale of the patch's output weights: small, so the patch starts as (almost) the identity. */
    static final double OUTPUT_INIT_STD = 1e-3;

    private final BackboneConfig backbone;
    private final int reduction;
    private Network net;
    private final Map<Integer, TaskData> tasks = new HashMap<>();
    private final Map<Integer, PredictionGraph> graphs = new HashMap<>();
    private int evalBatchSize = 256;

    public PeterRecMethod(BackboneConfig backbone, int reduction) {
        REDUCTION.check(reduction);
        this.backbone = backbone;
        this.reduction = reduction;
    }

    public static PeterRecMethod fromParams(BackboneConfig backbone, ParamValues p) {
        return new PeterRecMethod(backbone, p.get(REDUCTION));
    }

    @Override
    public String name() {
        return "peterrec";
    }

    static String patch(int stage, int block, String part) {
        return "patch" + stage + ".block" + block + "." + part;
    }

    @Override
    public void learn(List<TaskData> learned, MethodEnvironment env) {
        TaskData task = learned.get(learned.size() - 1);
        int stage = task.stage();
        evalBatchSize = env.training().evalBatchSize();
        if (stage == 0) net = Network.create(backbone, task.vocabularySize(), task.sequenceLength(), env.random());
        net.ensureHead(stage, task.outputSize(), env.random());
        if (stage > 0) initPatches(stage, env.random());
        tasks.put(stage, task);
        graphs.remove(stage);
        BaselineTrainer.Spec spec = new BaselineTrainer.Spec();
        spec.hooks = (v, s) -> hooks(v, stage);
        if (stage > 0) {
            String prefix = "patch" + stage + ".";
            spec.trainable = p -> p.startsWith(prefix) || BaselineTrainer.isHead(p, stage);
            spec.trainEmbedding = false;
        }
        BaselineTrainer.train(net, task, spec, () -> Evaluator.primary(this, task, task.split().validation(), evalBatchSize), env);
    }

    private void initPatches(int stage, java.util.Random rnd) {
        int c = backbone.channels();
        int r = Math.max(1, c / reduction);
        for (int b = 0; b < backbone.blocks(); b++) {
            net.params().put(patch(stage, b, "W1"), Init.xavier(rnd, c, r, c, r));
            net.params().put(patch(stage, b, "b1"), Init.constant(0, 1, r));
            net.params().put(patch(stage, b, "W2"), Init.normal(rnd, OUTPUT_INIT_STD, r, c));
            net.params().put(patch(stage, b, "b2"), Init.constant(0, 1, c));
        }
    }

    private LayerHooks hooks(GraphVariables v, int stage) {
        if (stage == 0) return LayerHooks.NONE;
        int c = backbone.channels();
        int l = net.sequenceLength();
        return new LayerHooks() {
            @Override
            public SDVariable residualBranch(int block, SDVariable branch) {
                SDVariable rows = branch.permute(0, 2, 1).reshape(-1, c);
                SDVariable hidden = v.sd().nn().relu(rows.mmul(v.get(patch(stage, block, "W1"))).add(v.get(patch(stage, block, "b1"))), 0);
                SDVariable delta = hidden.mmul(v.get(patch(stage, block, "W2"))).add(v.get(patch(stage, block, "b2")));
                return branch.add(delta.reshape(-1, l, c).permute(0, 2, 1));
            }
        };
    }

    @Override
    public INDArray predict(int stage, int[][] sequences) {
        TaskData task = tasks.get(stage);
        PredictionGraph g = graphs.computeIfAbsent(stage, s -> new PredictionGraph(net, task, (v, sh) -> hooks(v, s), 1));
        return g.predict(sequences);
    }

    Network network() {
        return net;
    }
}
