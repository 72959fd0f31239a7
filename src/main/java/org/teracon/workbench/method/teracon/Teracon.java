package org.teracon.workbench.method.teracon;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
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
import org.teracon.workbench.model.ParameterStore;
import org.teracon.workbench.model.TcnEngine;
import org.teracon.workbench.model.Workspaces;

/**
 * TERACON (Kim et al., KDD 2023): one backbone, task-specific (relation-aware) soft masks on every
 * layer, and knowledge retention with relation-aware user sampling. Loss = L_class + α·L_KR+.
 * Every backbone parameter stays trainable for every task. The retention users of all old tasks are
 * stacked below the batch into one backbone pass, each group under its own task's masks.
 */
public final class Teracon implements ContinualMethod, java.io.Serializable {
    private final BackboneConfig backbone;
    private final TeraconSettings settings;
    private Network net;
    private final List<TaskData> learned = new ArrayList<>();
    private final Map<Integer, Double> rho = new LinkedHashMap<>();
    private int evalBatchSize = 256;
    /** Steps one teacher pass covers ({@link KnowledgeRetention#prepare}); the run is the same for any value. */
    private final int lookAhead;
    private long teacherPasses;

    public Teracon(BackboneConfig backbone, TeraconSettings settings) {
        this(backbone, settings, KnowledgeRetention.LOOK_AHEAD);
    }

    Teracon(BackboneConfig backbone, TeraconSettings settings, int lookAhead) {
        this.backbone = backbone;
        this.settings = settings;
        this.lookAhead = lookAhead;
    }

    /** The teacher's forward passes over all stages so far. */
    long teacherPasses() {
        return teacherPasses;
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

        // the frozen teacher is the model as it was after the previous task, before T_i changes it
        KnowledgeRetention retention = stage > 0 && settings.knowledgeRetention()
                ? new KnowledgeRetention(net.copy(), learned, settings.relationAware(), KnowledgeRetention.MASK_CACHE_BYTES, lookAhead)
                : null;

        learned.add(cur);
        net.ensureHead(stage, cur.outputSize(), rnd);
        TaskMasks.initEmbeddings(net.params(), stage, layers(), backbone.channels(), rnd);
        if (settings.relationAware() && stage > 0) TaskMasks.initRelationMlps(net.params(), stage + 1, layers(), rnd);
        rho.clear();
        if (retention != null) for (int j = 0; j < stage; j++) rho.put(j, initialRate());

        TrainingCore.train(new TrainingCore.Stage(net, cur, p -> true, List.of(new MaskAndRetention(cur, retention, env)),
                () -> Evaluator.primary(this, cur, cur.split().validation(), evalBatchSize), List.of(net.params())), env);
    }

    private double initialRate() {
        return switch (settings.sampling()) {
            case EQUATION -> settings.rhoInitial();
            case FIXED -> settings.rhoMin();
            case ALL -> 1.0;
        };
    }

    /** The model's parameters now: what the memory test weighs a stage's legitimate growth by. */
    ParameterStore parameters() {
        return net.params();
    }

    /** s for batch b of B: annealed from 1/s_max to s_max within each epoch (reference schedule). */
    public static double sharpness(double sMax, boolean anneal, int batch, int batches) {
        if (!anneal) return sMax;
        return (sMax - 1 / sMax) * batch / Math.max(1, batches) + 1 / sMax;
    }

    @Override
    public INDArray predict(int stage, int[][] sequences) {
        try (var ignored = Workspaces.evaluation()) {
            TaskMasks masks = new TaskMasks(net.params(), learned.size(), settings.relationAware(), settings.sMax());
            INDArray m = masks.mask(stage);
            BackboneHooks hooks = new BackboneHooks() {
                @Override
                public INDArray mask(int layer) {
                    return m.getRow(layer).reshape(1, m.columns());
                }
            };
            return net.predictionLogits(sequences, learned.get(stage).kind(), stage, hooks).detach();
        }
    }

    @Override
    public Map<String, float[][]> masks() {
        if (learned.isEmpty()) return Map.of();
        try (var ignored = Workspaces.evaluation()) {
            TaskMasks masks = new TaskMasks(net.params(), learned.size(), settings.relationAware(), settings.sMax());
            Map<String, float[][]> byTask = new LinkedHashMap<>();
            for (int t = 0; t < learned.size(); t++) byTask.put(learned.get(t).name(), masks.values(t));
            return byTask;
        }
    }

    @Override
    public Map<String, Double> samplingRates() {
        Map<String, Double> named = new LinkedHashMap<>();
        rho.forEach((j, r) -> named.put(learned.get(j).name(), r));
        return named;
    }

    /**
     * The stage's plugin: masks of the current task on the batch and of each old task j on its stacked
     * retention users, the retention loss against the teacher at the batch's s, the mask parameters'
     * gradients, the embedding clamp and ρ.
     */
    private final class MaskAndRetention implements StagePlugin {
        private final TaskData cur;
        private final KnowledgeRetention retention;
        private final MethodEnvironment env;
        private final Random rnd;
        /** The retention shares per backbone pass; pass 0 is stacked below the batch. */
        private List<List<KnowledgeRetention.Share>> passes = List.of(List.of());
        private GroupMasks hooks;
        private TaskMasks liveMasks;
        private KnowledgeRetention.Teaching teaching;
        /** Pass 0's retention term, running on the worker lane from the forward pass to {@link #addLosses}. */
        private KnowledgeRetention.Started started;

