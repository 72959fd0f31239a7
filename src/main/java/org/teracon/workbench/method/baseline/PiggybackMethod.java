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
import org.teracon.workbench.model.TcnBackbone;

/**
 * Piggyback (Mallya et al., ECCV 2018): the T1 model is frozen after T1; every later task learns a binary
 * mask over each convolution weight, m = [score &gt; threshold], and uses W ⊙ m, plus its own head.
 * The threshold is not differentiable, so the scores get the straight-through gradient
 * dL/dscore = dL/dW_eff ⊙ W. That is computed outside the graph: the graph reads W_eff as a variable,
 * and its gradient is turned into the scores' gradient before the optimiser step, after which W_eff is
 * recomputed from the updated scores. Biases and layer norms stay T1's.
 */
public final class PiggybackMethod implements ContinualMethod {
    public static final ParamSpec<Double> THRESHOLD = ParamSpec.real("piggyback.threshold", 0.005, Range.ANY, "threshold",
            "Piggyback keeps a weight while its mask score is above this");
    public static final ParamSpec<Double> INIT = ParamSpec.real("piggyback.init", 0.01, Range.ANY, "initial score",
            "Piggyback's initial mask score; above the threshold, every weight starts kept");
    public static final List<ParamSpec<?>> SPECS = List.of(THRESHOLD, INIT);

    private final BackboneConfig backbone;
    private final double threshold;
    private final double init;
    private Network net;
    private final Map<Integer, TaskData> tasks = new HashMap<>();
    private final Map<Integer, PredictionGraph> graphs = new HashMap<>();
    private int evalBatchSize = 256;

    public PiggybackMethod(BackboneConfig backbone, double threshold, double init) {
        THRESHOLD.check(threshold);
        INIT.check(init);
        this.backbone = backbone;
        this.threshold = threshold;
        this.init = init;
    }

    public static PiggybackMethod fromParams(BackboneConfig backbone, ParamValues p) {
        return new PiggybackMethod(backbone, p.get(THRESHOLD), p.get(INIT));
    }

    @Override
    public String name() {
        return "piggyback";
    }

    static String scores(int stage, int block, int conv) {
        return "pb" + stage + ".block" + block + ".conv" + conv + ".S";
    }

    static String effective(int stage, int block, int conv) {
        return "pb" + stage + ".block" + block + ".conv" + conv + ".Weff";
    }

    @Override
    public void learn(List<TaskData> learned, MethodEnvironment env) {
        TaskData task = learned.get(learned.size() - 1);
        int stage = task.stage();
        evalBatchSize = env.training().evalBatchSize();
        if (stage == 0) net = Network.create(backbone, task.vocabularySize(), task.sequenceLength(), env.random());
        net.ensureHead(stage, task.outputSize(), env.random());
        tasks.put(stage, task);
        graphs.remove(stage);
        BaselineTrainer.Spec spec = new BaselineTrainer.Spec();
        if (stage > 0) {
            for (int b = 0; b < backbone.blocks(); b++) {
                for (int k = 0; k < 2; k++) {
                    net.params().put(scores(stage, b, k), Init.constant(init, net.params().get(TcnBackbone.convWeight(b, k)).shape()));
                    net.params().put(effective(stage, b, k), net.params().get(TcnBackbone.convWeight(b, k)).dup());
                }
            }
            refreshEffective(stage);
            spec.hooks = (v, s) -> hooks(v, stage);
            spec.trainable = p -> (p.startsWith("pb" + stage + ".") && p.endsWith(".Weff")) || BaselineTrainer.isHead(p, stage);
            spec.trainEmbedding = false;
            spec.editor = grads -> toScoreGradients(grads, stage);
            spec.afterStep = s -> refreshEffective(stage);
        }
        BaselineTrainer.train(net, task, spec, () -> Evaluator.primary(this, task, task.split().validation(), evalBatchSize), env);
        if (stage > 0) refreshEffective(stage);
    }

    LayerHooks hooks(GraphVariables v, int stage) {
        if (stage == 0) return LayerHooks.NONE;
        return new LayerHooks() {
            @Override
            public SDVariable convWeight(int block, int conv, SDVariable weight) {
                return v.get(effective(stage, block, conv));
            }
        };
    }

    /** Straight-through estimator: W_eff = W ⊙ m, so dL/dm = dL/dW_eff ⊙ W, passed unchanged to the scores. */
    void toScoreGradients(Map<String, INDArray> grads, int stage) {
        for (int b = 0; b < backbone.blocks(); b++) {
            for (int k = 0; k < 2; k++) {
                INDArray g = grads.remove(effective(stage, b, k));
                if (g == null) continue;
                INDArray w = net.params().get(TcnBackbone.convWeight(b, k));
                grads.put(scores(stage, b, k), g.reshape(w.shape()).mul(w));
            }
        }
    }

    private void refreshEffective(int stage) {
        for (int b = 0; b < backbone.blocks(); b++) {
            for (int k = 0; k < 2; k++) {
                INDArray mask = mask(stage, b, k);
                net.params().get(effective(stage, b, k)).assign(net.params().get(TcnBackbone.convWeight(b, k)).mul(mask));
            }
        }
    }

    /** The task's binary mask of one convolution weight. */
    INDArray mask(int stage, int block, int conv) {
        return net.params().get(scores(stage, block, conv)).gt(threshold).castTo(net.params().get(TcnBackbone.convWeight(block, conv)).dataType());
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
