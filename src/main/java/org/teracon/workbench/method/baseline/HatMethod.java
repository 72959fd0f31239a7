package org.teracon.workbench.method.baseline;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.teracon.workbench.method.ContinualMethod;
import org.teracon.workbench.method.LossTerm;
import org.teracon.workbench.method.MethodEnvironment;
import org.teracon.workbench.method.StageOptimizer;
import org.teracon.workbench.method.StagePlugin;
import org.teracon.workbench.method.StepContext;
import org.teracon.workbench.method.TaskData;
import org.teracon.workbench.method.TrainingCore;
import org.teracon.workbench.method.params.ParamSpec;
import org.teracon.workbench.method.params.ParamValues;
import org.teracon.workbench.method.params.Range;
import org.teracon.workbench.model.BackboneConfig;
import org.teracon.workbench.model.BackboneHooks;
import org.teracon.workbench.model.Gradients;
import org.teracon.workbench.model.Init;
import org.teracon.workbench.model.Network;
import org.teracon.workbench.model.TaskHead;
import org.teracon.workbench.model.TcnBackbone;
import org.teracon.workbench.model.TcnEngine;
import org.teracon.workbench.model.Workspaces;

/**
 * HAT (Serrà et al., ICML 2018; reference joansj/hat, hat.py): a task embedding per layer gates each
 * convolution's ReLU output with a = σ(s·e). Within every epoch s rises from 1/s_max to s_max, so the
 * gates end near binary. The loss adds λ·Σ a_t(1 − a_&lt;t) / Σ(1 − a_&lt;t), which makes a task reuse the
 * units earlier tasks already claimed; gradients of weights into (and out of) claimed units are scaled by
 * 1 − min(a_&lt;t^out, a_&lt;t^in), so those weights stay put; the embedding gradient is compensated for
 * the annealing as hat.py does, and embeddings are clamped to ±6.
 *
 * <p>Where the TCN differs from hat.py's plain stacks: a block's first convolution reads the residual
 * stream, which no gate covers, so its input side counts as fully used (only its output gate protects
 * it, as hat.py treats the first layer); convolution biases and layer-norm gains/biases follow their
 * output gate. The item embedding feeds every task through the ungated residual stream, so it is
 * trained on T1 only. Layer norm mixes all channels of a layer, so unlike hat.py's nets a task can
 * still shift an earlier task's outputs through the statistics of units it newly claims: HAT's
 * parameters are protected, its outputs only approximately. Optimiser as hat.py: SGD at lr 0.05, divided
 * by 3 after 5 epochs without a lower validation loss, the task ending once lr falls below 1e-4 (or at
 * the epoch cap); the epoch kept is the one with the lowest validation loss, as hat.py.
 *
 * <p>On the engine: the gates are the backbone's [1, C] channel masks ({@link BackboneHooks#mask});
 * the engine hands back dL/da per layer and the plugin turns it into dL/de = dL/da · a(1 − a) · s,
 * adds the regulariser's gradient, then applies hat.py's two gradient edits before the SGD step.
 */
public final class HatMethod implements ContinualMethod, java.io.Serializable {
    public static final ParamSpec<Double> S_MAX = ParamSpec.real("hat.sMax", 400, Range.atLeast(1), "s_max",
            "HAT's gate scale at the end of each epoch: larger makes the gates closer to binary");
    public static final ParamSpec<Double> LAMBDA = ParamSpec.real("hat.lambda", 0.75, Range.atLeast(0), "lambda",
            "HAT's weight of the loss that makes a task reuse units earlier tasks claimed");
    public static final ParamSpec<Double> LR = ParamSpec.real("hat.lr", 0.05, Range.aboveUpTo(0, 10), "SGD learning rate",
            "HAT's SGD learning rate at the start of every task (hat.py: 0.05)");
    public static final ParamSpec<Double> LR_MIN = ParamSpec.real("hat.lrMin", 1e-4, Range.aboveUpTo(0, 10), "minimum learning rate",
            "HAT stops a task once its learning rate falls below this (hat.py: 1e-4)");
    public static final ParamSpec<Double> LR_FACTOR = ParamSpec.real("hat.lrFactor", 3, Range.atLeast(1), "learning rate divisor",
            "HAT divides its learning rate by this after lrPatience epochs without a better validation score (hat.py: 3)");
    public static final ParamSpec<Integer> LR_PATIENCE = ParamSpec.integer("hat.lrPatience", 5, Range.atLeast(1), "lr patience",
            "epochs without a better validation score before HAT lowers its learning rate (hat.py: 5)");
    public static final List<ParamSpec<?>> SPECS = List.of(S_MAX, LAMBDA, LR, LR_MIN, LR_FACTOR, LR_PATIENCE);
    static final double EMBEDDING_CLAMP = 6;
    static final double COSH_CLAMP = 50;

