package org.teracon.workbench.method.baseline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.controlflow.Select;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.teracon.workbench.method.ContinualMethod;
import org.teracon.workbench.method.Evaluator;
import org.teracon.workbench.method.ItemLoss;
import org.teracon.workbench.method.MethodEnvironment;
import org.teracon.workbench.method.StagePlugin;
import org.teracon.workbench.method.StepContext;
import org.teracon.workbench.method.TaskData;
import org.teracon.workbench.method.TrainingConfig;
import org.teracon.workbench.method.TrainingCore;
import org.teracon.workbench.method.params.ParamSpec;
import org.teracon.workbench.method.params.ParamValues;
import org.teracon.workbench.method.params.Range;
import org.teracon.workbench.model.BackboneConfig;
import org.teracon.workbench.model.BackboneHooks;
import org.teracon.workbench.model.Gradients;
import org.teracon.workbench.model.Network;
import org.teracon.workbench.model.TaskHead;
import org.teracon.workbench.model.TcnBackbone;
import org.teracon.workbench.model.Workspaces;

/**
 * CONURE (Yuan et al., SIGIR 2021): one backbone whose convolution weights are handed out task by task.
 * Task k trains the still-free weights (earlier tasks' weights are used but frozen), then keeps the
 * largest {@code keep} fraction of those free weights per layer, retrains the kept ones and freezes them
 * as owned by task k; the rest stay free with their trained values, masked out of task k's view, and are
 * the next task's starting point. Item tasks after T1 train with BPR against one popularity-sampled
 * negative ({@code conure.itemLoss}); the retrain phase runs the task's own epoch budget unless
 * {@code conure.retrainEpochs} caps it. Task k predicts with the weights of tasks 1..k only, so later
 * tasks cannot change an earlier task's predictions. Embedding, convolution biases and layer norms are
 * trained on T1 only and fixed afterwards (they cannot be split by ownership).
 *
 * <p>Training runs on {@link TrainingCore} with the stored weights as they are; a plugin zeroes the
 * gradients of frozen entries and, after every optimiser step, restores their values bit for bit.
 */
public final class ConureMethod implements ContinualMethod, java.io.Serializable {
    public static final ParamSpec<Double> KEEP = ParamSpec.real("conure.keep", 0.3, Range.aboveUpTo(0, 1), "keep ratio",
            "CONURE's share of a task's free convolution weights it keeps (and then owns)");
    public static final ParamSpec<Integer> RETRAIN_EPOCHS = ParamSpec.integer("conure.retrainEpochs", 0, Range.atLeast(0),
            "retrain epochs", "CONURE's epochs of retraining the kept weights after pruning (0: the task's own epoch budget, with early stopping)");
    public static final ParamSpec<ItemLoss> ITEM_LOSS = ParamSpec.choice("conure.itemLoss", ItemLoss.class, ItemLoss.BPR_POPULARITY,
            "item-task loss", "CONURE's loss for item tasks after T1: BPR with a popularity-sampled negative (reference) or softmax");
    public static final List<ParamSpec<?>> SPECS = List.of(KEEP, RETRAIN_EPOCHS, ITEM_LOSS);
    static final int FREE = -1;

    private final BackboneConfig backbone;
    private final double keep;
    private final int retrainEpochs;
    private final ItemLoss itemLoss;
    private Network net;
    /** Per convolution weight, the stage owning each entry (FREE for none), in the weight's shape, as floats. */
    private final Map<String, INDArray> owner = new LinkedHashMap<>();
    private final Map<Integer, TaskData> tasks = new HashMap<>();
    /** Per stage, its view of the weights as [k·C, C] masks by layer; rebuilt whenever ownership changes. */
    private transient Map<Integer, BackboneHooks> views = new HashMap<>();
    /** The stage whose training may use the free weights; -1 once its weights are owned. */
    private int openStage = -1;
    private int evalBatchSize = 256;

    public ConureMethod(BackboneConfig backbone, double keep, int retrainEpochs) {
        this(backbone, keep, retrainEpochs, ITEM_LOSS.defaultValue());
    }

