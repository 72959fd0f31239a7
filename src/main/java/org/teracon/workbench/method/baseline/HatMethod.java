package org.teracon.workbench.method.baseline;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.teracon.workbench.method.ContinualMethod;
import org.teracon.workbench.method.Evaluator;
import org.teracon.workbench.method.MethodEnvironment;
import org.teracon.workbench.method.PredictionGraph;
import org.teracon.workbench.method.TaskData;
import org.teracon.workbench.method.params.ParamSpec;
import org.teracon.workbench.method.params.ParamValues;
import org.teracon.workbench.method.params.Range;
import org.teracon.workbench.model.BackboneConfig;
import org.teracon.workbench.model.GraphVariables;
import org.teracon.workbench.model.Init;
import org.teracon.workbench.model.LayerHooks;
import org.teracon.workbench.model.Network;
import org.teracon.workbench.model.TcnBackbone;

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
 * parameters are protected, its outputs only approximately. Optimiser: the engine's Adam (hat.py uses
 * SGD), which largely normalises away the compensation's rescaling but not its zeros.
 */
public final class HatMethod implements ContinualMethod {
    public static final ParamSpec<Double> S_MAX = ParamSpec.real("hat.sMax", 400, Range.atLeast(1), "s_max",
            "HAT's gate scale at the end of each epoch: larger makes the gates closer to binary");
    public static final ParamSpec<Double> LAMBDA = ParamSpec.real("hat.lambda", 0.75, Range.atLeast(0), "lambda",
            "HAT's weight of the loss that makes a task reuse units earlier tasks claimed");
    public static final List<ParamSpec<?>> SPECS = List.of(S_MAX, LAMBDA);
    static final double EMBEDDING_CLAMP = 6;
    static final double COSH_CLAMP = 50;

    private final BackboneConfig backbone;
    private final double sMax;
    private final double lambda;
    private Network net;
    /** Per layer, the elementwise max of every learned task's binarised gate: the units already claimed. */
    private float[][] claimed;
    private final Map<Integer, TaskData> tasks = new HashMap<>();
    private final Map<Integer, PredictionGraph> graphs = new HashMap<>();
    private int evalBatchSize = 256;

    public HatMethod(BackboneConfig backbone, double sMax, double lambda) {
        S_MAX.check(sMax);
        LAMBDA.check(lambda);
        this.backbone = backbone;
        this.sMax = sMax;
        this.lambda = lambda;
    }

    public static HatMethod fromParams(BackboneConfig backbone, ParamValues p) {
        return new HatMethod(backbone, p.get(S_MAX), p.get(LAMBDA));
    }

    @Override
    public String name() {
        return "hat";
    }

    static String gate(int stage, int layer) {
        return "hat" + stage + ".e" + layer;
    }

    @Override
    public void learn(List<TaskData> learned, MethodEnvironment env) {
        TaskData task = learned.get(learned.size() - 1);
        int stage = task.stage();
        int layers = backbone.maskedLayers();
        int c = backbone.channels();
        evalBatchSize = env.training().evalBatchSize();
        if (stage == 0) {
            net = Network.create(backbone, task.vocabularySize(), task.sequenceLength(), env.random());
            claimed = new float[layers][c];
        }
        net.ensureHead(stage, task.outputSize(), env.random());
        for (int k = 0; k < layers; k++) net.params().put(gate(stage, k), Init.normal(env.random(), 1.0, 1, c, 1));
        tasks.put(stage, task);
        graphs.remove(stage);

        double[] currentS = {1};
        BaselineTrainer.Spec spec = new BaselineTrainer.Spec();
        spec.hooks = (v, s) -> hooks(v, s, stage);
        spec.trainable = p -> p.startsWith("block") || p.startsWith("hat" + stage + ".") || BaselineTrainer.isHead(p, stage);
        spec.trainEmbedding = stage == 0;
        spec.sharpness = (b, n) -> n <= 1 ? sMax : 1 / sMax + (sMax - 1 / sMax) * b / (n - 1);
        spec.extraLoss = (v, x, s, hooks) -> regulariser(v, s, stage);
        spec.beforeStep = s -> currentS[0] = s;
        spec.editor = grads -> compensate(grads, stage, currentS[0]);
        spec.afterStep = s -> clampGates(stage);
        BaselineTrainer.train(net, task, spec, () -> Evaluator.primary(this, task, task.split().validation(), evalBatchSize), env);
        clampGates(stage);

        float[][] mine = gates(stage);
        for (int k = 0; k < layers; k++) for (int j = 0; j < c; j++) if (mine[k][j] > 0.5f) claimed[k][j] = 1f;
    }

