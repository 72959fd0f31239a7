package org.teracon.workbench.method.baseline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.teracon.workbench.data.TaskKind;
import org.teracon.workbench.method.ContinualMethod;
import org.teracon.workbench.method.Evaluator;
import org.teracon.workbench.method.MethodEnvironment;
import org.teracon.workbench.method.PredictionGraph;
import org.teracon.workbench.method.TaskData;
import org.teracon.workbench.method.Targets;
import org.teracon.workbench.model.BackboneConfig;
import org.teracon.workbench.model.LayerHooks;
import org.teracon.workbench.model.Network;
import org.teracon.workbench.model.TaskHead;

/**
 * MTL: every task k &gt; 1 gets its own copy of the T1 model, trained on L_Tk + L_T1, where L_T1 is T1's
 * next-item loss (T1's head) on the sequences of the same batch's users, so the copy keeps its T1
 * ability while it adapts. T1 itself is served by the original T1 model, which no later task touches.
 * The T1 term is reported as the "kr" loss column.
 */
public final class MtlMethod implements ContinualMethod {
    static final String T1_TARGETS = "targetsT1";

    private final BackboneConfig backbone;
    private final Map<Integer, Network> networks = new HashMap<>();
    private final Map<Integer, TaskData> tasks = new HashMap<>();
    private final Map<Integer, PredictionGraph> graphs = new HashMap<>();
    private int evalBatchSize = 256;

    public MtlMethod(BackboneConfig backbone) {
        this.backbone = backbone;
    }

    @Override
    public String name() {
        return "mtl";
    }

    @Override
    public void learn(List<TaskData> learned, MethodEnvironment env) {
        TaskData task = learned.get(learned.size() - 1);
        int stage = task.stage();
        evalBatchSize = env.training().evalBatchSize();
        Network net = stage == 0 ? Network.create(backbone, task.vocabularySize(), task.sequenceLength(), env.random())
                : networks.get(0).copy();
        net.ensureHead(stage, task.outputSize(), env.random());
        networks.put(stage, net);
        tasks.put(stage, task);
        graphs.remove(stage);
        BaselineTrainer.Spec spec = new BaselineTrainer.Spec();
        if (stage > 0) {
            int vocabulary = task.vocabularySize();
            spec.extraLoss = (v, x, s, hooks) -> {
                SDVariable targets = v.sd().placeHolder(T1_TARGETS, DataType.FLOAT, -1, vocabulary);
                SDVariable logits = net.trainingLogits(v, x, TaskKind.NEXT_ITEM, 0, hooks);
                return Map.of("kr", TaskHead.softTargetCrossEntropy(v.sd(), logits, targets).rename("kr"));
            };
            spec.extraFeeds = seqs -> Map.of(T1_TARGETS, Targets.nextItem(seqs, vocabulary));
        }
        BaselineTrainer.train(net, task, spec, () -> Evaluator.primary(this, task, task.split().validation(), evalBatchSize), env);
    }

    @Override
    public INDArray predict(int stage, int[][] sequences) {
        TaskData task = tasks.get(stage);
        PredictionGraph g = graphs.computeIfAbsent(stage, s -> new PredictionGraph(networks.get(s), task, (v, sh) -> LayerHooks.NONE, 1));
        return g.predict(sequences);
    }

    /** T1's logits from the copy trained for {@code stage} (its T1 head after joint training). */
    INDArray predictFirstTaskWith(int stage, int[] users) {
        return new PredictionGraph(networks.get(stage), tasks.get(0), (v, sh) -> LayerHooks.NONE, 1)
                .predict(tasks.get(0).sequencesOf(users));
    }

    Network network(int stage) {
        return networks.get(stage);
    }
}