    public ConureMethod(BackboneConfig backbone, double keep, int retrainEpochs, ItemLoss itemLoss) {
        KEEP.check(keep);
        RETRAIN_EPOCHS.check(retrainEpochs);
        this.backbone = backbone;
        this.keep = keep;
        this.retrainEpochs = retrainEpochs;
        this.itemLoss = itemLoss;
    }

    public static ConureMethod fromParams(BackboneConfig backbone, ParamValues p) {
        return new ConureMethod(backbone, p.get(KEEP), p.get(RETRAIN_EPOCHS), p.get(ITEM_LOSS));
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
            owner.clear();
            try (var ignored = Workspaces.outside()) {
                for (String w : convWeights()) owner.put(w, Nd4j.valueArrayOf(net.params().get(w).shape(), (float) FREE).castTo(DataType.FLOAT));
            }
        }
        net.ensureHead(stage, task.outputSize(), env.random());
        tasks.put(stage, task);
        DoubleSupplier validation = () -> Evaluator.primary(this, task, task.split().validation(), evalBatchSize);

        open(stage);
        Frozen frozen = new Frozen(o -> o.neq(FREE));
        TrainingCore.train(stage(task, frozen, validation), env);
        frozen.restore();

        prune(stage);
        open(-1);
        // Pruned weights stay free and keep their values (masked out of this task's view; the next task
        // starts from them) and are frozen while the kept ones are retrained.
        Frozen retrainFrozen = new Frozen(o -> o.neq(stage));
        TrainingConfig t = env.training();
        MethodEnvironment retrainEnv = env;
        if (retrainEpochs > 0) {
            // a positive value caps the retraining; 0 keeps the task's own epoch budget and early stopping
            TrainingConfig retrain = new TrainingConfig(t.first().withEpochs(retrainEpochs), t.second().withEpochs(retrainEpochs),
                    t.rest().withEpochs(retrainEpochs), t.patience(), t.evalBatchSize());
            retrainEnv = new MethodEnvironment(retrain, env.monitor(), env.random());
        }
        TrainingCore.train(stage(task, retrainFrozen, validation), retrainEnv);
        retrainFrozen.restore();
        if (views != null) views.clear();
    }

    private TrainingCore.Stage stage(TaskData task, Frozen frozen, DoubleSupplier validation) {
        int stage = task.stage();
        String head = Network.headName(stage);
        // T1 trains everything; later tasks only the convolution weights (their free entries) and their head
        Predicate<String> trainable = stage == 0 ? p -> true
                : p -> owner.containsKey(p) || p.equals(TaskHead.weight(head)) || p.equals(TaskHead.bias(head));
        return new TrainingCore.Stage(net, task, trainable, List.of(frozen), validation, List.of(net.params()))
                .withItemLoss(stage == 0 ? ItemLoss.SOFTMAX : itemLoss);
    }

    private void open(int stage) {
        openStage = stage;
        if (views != null) views.clear();
    }

    /** Names of the backbone's convolution weights, in layer order k = 2·block + conv. */
    private List<String> convWeights() {
        List<String> names = new ArrayList<>();
        for (int b = 0; b < backbone.blocks(); b++) for (int k = 0; k < 2; k++) names.add(TcnBackbone.convWeight(b, k));
        return names;
    }

    /**
     * Per layer, the largest-magnitude {@code keep} fraction of the free weights becomes the stage's; the
     * other free weights keep their values (no task's view includes them until the next task trains them). Ties at the threshold go to the lower flat (c-order) index, as a
     * stable sort by descending magnitude would order them.
     */
    void prune(int stage) {
        try (var ignored = Workspaces.outside()) {
            for (var e : owner.entrySet()) {
                INDArray w = net.params().get(e.getKey());
                INDArray o = e.getValue();
                INDArray free = o.eq(FREE);
                long nFree = count(free);
                if (nFree == 0) continue;
                long kept = Math.max(1, Math.round(keep * nFree));
                INDArray magnitude = select(free, Transforms.abs(w, true), o.ulike().assign(-1));
                INDArray sorted = Nd4j.sort(magnitude.reshape(magnitude.length()).dup(), false);
                double threshold = sorted.getDouble(kept - 1);
                INDArray above = magnitude.gt(threshold);
                INDArray tie = magnitude.eq(threshold); // threshold >= 0, so only free entries tie
                long room = kept - count(above);
                INDArray tieRank = tie.castTo(DataType.FLOAT).reshape(tie.length()).cumsum(0).reshape(tie.shape());
                INDArray keptMask = Transforms.or(above, Transforms.and(tie, tieRank.lte(room)));
                o.assign(select(keptMask, o.ulike().assign(stage), o));
            }
        }
    }

    private static long count(INDArray bool) {
        return bool.castTo(DataType.INT).sumNumber().longValue();
    }

    /** cond ? x : y element-wise, bit for bit. */
    private static INDArray select(INDArray cond, INDArray x, INDArray y) {
        return Nd4j.exec(new Select(new INDArray[] {cond, x, y}, new INDArray[] {x.ulike()}))[0];
    }

    /** Task {@code stage}'s view of a weight: entries owned by tasks 1..stage (plus the free ones while it trains). */
    INDArray ownershipMask(String weight, int stage) {
        INDArray o = owner.get(weight);
        INDArray mine = openStage == stage ? o.lte(stage) : Transforms.and(o.gte(0), o.lte(stage));
        return mine.castTo(DataType.FLOAT);
    }

    private BackboneHooks view(int stage) {
        if (views == null) views = new HashMap<>(); // a cache: not in a checkpoint
        return views.computeIfAbsent(stage, s -> {
            INDArray[] masks = new INDArray[backbone.maskedLayers()];
            try (var ignored = Workspaces.outside()) {
                List<String> names = convWeights();
                for (int k = 0; k < masks.length; k++) {
                    INDArray m = ownershipMask(names.get(k), s);
                    masks[k] = m.reshape(m.length() / backbone.channels(), backbone.channels());
                }
            }
            return new BackboneHooks() {
                @Override
                public INDArray effectiveWeight(int layer, INDArray stored) {
                    return stored.mul(masks[layer]);
                }
            };
        });
    }

    @Override
    public INDArray predict(int stage, int[][] sequences) {
        return net.predict(sequences, tasks.get(stage).kind(), stage, view(stage));
    }

    Network network() {
        return net;
    }

    int[] owner(String weight) {
        return owner.get(weight).dup('c').data().asInt();
    }

    /**
     * The conv-weight entries a training phase must not move, with their values at its start: their
     * gradients are zeroed after backward (zero gradients keep fresh Adam moments at zero, so they get
     * exactly zero updates) and their values restored after each step, which makes that a guarantee
     * rather than an arithmetic accident.
     */
    private final class Frozen implements StagePlugin {
        final Map<String, INDArray> gradientMasks = new LinkedHashMap<>();
        final Map<String, INDArray> frozen = new LinkedHashMap<>();
        final Map<String, INDArray> values = new LinkedHashMap<>();

        Frozen(UnaryOperator<INDArray> isFrozen) {
            try (var ignored = Workspaces.outside()) {
                owner.forEach((w, o) -> {
                    INDArray f = isFrozen.apply(o);
                    frozen.put(w, f);
                    values.put(w, net.params().get(w).dup('c'));
                    gradientMasks.put(w, Transforms.not(f).castTo(DataType.FLOAT));
                });
            }
        }

        @Override
        public void afterBackward(StepContext step, Gradients gradients) {
            gradientMasks.forEach((w, m) -> {
                INDArray g = gradients.get(w);
                if (g != null) g.muli(m.reshape(g.shape()));
            });
        }

        @Override
        public void afterUpdate(StepContext step) {
            restore();
        }

        void restore() {
            frozen.forEach((w, f) -> {
                INDArray arr = net.params().get(w);
                arr.assign(select(f, values.get(w), arr));
            });
        }
    }
}
