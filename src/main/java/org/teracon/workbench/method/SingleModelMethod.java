package org.teracon.workbench.method;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.teracon.workbench.model.BackboneConfig;
import org.teracon.workbench.model.BackboneHooks;
import org.teracon.workbench.model.Network;
import org.teracon.workbench.model.TaskHead;

/**
 * The mask-free baselines, which differ only in what a new task starts from and what it may change:
 * SinMo (a fresh model per task), SinMoAll (one model fine-tuned task after task), FineSmax (after T1
 * only the new head trains) and FineAll (after T1, a copy of the T1 model per task, fully fine-tuned).
 */
public final class SingleModelMethod implements ContinualMethod, java.io.Serializable {

    public enum Sharing { FRESH_PER_TASK, SHARED, COPY_OF_FIRST }

    private final String name;
    private final Sharing sharing;
    private final boolean freezeBackboneAfterFirst;
    private final BackboneConfig backbone;
    private final Map<Integer, Network> networks = new HashMap<>();
    private final Map<Integer, TaskData> tasks = new HashMap<>();
    private int evalBatchSize = 256;

    public SingleModelMethod(String name, Sharing sharing, boolean freezeBackboneAfterFirst, BackboneConfig backbone) {
        this.name = name;
        this.sharing = sharing;
        this.freezeBackboneAfterFirst = freezeBackboneAfterFirst;
        this.backbone = backbone;
    }

    public static SingleModelMethod sinMo(BackboneConfig b) {
        return new SingleModelMethod("sinmo", Sharing.FRESH_PER_TASK, false, b);
    }

    public static SingleModelMethod sinMoAll(BackboneConfig b) {
        return new SingleModelMethod("sinmoall", Sharing.SHARED, false, b);
    }

    public static SingleModelMethod fineSmax(BackboneConfig b) {
        return new SingleModelMethod("finesmax", Sharing.SHARED, true, b);
    }

    public static SingleModelMethod fineAll(BackboneConfig b) {
        return new SingleModelMethod("fineall", Sharing.COPY_OF_FIRST, false, b);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void learn(List<TaskData> learned, MethodEnvironment env) {
        TaskData task = learned.get(learned.size() - 1);
        int stage = task.stage();
        evalBatchSize = env.training().evalBatchSize();
        Network net = switch (sharing) {
            case FRESH_PER_TASK -> Network.create(backbone, task.vocabularySize(), task.sequenceLength(), env.random());
            case SHARED -> stage == 0 ? Network.create(backbone, task.vocabularySize(), task.sequenceLength(), env.random()) : networks.get(0);
            case COPY_OF_FIRST -> stage == 0 ? Network.create(backbone, task.vocabularySize(), task.sequenceLength(), env.random()) : networks.get(0).copy();
        };
        net.ensureHead(stage, task.outputSize(), env.random());
        networks.put(stage, net);
        tasks.put(stage, task);
        boolean headOnly = freezeBackboneAfterFirst && stage > 0;
        String head = Network.headName(stage);
        TrainingCore.train(new TrainingCore.Stage(net, task,
                p -> !headOnly || p.equals(TaskHead.weight(head)) || p.equals(TaskHead.bias(head)), List.of(),
                () -> Evaluator.primary(this, task, task.split().validation(), evalBatchSize), List.of(net.params())), env);
    }

    @Override
    public INDArray predict(int stage, int[][] sequences) {
        return networks.get(stage).predict(sequences, tasks.get(stage).kind(), stage, BackboneHooks.NONE);
    }

    /** The network that serves {@code stage} (tests check what each baseline froze). */
    public Network network(int stage) {
        return networks.get(stage);
    }

}
