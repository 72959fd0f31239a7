package org.teracon.workbench.method.baseline;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.teracon.workbench.method.ContinualMethod;
import org.teracon.workbench.method.Evaluator;
import org.teracon.workbench.method.MethodEnvironment;
import org.teracon.workbench.method.PredictionGraph;
import org.teracon.workbench.method.TaskData;
import org.teracon.workbench.method.TrainingConfig;
import org.teracon.workbench.method.params.ParamSpec;
import org.teracon.workbench.method.params.ParamValues;
import org.teracon.workbench.method.params.Range;
import org.teracon.workbench.model.BackboneConfig;
import org.teracon.workbench.model.LayerHooks;
import org.teracon.workbench.model.Network;
import org.teracon.workbench.model.TcnBackbone;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * CONURE (Yuan et al., SIGIR 2021): one backbone whose convolution weights are handed out task by task.
 * Task k trains the still-free weights (earlier tasks' weights are used but frozen), then keeps the
 * largest {@code keep} fraction of those free weights per layer, zeroes the rest, retrains the kept ones
 * and freezes them as owned by task k. Task k predicts with the weights of tasks 1..k only, so later
 * tasks cannot change an earlier task's predictions. Embedding, convolution biases and layer norms are
 * trained on T1 only and fixed afterwards (they cannot be split by ownership).
 */
public final class ConureMethod implements ContinualMethod {
    public static final ParamSpec<Double> KEEP = ParamSpec.real("conure.keep", 0.3, Range.aboveUpTo(0, 1), "keep ratio",
            "CONURE's share of a task's free convolution weights it keeps (and then owns)");
    public static final ParamSpec<Integer> RETRAIN_EPOCHS = ParamSpec.integer("conure.retrainEpochs", 1, Range.atLeast(1),
            "retrain epochs", "CONURE's epochs of retraining the kept weights after pruning");
    public static final List<ParamSpec<?>> SPECS = List.of(KEEP, RETRAIN_EPOCHS);
    static final int FREE = -1;

    private final BackboneConfig backbone;
    private final double keep;
    private final int retrainEpochs;
    private Network net;
    private final Map<String, int[]> owner = new LinkedHashMap<>();
    private final Map<Integer, TaskData> tasks = new HashMap<>();
    private final Map<Integer, PredictionGraph> graphs = new HashMap<>();
    /** The stage whose training may use the free weights; -1 once its weights are owned. */
    private int openStage = -1;
    private int evalBatchSize = 256;

    public ConureMethod(BackboneConfig backbone, double keep, int retrainEpochs) {
        KEEP.check(keep);
        RETRAIN_EPOCHS.check(retrainEpochs);
        this.backbone = backbone;
        this.keep = keep;
        this.retrainEpochs = retrainEpochs;
    }

    public static ConureMethod fromParams(BackboneConfig backbone, ParamValues p) {
        return new ConureMethod(backbone, p.get(KEEP), p.get(RETRAIN_EPOCHS));
    }

    @Override
    public String name() {
        return "conure";
    }

    @Override
    public void learn(List<TaskData> learned, MethodEnvironment env) {
        TaskData task = learned.get(learned.size() - 1);
        int stage = task.stage();
        evalBatchSize = env.training().evalBatchSize();
        if (stage == 0) {
            net = Network.create(backbone, task.vocabularySize(), task.sequenceLength(), env.random());
            for (String w : BaselineTrainer.convWeights(net)) {
                int[] o = new int[(int) net.params().get(w).length()];
                Arrays.fill(o, FREE);
                owner.put(w, o);
            }
        }
        net.ensureHead(stage, task.outputSize(), env.random());
        tasks.put(stage, task);
        var validation = (java.util.function.DoubleSupplier) () -> Evaluator.primary(this, task, task.split().validation(), evalBatchSize);

        open(stage);
        Frozen frozen = new Frozen(o -> o != FREE);
        BaselineTrainer.train(net, task, spec(stage, frozen), validation, env);
        frozen.restore();

        prune(stage);
        open(-1);
        // Pruned weights count as frozen at zero while the kept ones are retrained.
        Frozen retrainFrozen = new Frozen(o -> o != stage);
        TrainingConfig t = env.training();
        TrainingConfig retrain = new TrainingConfig(retrainEpochs, retrainEpochs, t.patience(), t.batchSizeFirst(),
                t.batchSize(), t.learningRateFirst(), t.learningRate(), t.evalBatchSize());
        BaselineTrainer.train(net, task, spec(stage, retrainFrozen), validation,
                new MethodEnvironment(retrain, env.monitor(), env.random()));
        retrainFrozen.restore();
        graphs.clear();
    }

    private BaselineTrainer.Spec spec(int stage, Frozen frozen) {
        BaselineTrainer.Spec spec = new BaselineTrainer.Spec();
        spec.trainable = stage == 0 ? p -> true : p -> owner.containsKey(p) || BaselineTrainer.isHead(p, stage);
        spec.trainEmbedding = stage == 0;
        // Zero gradients keep fresh Adam moments at zero, so frozen entries get exactly zero updates;
        // the restore after each step makes that a guarantee rather than an arithmetic accident.
        spec.editor = grads -> frozen.gradientMasks.forEach((w, m) -> {
            INDArray g = grads.get(w);
            if (g != null) grads.put(w, g.reshape(m.shape()).mul(m));
        });
        spec.afterStep = s -> frozen.restore();
        return spec;
    }

    private void open(int stage) {
        openStage = stage;
        graphs.clear();
    }

    /** Per layer, the largest-magnitude {@code keep} fraction of the free weights becomes the stage's. */
    private void prune(int stage) {
        for (var e : owner.entrySet()) {
            INDArray wArr = net.params().get(e.getKey());
            float[] w = wArr.dup('c').data().asFloat();
            int[] o = e.getValue();
            Integer[] free = java.util.stream.IntStream.range(0, o.length).filter(i -> o[i] == FREE).boxed().toArray(Integer[]::new);
            if (free.length == 0) continue;
            Arrays.sort(free, (a, b) -> Float.compare(Math.abs(w[b]), Math.abs(w[a])));
            int kept = Math.max(1, (int) Math.round(keep * free.length));
            for (int r = 0; r < free.length; r++) {
                if (r < kept) o[free[r]] = stage;
                else w[free[r]] = 0f;
            }
            wArr.assign(Nd4j.create(w, wArr.shape(), 'c'));
        }
    }

    /** Task {@code stage}'s view of a weight: entries owned by tasks 1..stage (plus the free ones while it trains). */
    INDArray ownershipMask(String weight, int stage) {
        int[] o = owner.get(weight);
        float[] m = new float[o.length];
        for (int i = 0; i < o.length; i++) {
            boolean mine = o[i] == FREE ? openStage == stage : o[i] <= stage;
            m[i] = mine ? 1f : 0f;
        }
        return Nd4j.create(m, net.params().get(weight).shape(), 'c');
    }

    @Override
    public INDArray predict(int stage, int[][] sequences) {
        TaskData task = tasks.get(stage);
        PredictionGraph g = graphs.computeIfAbsent(stage, s -> new PredictionGraph(net, task, (v, sh) -> new LayerHooks() {
            @Override
            public SDVariable convWeight(int block, int conv, SDVariable weight) {
                return weight.mul(v.sd().constant(ownershipMask(TcnBackbone.convWeight(block, conv), s)));
            }
        }, 1));
        return g.predict(sequences);
    }

    Network network() {
        return net;
    }

    int[] owner(String weight) {
        return owner.get(weight).clone();
    }

    /** The conv-weight entries a training phase must not move, with their values at its start. */
    private final class Frozen {
        final Map<String, INDArray> gradientMasks = new LinkedHashMap<>();
        final Map<String, boolean[]> frozen = new LinkedHashMap<>();
        final Map<String, float[]> values = new LinkedHashMap<>();

        Frozen(java.util.function.IntPredicate isFrozen) {
            owner.forEach((w, o) -> {
                boolean[] f = new boolean[o.length];
                float[] m = new float[o.length];
                for (int i = 0; i < o.length; i++) {
                    f[i] = isFrozen.test(o[i]);
                    m[i] = f[i] ? 0f : 1f;
                }
                frozen.put(w, f);
                values.put(w, net.params().get(w).dup('c').data().asFloat());
                gradientMasks.put(w, Nd4j.create(m, net.params().get(w).shape(), 'c'));
            });
        }

        void restore() {
            frozen.forEach((w, f) -> {
                INDArray arr = net.params().get(w);
                float[] cur = arr.dup('c').data().asFloat();
                float[] saved = values.get(w);
                boolean changed = false;
                for (int i = 0; i < f.length; i++) {
                    if (f[i] && Float.floatToRawIntBits(cur[i]) != Float.floatToRawIntBits(saved[i])) {
                        cur[i] = saved[i];
                        changed = true;
                    }
                }
                if (changed) arr.assign(Nd4j.create(cur, arr.shape(), 'c'));
            });
        }
    }
}
