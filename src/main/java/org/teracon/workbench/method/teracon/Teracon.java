package org.teracon.workbench.method.teracon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.teracon.workbench.data.TaskKind;
import org.teracon.workbench.method.ContinualMethod;
import org.teracon.workbench.method.Evaluator;
import org.teracon.workbench.method.GraphStep;
import org.teracon.workbench.method.MethodEnvironment;
import org.teracon.workbench.method.PlainTaskTrainer;
import org.teracon.workbench.method.PredictionGraph;
import org.teracon.workbench.method.StageTrainer;
import org.teracon.workbench.method.TaskData;
import org.teracon.workbench.method.Targets;
import org.teracon.workbench.model.AdamOptimizer;
import org.teracon.workbench.model.BackboneConfig;
import org.teracon.workbench.model.EmbeddingLookup;
import org.teracon.workbench.model.GraphVariables;
import org.teracon.workbench.model.Network;
import org.teracon.workbench.model.TaskHead;
import org.teracon.workbench.model.TcnBackbone;

/**
 * TERACON (Kim et al., KDD 2023): one backbone, task-specific (relation-aware) soft masks on every
 * layer, and knowledge retention with relation-aware user sampling. Loss = L_class + α·L_KR+.
 * Every backbone parameter stays trainable for every task.
 */
public final class Teracon implements ContinualMethod {
    private static final String X = "x";
    private static final String S = PredictionGraph.SHARPNESS;
    private static final String TARGETS = "targets";

    private final BackboneConfig backbone;
    private final TeraconSettings settings;
    private Network net;
    private final List<TaskData> learned = new ArrayList<>();
    private final Map<Integer, PredictionGraph> graphs = new HashMap<>();
    private final Map<Integer, Double> rho = new LinkedHashMap<>();
    private int evalBatchSize = 256;

    public Teracon(BackboneConfig backbone, TeraconSettings settings) {
        this.backbone = backbone;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "teracon";
    }

    private int layers() {
        return backbone.maskedLayers();
    }

    @Override
    public void learn(List<TaskData> tasks, MethodEnvironment env) {
        TaskData cur = tasks.get(tasks.size() - 1);
        int stage = cur.stage();
        Random rnd = env.random();
        evalBatchSize = env.training().evalBatchSize();
        if (stage == 0) net = Network.create(backbone, cur.vocabularySize(), cur.sequenceLength(), rnd);
        TaskData.UserLabels rows = PlainTaskTrainer.trainingRows(cur);

        // The frozen copy's outputs are fixed while T_i trains, so they are computed once here, before
        // the new task changes the model's structure (evaluation sharpness s_max, like its test scores).
        KnowledgeRetention retention = stage > 0 && settings.knowledgeRetention()
                ? new KnowledgeRetention(KnowledgeRetention.PseudoLabels.capture(this, learned, masks(), rows.users(), evalBatchSize), learned)
                : null;

        learned.add(cur);
        graphs.clear();
        net.ensureHead(stage, cur.outputSize(), rnd);
        TaskMasks.initEmbeddings(net.params(), stage, layers(), backbone.channels(), rnd);
        if (settings.relationAware() && stage > 0) TaskMasks.initRelationMlps(net.params(), stage + 1, layers(), rnd);
        rho.clear();
        if (retention != null) for (int j = 0; j < stage; j++) rho.put(j, initialRate());

        TrainingGraph g = new TrainingGraph(cur, retention);
        GraphStep step = new GraphStep(g.sd, net.params(), p -> true, true,
                new AdamOptimizer(env.training().learningRateFor(stage)), null);
        StageTrainer.fit(stage, rows.size(), (batch, b, batches) -> g.step(step, rows, batch, b, batches, rnd),
                () -> Evaluator.primary(this, cur, cur.split().validation(), evalBatchSize),
                List.of(net.params()), env,
                epoch -> env.monitor().samplingRates(stage, epoch, samplingRates()));
        graphs.clear();
    }

    private double initialRate() {
        return switch (settings.sampling()) {
            case EQUATION -> settings.rhoInitial();
            case FIXED -> settings.rhoMin();
            case ALL -> 1.0;
        };
    }

    /** s for batch b of B: annealed from 1/s_max to s_max within each epoch (reference schedule). */
    public static double sharpness(double sMax, boolean anneal, int batch, int batches) {
        if (!anneal) return sMax;
        return (sMax - 1 / sMax) * batch / Math.max(1, batches) + 1 / sMax;
    }

    @Override
    public INDArray predict(int stage, int[][] sequences) {
        TaskData task = learned.get(stage);
        PredictionGraph g = graphs.computeIfAbsent(stage, t -> new PredictionGraph(net, task,
                (v, s) -> TaskMasks.hooks(v, s, t, learned.size(), settings.relationAware(), backbone.channels()),
                settings.sMax()));
        return g.predict(sequences);
    }