    private LayerHooks hooks(GraphVariables v, SDVariable s, int stage) {
        return new LayerHooks() {
            @Override
            public SDVariable activation(int block, int conv, SDVariable a) {
                return a.mul(v.sd().nn().sigmoid(v.get(gate(stage, 2 * block + conv)).mul(s)));
            }
        };
    }

    private Map<String, SDVariable> regulariser(GraphVariables v, SDVariable s, int stage) {
        SDVariable numerator = null;
        double denominator = 0;
        for (int k = 0; k < backbone.maskedLayers(); k++) {
            float[] free = new float[backbone.channels()];
            for (int j = 0; j < free.length; j++) free[j] = 1f - claimed[k][j];
            for (float f : free) denominator += f;
            SDVariable a = v.sd().nn().sigmoid(v.get(gate(stage, k)).mul(s));
            SDVariable term = v.sd().sum(a.mul(v.sd().constant(Nd4j.create(free, new long[] {1, free.length, 1}, 'c'))));
            numerator = numerator == null ? term : numerator.add(term);
        }
        // Every unit claimed already: nothing left to keep free, and hat.py would divide by zero.
        if (denominator == 0 || lambda == 0) return Map.of();
        return Map.of("reg", numerator.mul(lambda / denominator).rename("reg"));
    }

    /** hat.py's two gradient edits: protect claimed units' weights, undo the annealing's damping of e. */
    private void compensate(Map<String, INDArray> grads, int stage, double s) {
        int c = backbone.channels();
        if (stage > 0) {
            for (int b = 0; b < backbone.blocks(); b++) {
                for (int k = 0; k < 2; k++) {
                    float[] post = claimed[2 * b + k];
                    float[] pre = k == 0 ? null : claimed[2 * b];
                    int kernel = backbone.kernelSize();
                    float[] wf = new float[kernel * c * c];
                    for (int t = 0; t < kernel; t++) {
                        for (int i = 0; i < c; i++) {
                            for (int o = 0; o < c; o++) {
                                float in = pre == null ? 1f : pre[i];
                                wf[(t * c + i) * c + o] = 1f - Math.min(post[o], in);
                            }
                        }
                    }
                    scale(grads, TcnBackbone.convWeight(b, k), Nd4j.create(wf, new long[] {kernel, c, c}, 'c'));
                    float[] of = new float[c];
                    for (int o = 0; o < c; o++) of[o] = 1f - post[o];
                    INDArray outFactor = Nd4j.create(of, new long[] {c}, 'c');
                    scale(grads, TcnBackbone.convBias(b, k), outFactor);
                    scale(grads, TcnBackbone.normGain(b, k), outFactor);
                    scale(grads, TcnBackbone.normBias(b, k), outFactor);
                }
            }
        }
        for (int k = 0; k < backbone.maskedLayers(); k++) {
            String name = gate(stage, k);
            INDArray g = grads.get(name);
            if (g == null) continue;
            INDArray e = net.params().get(name);
            INDArray num = Transforms.cosh(Transforms.max(Transforms.min(e.mul(s), COSH_CLAMP), -COSH_CLAMP)).addi(1);
            INDArray den = Transforms.cosh(e, true).addi(1);
            grads.put(name, g.reshape(e.shape()).mul(num).divi(den).muli(sMax / s));
        }
    }

    private static void scale(Map<String, INDArray> grads, String name, INDArray factor) {
        INDArray g = grads.get(name);
        if (g != null) grads.put(name, g.reshape(factor.shape()).mul(factor));
    }

    private void clampGates(int stage) {
        for (int k = 0; k < backbone.maskedLayers(); k++) {
            INDArray e = net.params().get(gate(stage, k));
            e.assign(Transforms.max(Transforms.min(e, EMBEDDING_CLAMP), -EMBEDDING_CLAMP));
        }
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
        for (int k = 0; k < copy.length; k++) copy[k] = claimed[k].clone();
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
        TaskData task = tasks.get(stage);
        PredictionGraph g = graphs.computeIfAbsent(stage, st -> new PredictionGraph(net, task, (v, s) -> hooks(v, s, st), sMax));
        return g.predict(sequences);
    }

    Network network() {
        return net;
    }
}