    private final BackboneConfig backbone;
    private final double sMax;
    private final double lambda;
    private final StageOptimizer optimizer;
    private Network net;
    /** Per layer [1, C], the max over learned tasks of their real-valued gates at s_max (hat.py's mask_pre). */
    private INDArray[] claimed;
    private final Map<Integer, TaskData> tasks = new HashMap<>();
    private int evalBatchSize = 256;

    /** hat.py's optimiser and schedule: SGD from lr 0.05, divided by 3 after 5 stale epochs, down to 1e-4. */
    public HatMethod(BackboneConfig backbone, double sMax, double lambda) {
        this(backbone, sMax, lambda, new StageOptimizer.SgdPlateau(LR.defaultValue(), LR_MIN.defaultValue(),
                LR_FACTOR.defaultValue(), LR_PATIENCE.defaultValue()));
    }

    public HatMethod(BackboneConfig backbone, double sMax, double lambda, StageOptimizer optimizer) {
        S_MAX.check(sMax);
        LAMBDA.check(lambda);
        this.backbone = backbone;
        this.sMax = sMax;
        this.lambda = lambda;
        this.optimizer = optimizer;
    }

    public static HatMethod fromParams(BackboneConfig backbone, ParamValues p) {
        return new HatMethod(backbone, p.get(S_MAX), p.get(LAMBDA),
                new StageOptimizer.SgdPlateau(p.get(LR), p.get(LR_MIN), p.get(LR_FACTOR), p.get(LR_PATIENCE)));
    }

    @Override
    public String name() {
        return "hat";
    }

    static String gate(int stage, int layer) {
        return "hat" + stage + ".e" + layer;
    }

    /** s of batch b of n: from 1/s_max at the first batch of an epoch to s_max at the last. */
    static double sharpness(int batch, int batches, double sMax) {
        return batches <= 1 ? sMax : 1 / sMax + (sMax - 1 / sMax) * batch / (batches - 1);
    }

    @Override
    public void learn(List<TaskData> learned, MethodEnvironment env) {
        TaskData task = learned.get(learned.size() - 1);
        int stage = task.stage();
        int layers = backbone.maskedLayers();
        int c = backbone.channels();
        evalBatchSize = env.training().evalBatchSize();
        try (var ignored = Workspaces.outside()) {
            if (stage == 0) {
                net = Network.create(backbone, task.vocabularySize(), task.sequenceLength(), env.random());
                claimed = new INDArray[layers];
                for (int k = 0; k < layers; k++) claimed[k] = Nd4j.zeros(DataType.FLOAT, 1, c);
            }
            net.ensureHead(stage, task.outputSize(), env.random());
            for (int k = 0; k < layers; k++) net.params().put(gate(stage, k), Init.normal(env.random(), 1.0, 1, c));
        }
        tasks.put(stage, task);

        String head = Network.headName(stage);
        Predicate<String> trainable = p -> p.startsWith("block") || p.startsWith("hat" + stage + ".")
                || p.equals(TaskHead.weight(head)) || p.equals(TaskHead.bias(head))
                || (stage == 0 && p.equals(TcnBackbone.EMBEDDING));
        TrainingCore.train(new TrainingCore.Stage(net, task, trainable, List.of(new Plugin(stage)),
                () -> -validationLoss(task), List.of(net.params()))
                .withOptimizer(optimizer), env);
        clampGates(stage);

        try (var ignored = Workspaces.outside()) {
            for (int k = 0; k < layers; k++) {
                // hat.py: mask_pre = max(mask_pre, σ(s_max·e)), real-valued (no threshold)
                INDArray a = Transforms.sigmoid(net.params().get(gate(stage, k)).mul(sMax), false).castTo(DataType.FLOAT);
                claimed[k] = Transforms.max(claimed[k], a.reshape(1, c), true);
            }
        }
    }

