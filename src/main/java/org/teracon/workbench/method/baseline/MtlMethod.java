package org.teracon.workbench.method.baseline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.teracon.workbench.method.ContinualMethod;
import org.teracon.workbench.method.Evaluator;
import org.teracon.workbench.method.LossTerm;
import org.teracon.workbench.method.MethodEnvironment;
import org.teracon.workbench.method.StagePlugin;
import org.teracon.workbench.method.StepContext;
import org.teracon.workbench.method.TaskData;
import org.teracon.workbench.method.TrainingCore;
import org.teracon.workbench.model.BackboneConfig;
import org.teracon.workbench.model.BackboneHooks;
import org.teracon.workbench.model.Gradients;
import org.teracon.workbench.model.Network;
import org.teracon.workbench.model.Readouts;
import org.teracon.workbench.model.TcnEngine;

/**
 * MTL: every task k &gt; 1 gets its own copy of the T1 model, trained on L_Tk + L_T1, where L_T1 is T1's
 * next-item loss (T1's head) on the sequences of the same batch's users, so the copy keeps its T1
 * ability while it adapts. T1 itself is served by the original T1 model, which no later task touches.
 * Both losses read the same backbone pass; the T1 term is reported as the "t1" loss column
 * ({@link LossTerm#JOINT_FIRST_TASK}).
 */
public final class MtlMethod implements ContinualMethod, java.io.Serializable {
    private final BackboneConfig backbone;
    private final Map<Integer, Network> networks = new HashMap<>();
    private final Map<Integer, TaskData> tasks = new HashMap<>();
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
        List<StagePlugin> plugins = stage == 0 ? List.of() : List.of(jointFirstTask(net));
        TrainingCore.train(new TrainingCore.Stage(net, task, p -> true, plugins,
                () -> Evaluator.primary(this, task, task.split().validation(), evalBatchSize), List.of(net.params())), env);
    }

    /** T1's next-item cross-entropy (head0) over the current users' rows of the same pass. */
    private static StagePlugin jointFirstTask(Network net) {
        String head = Network.headName(0);
        return new StagePlugin() {
            @Override
            public void addLosses(StepContext step, TcnEngine.Pass pass, INDArray dHidden, Gradients gradients) {
                StepContext.Group g = step.currentGroup();
                int l = pass.length();
                INDArray rows = TrainingCore.rowsOf(pass.hidden(), g, l);
                INDArray dRows = TrainingCore.rowsOf(dHidden, g, l);
                double loss = Readouts.sparseCrossEntropy(net.params(), head, rows,
                        TrainingCore.nextItemTargets(step.currentSequences()), dRows, gradients);
                step.loss(LossTerm.JOINT_FIRST_TASK, loss, 1);
            }
        };
    }

    @Override
    public INDArray predict(int stage, int[][] sequences) {
        return networks.get(stage).predict(sequences, tasks.get(stage).kind(), stage, BackboneHooks.NONE);
    }

    /** T1's logits from the copy trained for {@code stage} (its T1 head after joint training). */
    INDArray predictFirstTaskWith(int stage, int[] users) {
        return networks.get(stage).predict(tasks.get(0).sequencesOf(users), tasks.get(0).kind(), 0, BackboneHooks.NONE);
    }

    Network network(int stage) {
        return networks.get(stage);
    }
}
