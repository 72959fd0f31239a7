package org.teracon.workbench.method;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.function.Predicate;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.teracon.workbench.data.TaskKind;
import org.teracon.workbench.model.AdamOptimizer;
import org.teracon.workbench.model.EmbeddingLookup;
import org.teracon.workbench.model.GraphVariables;
import org.teracon.workbench.model.Network;
import org.teracon.workbench.model.TaskHead;
import org.teracon.workbench.model.TcnBackbone;

/**
 * Trains one task with its own loss only (cross-entropy of its head): the inner loop of SinMo,
 * SinMoAll, FineSmax, FineAll and the other baselines that differ only in what they share or freeze.
 */
public final class PlainTaskTrainer {
    static final String X = "x";
    static final String TARGETS = "targets";
    static final String LOSS = "loss";

    private PlainTaskTrainer() {
    }

    /** The rows a stage trains on: users, each with all its training labels. */
    public static TaskData.UserLabels trainingRows(TaskData task) {
        return task.byUser(task.split().train());
    }

    public static StageTrainer.Outcome train(Network net, TaskData task, PredictionGraph.HookFactory hooks,
                                             Predicate<String> trainable, boolean trainEmbedding,
                                             GraphStep.GradientEditor editor, DoubleSupplier validation,
                                             MethodEnvironment env) {
        SameDiff sd = SameDiff.create();
        GraphVariables v = new GraphVariables(sd, net.params());
        SDVariable x = sd.placeHolder(X, DataType.FLOAT, -1, net.config().channels(), net.sequenceLength());
        SDVariable s = sd.placeHolder(PredictionGraph.SHARPNESS, DataType.FLOAT);
        SDVariable targets = sd.placeHolder(TARGETS, DataType.FLOAT, -1, task.outputSize());
        SDVariable logits = net.trainingLogits(v, x, task.kind(), task.stage(), hooks.create(v, s));
        TaskHead.softTargetCrossEntropy(sd, logits, targets).rename(LOSS);
        sd.setLossVariables(LOSS);
        GraphStep step = new GraphStep(sd, net.params(), trainable, trainEmbedding,
                new AdamOptimizer(env.training().learningRateFor(task.stage())), editor);
        TaskData.UserLabels rows = trainingRows(task);
        return StageTrainer.fit(task.stage(), rows.size(), (batch, b, batches) -> {
            int[] users = new int[batch.length];
            int[][] labels = new int[batch.length][];
            for (int i = 0; i < batch.length; i++) {
                users[i] = rows.users()[batch[i]];
                labels[i] = rows.labels()[batch[i]];
            }
            int[][] seqs = task.sequencesOf(users);
            Map<String, INDArray> ph = new HashMap<>();
            ph.put(X, EmbeddingLookup.embed(net.params().get(TcnBackbone.EMBEDDING), seqs));
            ph.put(PredictionGraph.SHARPNESS, Nd4j.scalar(1f));
            ph.put(TARGETS, task.kind() == TaskKind.NEXT_ITEM ? Targets.nextItem(seqs, task.outputSize())
                    : Targets.labels(labels, task.outputSize()));
            var out = step.run(ph, Map.of(X, seqs), List.of(LOSS));
            Map<String, Double> losses = new LinkedHashMap<>();
            double loss = out.get(LOSS).getDouble(0);
            losses.put("total", loss);
            losses.put("class", loss);
            return losses;
        }, validation, List.of(net.params()), env, null);
    }
}