    /**
     * hat.py's selection criterion: the task's loss plus λ·regulariser on the validation users, with the
     * task's gates at s_max. The epoch with the lowest value is kept and the learning rate falls when it
     * stalls; a ranking metric on a few validation users ties or jumps by chance and stopped the head's
     * training after one epoch (README, HAT).
     */
    double validationLoss(TaskData task) {
        double loss = TrainingCore.heldOutLoss(net, task, task.split().validation(), () -> new Gates(task.stage(), sMax), evalBatchSize);
        double reg = regulariser(new Gates(task.stage(), sMax), new Gradients(n -> false)); // the pass's gates died with its workspace
        return Double.isNaN(reg) ? loss : loss + reg;
    }

    /** The gates of one task at sharpness s as the backbone's channel masks, collecting dL/da. */
    final class Gates implements BackboneHooks {
        final int stage;
        final double s;
        private final INDArray[] gates = new INDArray[backbone.maskedLayers()];
        private final INDArray[] gateGradients = new INDArray[backbone.maskedLayers()];

        Gates(int stage, double s) {
            this.stage = stage;
            this.s = s;
        }

        @Override
        public INDArray mask(int layer) {
            if (gates[layer] == null) gates[layer] = Transforms.sigmoid(net.params().get(gate(stage, layer)).mul(s), false);
            return gates[layer];
        }

        @Override
        public void maskGradient(int layer, INDArray gradient) {
            if (gateGradients[layer] == null) gateGradients[layer] = gradient;
            else gateGradients[layer].addi(gradient);
        }

        /** dL/de = dL/da · σ'(s·e) · s = dL/da · a(1 − a) · s, for every layer the backward pass reached. */
        void addEmbeddingGradients(Gradients gradients) {
            for (int k = 0; k < gates.length; k++) {
                if (gateGradients[k] == null) continue;
                INDArray a = mask(k);
                gradients.add(gate(stage, k), gateGradients[k].mul(a.rsub(1).muli(a)).muli(s));
            }
        }
    }

    /**
     * Adds λ/Σ(1 − a_&lt;t) · Σ_k Σ_j a_kj(1 − a_&lt;t,kj) into the gates' gradients: dreg/de = λ/Σ(1 − a_&lt;t) ·
     * (1 − a_&lt;t) ⊙ a(1 − a) · s. Returns the value, or NaN when there is no term (λ = 0, or every unit
     * is claimed already: nothing left to keep free, and hat.py would divide by zero).
     */
    double regulariser(Gates gates, Gradients gradients) {
        if (lambda == 0) return Double.NaN;
        double denominator = 0;
        INDArray[] free = new INDArray[claimed.length];
        for (int k = 0; k < claimed.length; k++) {
            free[k] = claimed[k].rsub(1);
            denominator += free[k].sumNumber().doubleValue();
        }
        if (denominator == 0) return Double.NaN;
        double scale = lambda / denominator;
        double value = 0;
        for (int k = 0; k < claimed.length; k++) {
            INDArray a = gates.mask(k);
            INDArray f = free[k].castTo(a.dataType());
            value += a.mul(f).sumNumber().doubleValue();
            gradients.add(gate(gates.stage, k), f.mul(a.rsub(1).muli(a)).muli(scale * gates.s));
        }
        return scale * value;
    }

    /** The training step's part of HAT. */
    private final class Plugin implements StagePlugin {
        private final int stage;
        /** Per layer: the conv weight's [kernel·C, C] and the output side's [1, C] gradient factors (stage &gt; 0). */
        private final INDArray[] weightFactors;
        private final INDArray[] outputFactors;
        private Gates gates;

        Plugin(int stage) {
            this.stage = stage;
            int layers = backbone.maskedLayers();
            weightFactors = new INDArray[layers];
            outputFactors = new INDArray[layers];
            if (stage == 0) return;
            int c = backbone.channels();
            try (var ignored = Workspaces.outside()) {
                for (int b = 0; b < backbone.blocks(); b++) {
                    for (int k = 0; k < 2; k++) {
                        INDArray post = claimed[2 * b + k].reshape(1, c);
                        INDArray pre = k == 0 ? Nd4j.ones(DataType.FLOAT, c, 1) : claimed[2 * b].reshape(c, 1);
                        // hat.py's get_view_for: 1 − min(pre_i, post_o) of the real-valued accumulated gates
                        INDArray perTap = Transforms.min(Nd4j.tile(pre, 1, c), Nd4j.tile(post, c, 1), true).rsubi(1);
                        weightFactors[2 * b + k] = Nd4j.tile(perTap, backbone.kernelSize(), 1); // rows (tap, input)
                        outputFactors[2 * b + k] = post.rsub(1);
                    }
                }
            }
        }

