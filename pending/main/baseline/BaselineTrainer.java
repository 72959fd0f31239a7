package org.teracon.workbench.method.baseline;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.teracon.workbench.data.TaskKind;
import org.teracon.workbench.method.GraphStep;
import org.teracon.workbench.method.MethodEnvironment;
import org.teracon.workbench.method.PlainTaskTrainer;
import org.teracon.workbench.method.PredictionGraph;
import org.teracon.workbench.method.StageTrainer;
import org.teracon.workbench.method.TaskData;
import org.teracon.workbench.method.Targets;
import org.teracon.workbench.model.AdamOptimizer;
import org.teracon.workbench.model.EmbeddingLookup;
import org.teracon.workbench.model.GraphVariables;
import org.teracon.workbench.model.LayerHooks;
import org.teracon.workbench.model.Network;
import org.teracon.workbench.model.TaskHead;
import org.teracon.workbench.model.TcnBackbone;

/**
 * The single-task loop of {@link PlainTaskTrainer} with the extra seams the baselines need and the plain
 * loop does not offer: a per-batch sharpness (HAT anneals s within each epoch), extra loss terms over the
 * same graph (HAT's mask regulariser, MTL's T1 loss), extra placeholders fed per batch, and callbacks
 * before and after each optimiser step (Piggyback recomputes its effective weights, HAT clamps its
 * mask embeddings, CONURE restores frozen weights).
 */
final class BaselineTrainer {
    static final String X = "x";
    static final String TARGETS = "targets";
    static final String LOSS = "loss";
    static final String CLASS_LOSS = "classLoss";

    /** Extra scalar loss terms by name, built over the task graph (x: embedded input, s: sharpness). */
    @FunctionalInterface
    interface ExtraLoss {
        Map<String, SDVariable> build(GraphVariables v, SDVariable x, SDVariable s, LayerHooks hooks);
    }

    @FunctionalInterface
    interface Sharpness {
        double at(int batch, int batches);
    }

    @FunctionalInterface
    interface BatchCallback {
        void run(double sharpness);
    }

    /** What differs between baselines; unset parts behave like {@link PlainTaskTrainer}. */
    static final class Spec {
        PredictionGraph.HookFactory hooks = (v, s) -> LayerHooks.NONE;
        Predicate<String> trainable = p -> true;
        boolean trainEmbedding = true;
        GraphStep.GradientEditor editor;
        Sharpness sharpness = (b, n) -> 1.0;
        ExtraLoss extraLoss;
        Function<int[][], Map<String, INDArray>> extraFeeds = seqs -> Map.of();
        BatchCallback beforeStep = s -> { };
        BatchCallback afterStep = s -> { };
    }

    private BaselineTrainer() {
    }

    static StageTrainer.Outcome train(Network net, TaskData task, Spec spec, DoubleSupplier validation, MethodEnvironment env) {
        SameDiff sd = SameDiff.create();
        GraphVariables v = new GraphVariables(sd, net.params());
        SDVariable x = sd.placeHolder(X, DataType.FLOAT, -1, net.config().channels(), net.sequenceLength());
        SDVariable s = sd.placeHolder(PredictionGraph.SHARPNESS, DataType.FLOAT);
        SDVariable targets = sd.placeHolder(TARGETS, DataType.FLOAT, -1, task.outputSize());
        LayerHooks hooks = spec.hooks.create(v, s);
        SDVariable logits = net.trainingLogits(v, x, task.kind(), task.stage(), hooks);
        SDVariable classLoss = TaskHead.softTargetCrossEntropy(sd, logits, targets).rename(CLASS_LOSS);
        Map<String, SDVariable> extra = spec.extraLoss == null ? Map.of() : spec.extraLoss.build(v, x, s, hooks);
        SDVariable total = classLoss.add(0.0); // a separate variable, so "loss" and "classLoss" can both be named
        for (SDVariable term : extra.values()) total = total.add(term);
        total.rename(LOSS);
        sd.setLossVariables(LOSS); // explicit: a hook may leave a variable unused, which defeats inference
        List<String> outputs = new java.util.ArrayList<>(List.of(LOSS, CLASS_LOSS));
        extra.values().forEach(t -> outputs.add(t.name()));
        GraphStep step = new GraphStep(sd, net.params(), spec.trainable, spec.trainEmbedding,
                new AdamOptimizer(env.training().learningRateFor(task.stage())), spec.editor);
        TaskData.UserLabels rows = PlainTaskTrainer.trainingRows(task);
        return StageTrainer.fit(task.stage(), rows.size(), (batch, b, batches) -> {
            int[] users = new int[batch.length];
            int[][] labels = new int[batch.length][];
            for (int i = 0; i < batch.length; i++) {
                users[i] = rows.users()[batch[i]];
                labels[i] = rows.labels()[batch[i]];
            }
            int[][] seqs = task.sequencesOf(users);
            double sharp = spec.sharpness.at(b, batches);
            spec.beforeStep.run(sharp);
            Map<String, INDArray> ph = new HashMap<>(spec.extraFeeds.apply(seqs));
            ph.put(X, EmbeddingLookup.embed(net.params().get(TcnBackbone.EMBEDDING), seqs));
            ph.put(PredictionGraph.SHARPNESS, Nd4j.scalar((float) sharp));
            ph.put(TARGETS, task.kind() == TaskKind.NEXT_ITEM ? Targets.nextItem(seqs, task.outputSize())
                    : Targets.labels(labels, task.outputSize()));
            var out = step.run(ph, Map.of(X, seqs), outputs);
            spec.afterStep.run(sharp);
            Map<String, Double> losses = new LinkedHashMap<>();
            losses.put("total", out.get(LOSS).getDouble(0));
            losses.put("class", out.get(CLASS_LOSS).getDouble(0));
            extra.forEach((name, term) -> losses.put(name, out.get(term.name()).getDouble(0)));
            return losses;
        }, validation, List.of(net.params()), env, null);
    }

    /** Names of the backbone's convolution weights, in layer order k = 2·block + conv. */
    static List<String> convWeights(Network net) {
        List<String> names = new java.util.ArrayList<>();
        for (int b = 0; b < net.config().blocks(); b++) for (int k = 0; k < 2; k++) names.add(TcnBackbone.convWeight(b, k));
        return names;
    }

    static boolean isHead(String param, int stage) {
        String head = Network.headName(stage);
        return param.equals(TaskHead.weight(head)) || param.equals(TaskHead.bias(head));
    }
}