        /** Every learned task's head weight, the current one's included. */
        private final List<String> headWeights = new ArrayList<>();

        MaskAndRetention(TaskData cur, KnowledgeRetention retention, MethodEnvironment env) {
            for (TaskData task : learned) headWeights.add(org.teracon.workbench.model.TaskHead.weight(Network.headName(task.stage())));
            this.cur = cur;
            this.retention = retention;
            this.env = env;
            this.rnd = env.random();
        }

        @Override
        public void beforeForward(StepContext step) {
            step.sharpness(sharpness(settings.sMax(), settings.annealS(), step.batchIndex(), step.batches()));
            liveMasks = new TaskMasks(net.params(), learned.size(), settings.relationAware(), step.sharpness());
            if (retention == null) {
                passes = List.of(List.of());
            } else {
                KnowledgeRetention.Prepared prepared = retention.prepare(step, rho, rnd,
                        b -> sharpness(settings.sMax(), settings.annealS(), b, step.batches()));
                passes = prepared.passes();
                teaching = prepared.teaching();
            }
            List<KnowledgeRetention.Share> shares = passes.get(0);
            int[] taskOfGroup = new int[1 + shares.size()];
            taskOfGroup[0] = cur.stage();
            for (int g = 0; g < shares.size(); g++) taskOfGroup[g + 1] = shares.get(g).task().stage();
            hooks = new GroupMasks(liveMasks, taskOfGroup, step.groups(), layers(), backbone.channels());
            step.hooks(hooks);
        }

        @Override
        public void afterForward(StepContext step, TcnEngine.Pass pass, INDArray dHidden) {
            started = null;
            // beside an item task's loss (a head of ~1,000-1,700 outputs: 2-3 ms at 64 channels) the term is
            // hidden; a profile task's loss is too short to hide it, and on the worker the term ran slower
            // (1.5-2.2 against 1.2-1.6 ms a step at T4-T6; at 256 channels T5 and T6 went from 1.13-1.18× to
            // 1.30-1.33× SinMoAll's step), so there it stays on the step's thread, in addLosses
            if (retention == null || passes.get(0).isEmpty() || cur.kind() == org.teracon.workbench.data.TaskKind.CLASSIFICATION) return;
            int[] rows = KnowledgeRetention.labelOffsets(passes);
            KnowledgeRetention.Teaching teaching = this.teaching;
            started = retention.startLoss(net, passes.get(0),
                    () -> teaching.pseudoLabels().get(NDArrayIndex.interval(rows[0], rows[1]), NDArrayIndex.all()), pass, dHidden);
        }

        @Override
        public void addLosses(StepContext step, TcnEngine.Pass pass, INDArray dHidden, Gradients gradients) {
            if (retention == null) return;
            double kr = started == null ? 0 : started.finish(gradients);
            int[] rows = KnowledgeRetention.labelOffsets(passes);
            for (int p = started == null ? 0 : 1; p < passes.size(); p++) {
                if (passes.get(p).isEmpty()) continue;
                INDArray labels = teaching.pseudoLabels().get(NDArrayIndex.interval(rows[p], rows[p + 1]), NDArrayIndex.all());
                kr += p == 0 ? retention.lossWithHeadsBeside(net, passes.get(0), labels, pass, dHidden, gradients, step::besideStep)
                        : retention.lossInOwnPass(net, passes.get(p), labels, liveMasks, gradients);
            }
            started = null;
            step.loss(LossTerm.RETENTION, kr, settings.alpha());
            // nothing after the losses touches a head's gradient (pass 0's head GEMMs, beside the step, are
            // queued on the worker lane ahead of them), so the heads' Adam steps may run beside the
            // backbone's backward pass (Optimizer.startEarly)
            step.gradientsFinal(headWeights);
        }

        @Override
        public void afterBackward(StepContext step, Gradients gradients) {
            hooks.backward(gradients);
        }

        @Override
        public void afterUpdate(StepContext step) {
            TaskMasks.clampEmbeddings(net.params(), learned.size());
            if (retention != null && settings.sampling() == SamplingMode.EQUATION) {
                // ρ compares the masks this batch trained with to the frozen ones at the same s
                float[][] live = liveMasks.values(cur.stage());
                for (int j : rho.keySet()) rho.put(j, MaskRelations.samplingRate(live, teaching.mask(j), settings.c()));
            }
        }

        @Override
        public void afterStage() {
            if (retention == null) return;
            retention.close();
            teacherPasses += retention.teacherPasses();
        }

        @Override
        public void afterEpoch(int epoch) {
            env.monitor().samplingRates(cur.stage(), epoch, samplingRates());
        }

        /** ρ per old task: updated every batch and read by the next batch's sampling. */
        @Override
        public java.io.Serializable state() {
            return new LinkedHashMap<>(rho);
        }

        @Override
        public void restore(java.io.Serializable state) {
            rho.clear();
            @SuppressWarnings("unchecked")
            Map<Integer, Double> saved = (Map<Integer, Double>) state;
            rho.putAll(saved);
        }
    }
}