        @Override
        public void beforeForward(StepContext step) {
            double s = sharpness(step.batchIndex(), step.batches(), sMax);
            step.sharpness(s);
            gates = new Gates(stage, s);
            step.hooks(gates);
        }

        @Override
        public void addLosses(StepContext step, TcnEngine.Pass pass, INDArray dHidden, Gradients gradients) {
            double reg = regulariser(gates, gradients);
            if (!Double.isNaN(reg)) step.loss(LossTerm.MASK_REGULARISER, reg, 1);
        }

        @Override
        public void afterBackward(StepContext step, Gradients gradients) {
            gates.addEmbeddingGradients(gradients);
            compensate(gradients);
        }

        @Override
        public void afterUpdate(StepContext step) {
            clampGates(stage);
        }

        /** hat.py's two gradient edits: protect claimed units' weights, undo the annealing's damping of e. */
        private void compensate(Gradients gradients) {
            if (stage > 0) {
                for (int b = 0; b < backbone.blocks(); b++) {
                    for (int k = 0; k < 2; k++) {
                        scale(gradients, TcnBackbone.convWeight(b, k), weightFactors[2 * b + k]);
                        INDArray out = outputFactors[2 * b + k];
                        scale(gradients, TcnBackbone.convBias(b, k), out);
                        scale(gradients, TcnBackbone.normGain(b, k), out);
                        scale(gradients, TcnBackbone.normBias(b, k), out);
                    }
                }
            }
            double s = gates.s;
            for (int k = 0; k < backbone.maskedLayers(); k++) {
                String name = gate(stage, k);
                INDArray g = gradients.get(name);
                if (g == null) continue;
                INDArray e = net.params().get(name);
                INDArray num = Transforms.cosh(Transforms.max(Transforms.min(e.mul(s), COSH_CLAMP, false), -COSH_CLAMP, false), false).addi(1);
                INDArray den = Transforms.cosh(e, true).addi(1);
                gradients.asMap().put(name, g.reshape(e.shape()).mul(num).divi(den).muli(sMax / s));
            }
        }

        private static void scale(Gradients gradients, String name, INDArray factor) {
            INDArray g = gradients.get(name);
            if (g != null) g.muli(factor.reshape(g.shape()).castTo(g.dataType()));
        }
    }

    private void clampGates(int stage) {
        for (int k = 0; k < backbone.maskedLayers(); k++) {
            INDArray e = net.params().get(gate(stage, k));
            Transforms.max(Transforms.min(e, EMBEDDING_CLAMP, false), -EMBEDDING_CLAMP, false);
        }
    }

    /** The task's hooks at sharpness {@code s}. */
    Gates hooks(int stage, double s) {
        return new Gates(stage, s);
    }

    /** The task's gates [layer][channel] at sharpness {@code s}. */
    float[][] gates(int stage, double s) {
        float[][] out = new float[backbone.maskedLayers()][];
        for (int k = 0; k < out.length; k++) {
            out[k] = Transforms.sigmoid(net.params().get(gate(stage, k)).mul(s), false).dup('c').data().asFloat();
        }
        return out;
    }

    float[][] gates(int stage) {
        return gates(stage, sMax);
    }

    float[][] claimed() {
        float[][] copy = new float[claimed.length][];
        for (int k = 0; k < copy.length; k++) copy[k] = claimed[k].dup('c').data().asFloat();
        return copy;
    }

    @Override
    public Map<String, float[][]> masks() {
        Map<String, float[][]> out = new LinkedHashMap<>();
        tasks.keySet().stream().sorted().forEach(stage -> out.put(tasks.get(stage).name(), gates(stage)));
        return out;
    }

    @Override
    public INDArray predict(int stage, int[][] sequences) {
        return net.predict(sequences, tasks.get(stage).kind(), stage, new Gates(stage, sMax));
    }

    Network network() {
        return net;
    }
}
