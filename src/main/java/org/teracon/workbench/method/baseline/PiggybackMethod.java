package org.teracon.workbench.method.baseline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.teracon.workbench.method.ContinualMethod;
import org.teracon.workbench.method.Evaluator;
import org.teracon.workbench.method.MethodEnvironment;
import org.teracon.workbench.method.StagePlugin;
import org.teracon.workbench.method.StepContext;
import org.teracon.workbench.method.TaskData;
import org.teracon.workbench.method.TrainingCore;
import org.teracon.workbench.method.params.ParamSpec;
import org.teracon.workbench.method.params.ParamValues;
import org.teracon.workbench.method.params.Range;
import org.teracon.workbench.model.BackboneConfig;
import org.teracon.workbench.model.BackboneHooks;
import org.teracon.workbench.model.Gradients;
import org.teracon.workbench.model.Init;
import org.teracon.workbench.model.Network;
import org.teracon.workbench.model.TaskHead;
import org.teracon.workbench.model.TcnBackbone;
import org.teracon.workbench.model.Workspaces;

/**
 * Piggyback (Mallya et al., ECCV 2018): the T1 model is frozen after T1; every later task learns a binary
 * mask over each convolution weight, m = [score &gt; threshold], and uses W ⊙ m, plus its own head.
 * The threshold is not differentiable, so the scores get the straight-through gradient
 * dL/dscore = dL/dW_eff ⊙ W. The backbone convolves with the stored W_eff (its
 * {@link BackboneHooks#effectiveWeight}), hands back dL/dW_eff although W is frozen, and the hook turns
 * it into the scores' gradient; after each optimiser step W_eff is recomputed from the updated scores.
 * Biases and layer norms stay T1's.
 */
public final class PiggybackMethod implements ContinualMethod, java.io.Serializable {
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
        try (var ignored = Workspaces.outside()) {
            if (stage == 0) net = Network.create(backbone, task.vocabularySize(), task.sequenceLength(), env.random());
            net.ensureHead(stage, task.outputSize(), env.random());
            if (stage > 0) {
                for (int b = 0; b < backbone.blocks(); b++) {
                    for (int k = 0; k < 2; k++) {
                        net.params().put(scores(stage, b, k), Init.constant(init, net.params().get(TcnBackbone.convWeight(b, k)).shape()));
                        net.params().put(effective(stage, b, k), net.params().get(TcnBackbone.convWeight(b, k)).dup());
                    }
                }
                refreshEffective(stage);
            }
        }
        tasks.put(stage, task);
        String head = Network.headName(stage);
        Predicate<String> trainable = stage == 0 ? p -> true
                : p -> (p.startsWith("pb" + stage + ".") && p.endsWith(".S")) || p.equals(TaskHead.weight(head)) || p.equals(TaskHead.bias(head));
        List<StagePlugin> plugins = stage == 0 ? List.of() : List.of(new StagePlugin() {
            @Override
            public void beforeForward(StepContext step) {
                step.hooks(hooks(stage));
            }

            @Override
            public void afterUpdate(StepContext step) {
                refreshEffective(stage);
            }
        });
        TrainingCore.train(new TrainingCore.Stage(net, task, trainable, plugins,
                () -> Evaluator.primary(this, task, task.split().validation(), evalBatchSize), List.of(net.params())), env);
        if (stage > 0) refreshEffective(stage);
    }

    /** The backbone of task {@code stage}: T1's weights through that task's binary masks. */
    BackboneHooks hooks(int stage) {
        if (stage == 0) return BackboneHooks.NONE;
        return new BackboneHooks() {
            @Override
            public INDArray effectiveWeight(int layer, INDArray stored) {
                return net.params().get(effective(stage, layer / 2, layer % 2)).reshape(stored.shape());
            }

            @Override
            public boolean wantsWeightGradient(int layer) {
                return true;
            }

            /**
             * Straight-through estimator: W_eff = W ⊙ m, so dL/dm = dL/dW_eff ⊙ W, passed unchanged to
             * the scores; the stored W and W_eff themselves get nothing.
             */
            @Override
            public void weightGradient(int layer, String storedName, INDArray effectiveGradient, Gradients gradients) {
                INDArray w = net.params().get(storedName);
                gradients.add(scores(stage, layer / 2, layer % 2), effectiveGradient.muli(w.reshape(effectiveGradient.shape())));
            }
        };
    }

    private void refreshEffective(int stage) {
        for (int b = 0; b < backbone.blocks(); b++) {
            for (int k = 0; k < 2; k++) {
                net.params().get(effective(stage, b, k)).assign(net.params().get(TcnBackbone.convWeight(b, k)).mul(mask(stage, b, k)));
            }
        }
    }

    /** The task's binary mask of one convolution weight. */
    INDArray mask(int stage, int block, int conv) {
        return net.params().get(scores(stage, block, conv)).gt(threshold).castTo(net.params().get(TcnBackbone.convWeight(block, conv)).dataType());
    }

    @Override
    public INDArray predict(int stage, int[][] sequences) {
        return net.predict(sequences, tasks.get(stage).kind(), stage, hooks(stage));
    }

    Network network() {
        return net;
    }
}
