package org.teracon.workbench.method.baseline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
import org.teracon.workbench.model.Init;
import org.teracon.workbench.model.Network;
import org.teracon.workbench.model.TaskHead;

/**
 * PeterRec (Yuan et al., SIGIR 2020): the T1 model is frozen after T1; every later task adds one small
 * bottleneck "model patch" per residual block, branch + W2·relu(W1·branch + b1) + b2 (C → C/r → C,
 * applied per position), and only its patches and its head train. W2 starts near zero so a new task
 * begins from the T1 representation. T1's predictions cannot change, since no T1 parameter moves.
 *
 * <p>The engine computes the patch and its backward itself ({@link BackboneHooks#patch}); the method only
 * names the stage's patch parameters and restricts training to them and the stage's head.
 */
public final class PeterRecMethod implements ContinualMethod, java.io.Serializable {
    public static final ParamSpec<Integer> REDUCTION = ParamSpec.integer("peterrec.reduction", 4, Range.atLeast(1), "reduction",
            "PeterRec's patch bottleneck: channels C -> C/reduction -> C");
    public static final List<ParamSpec<?>> SPECS = List.of(REDUCTION);
    /** Initial scale of the patch's output weights: small, so the patch starts as (almost) the identity. */
    static final double OUTPUT_INIT_STD = 1e-3;

    private final BackboneConfig backbone;
    private final int reduction;
    private Network net;
    private final Map<Integer, TaskData> tasks = new HashMap<>();
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
        return patchPrefix(stage, block) + part;
    }

    /** The prefix the engine completes with "W1", "b1", "W2", "b2". */
    private static String patchPrefix(int stage, int block) {
        return "patch" + stage + ".block" + block + ".";
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
        String head = Network.headName(stage);
        String prefix = "patch" + stage + ".";
        Predicate<String> trainable = stage == 0 ? p -> true
                : p -> p.startsWith(prefix) || p.equals(TaskHead.weight(head)) || p.equals(TaskHead.bias(head));
        BackboneHooks hooks = hooks(stage);
        StagePlugin patches = new StagePlugin() {
            @Override
            public void beforeForward(StepContext step) {
                step.hooks(hooks);
            }
        };
        TrainingCore.train(new TrainingCore.Stage(net, task, trainable, List.of(patches),
                () -> Evaluator.primary(this, task, task.split().validation(), evalBatchSize), List.of(net.params())), env);
    }

    /** Package-private so tests can check that fresh patches leave the T1 representation (almost) as is. */
    void initPatches(int stage, Random rnd) {
        int c = backbone.channels();
        int r = Math.max(1, c / reduction);
        for (int b = 0; b < backbone.blocks(); b++) {
            net.params().put(patch(stage, b, "W1"), Init.xavier(rnd, c, r, c, r));
            net.params().put(patch(stage, b, "b1"), Init.constant(0, 1, r));
            net.params().put(patch(stage, b, "W2"), Init.normal(rnd, OUTPUT_INIT_STD, r, c));
            net.params().put(patch(stage, b, "b2"), Init.constant(0, 1, c));
        }
    }

    /** Stage 0 runs the plain backbone; stage k &gt; 0 adds its own patch to every block. */
    BackboneHooks hooks(int stage) {
        if (stage == 0) return BackboneHooks.NONE;
        return new BackboneHooks() {
            @Override
            public String patch(int block) {
                return patchPrefix(stage, block);
            }
        };
    }

    @Override
    public INDArray predict(int stage, int[][] sequences) {
        return net.predict(sequences, tasks.get(stage).kind(), stage, hooks(stage));
    }

    Network network() {
        return net;
    }
}