    @Override
    public Map<String, float[][]> masks() {
        if (learned.isEmpty()) return Map.of();
        SameDiff sd = SameDiff.create();
        GraphVariables v = new GraphVariables(sd, net.params());
        SDVariable s = sd.placeHolder(S, DataType.FLOAT);
        List<String> outputs = new ArrayList<>();
        for (int t = 0; t < learned.size(); t++) {
            for (int k = 0; k < layers(); k++) {
                TaskMasks.mask(v, s, t, learned.size(), k, settings.relationAware()).rename(TaskMasks.maskOutput(t, k));
                outputs.add(TaskMasks.maskOutput(t, k));
            }
        }
        Map<String, INDArray> out = sd.output(Map.of(S, Nd4j.scalar((float) settings.sMax())), outputs.toArray(new String[0]));
        Map<String, float[][]> byTask = new LinkedHashMap<>();
        for (int t = 0; t < learned.size(); t++) {
            float[][] m = new float[layers()][];
            for (int k = 0; k < layers(); k++) m[k] = out.get(TaskMasks.maskOutput(t, k)).dup().data().asFloat();
            byTask.put(learned.get(t).name(), m);
        }
        return byTask;
    }

    @Override
    public Map<String, Double> samplingRates() {
        Map<String, Double> named = new LinkedHashMap<>();
        rho.forEach((j, r) -> named.put(learned.get(j).name(), r));
        return named;
    }

    /** The stage's graph: the current task's loss and, per old task j, its retention term. */
    private final class TrainingGraph {
        final SameDiff sd = SameDiff.create();
        final TaskData cur;
        final KnowledgeRetention retention;
        final List<String> outputs = new ArrayList<>();

        TrainingGraph(TaskData cur, KnowledgeRetention retention) {
            this.cur = cur;
            this.retention = retention;
            int stage = cur.stage();
            int n = stage + 1;
            int c = backbone.channels();
            GraphVariables v = new GraphVariables(sd, net.params());
            SDVariable s = sd.placeHolder(S, DataType.FLOAT);
            SDVariable x = sd.placeHolder(X, DataType.FLOAT, -1, c, cur.sequenceLength());
            SDVariable targets = sd.placeHolder(TARGETS, DataType.FLOAT, -1, cur.outputSize());
            SDVariable logits = net.trainingLogits(v, x, cur.kind(), stage, TaskMasks.hooks(v, s, stage, n, settings.relationAware(), c));
            SDVariable classLoss = TaskHead.softTargetCrossEntropy(sd, logits, targets).rename("class");
            SDVariable total = sd.identity(classLoss);
            if (retention != null) {
                SDVariable kr = retention.buildLoss(v, net, s, n, settings.relationAware(), cur.sequenceLength()).rename("kr");
                outputs.add("kr");
                total = classLoss.add(kr.mul(settings.alpha()));
            }
            total.rename("total");
            sd.setLossVariables("total");
            outputs.add(0, "class");
            outputs.add(0, "total");
            for (int k = 0; k < layers(); k++) outputs.add(TaskMasks.maskOutput(stage, k));
        }

        Map<String, Double> step(GraphStep step, TaskData.UserLabels rows, int[] batch, int b, int batches, Random rnd) {
            double s = sharpness(settings.sMax(), settings.annealS(), b, batches);
            int[] users = new int[batch.length];
            int[][] labels = new int[batch.length][];
            for (int i = 0; i < batch.length; i++) {
                users[i] = rows.users()[batch[i]];
                labels[i] = rows.labels()[batch[i]];
            }
            int[][] seqs = cur.sequencesOf(users);
            INDArray emb = net.params().get(TcnBackbone.EMBEDDING);
            Map<String, INDArray> ph = new HashMap<>();
            Map<String, int[][]> embedded = new HashMap<>();
            ph.put(S, Nd4j.scalar((float) s));
            ph.put(X, EmbeddingLookup.embed(emb, seqs));
            embedded.put(X, seqs);
            ph.put(TARGETS, cur.kind() == TaskKind.NEXT_ITEM ? Targets.nextItem(seqs, cur.outputSize()) : Targets.labels(labels, cur.outputSize()));
            if (retention != null) retention.feed(ph, embedded, users, cur, emb, rho, rnd);
            Map<String, INDArray> out = step.run(ph, embedded, outputs);
            clampEmbeddings();
            if (retention != null && settings.sampling() == SamplingMode.EQUATION) updateRates(out);
            Map<String, Double> losses = new LinkedHashMap<>();
            losses.put("total", out.get("total").getDouble(0));
            losses.put("class", out.get("class").getDouble(0));
            losses.put("kr", retention == null ? 0.0 : out.get("kr").getDouble(0));
            return losses;
        }

        private void updateRates(Map<String, INDArray> out) {
            float[][] live = new float[layers()][];
            for (int k = 0; k < layers(); k++) live[k] = out.get(TaskMasks.maskOutput(cur.stage(), k)).dup().data().asFloat();
            for (int j : rho.keySet()) rho.put(j, MaskRelations.samplingRate(live, retention.pseudoLabels().masks().get(j), settings.c()));
        }

        private void clampEmbeddings() {
            for (int t = 0; t <= cur.stage(); t++) {
                for (int k = 0; k < layers(); k++) {
                    INDArray e = net.params().get(TaskMasks.embedding(t, k));
                    Transforms.min(Transforms.max(e, -TaskMasks.EMBEDDING_CLAMP, false), TaskMasks.EMBEDDING_CLAMP, false);
                }
            }
        }
    }
}
