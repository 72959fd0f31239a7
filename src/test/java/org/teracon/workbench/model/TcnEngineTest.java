package org.teracon.workbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv1DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The hand-written backbone against two independent references: SameDiff's own conv1d / layerNorm
 * graph for the forward values, and central finite differences (in double precision) for every
 * gradient, hooks included.
 */
class TcnEngineTest {
    static final BackboneConfig CFG = new BackboneConfig(4, 3, List.of(1, 2));
    static final int V = 7;
    static final int L = 6;
    static final int[][] SEQS = {{0, 0, 3, 1, 4, 6}, {2, 5, 1, 1, 3, 2}, {0, 0, 0, 0, 6, 5}};

    static ParameterStore params(DataType type, long seed) {
        ParameterStore p = new ParameterStore();
        TcnBackbone.init(p, CFG, V, new Random(seed));
        TaskHead.init(p, "head0", CFG.channels(), V, new Random(seed + 1));
        TaskHead.init(p, "head1", CFG.channels(), 3, new Random(seed + 2));
        Random r = new Random(seed + 3);
        for (String n : List.copyOf(p.names())) {
            INDArray a = p.get(n);
            // non-trivial gains and biases, so their gradients are exercised
            if (n.contains(".ln")) a.assign(Init.uniform(r, 0.5, 1.5, a.shape()));
            if (n.endsWith(".b") || n.endsWith(".bias")) a.assign(Init.uniform(r, -0.2, 0.2, a.shape()));
            p.put(n, a.castTo(type));
        }
        return p;
    }

    @Test
    void forwardEqualsSameDiffConv1dWithCausalPadding() {
        ParameterStore p = params(DataType.FLOAT, 5);
        INDArray hidden;
        try (var ignored = Workspaces.step()) {
            hidden = new TcnEngine(CFG, 0).forward(p, SEQS, BackboneHooks.NONE).hidden().detach();
        }
        INDArray reference = sameDiffHidden(p);
        assertTrue(hidden.equalsWithEps(reference, 1e-4), "engine\n" + hidden + "\nSameDiff\n" + reference);
    }

    /** The previous engine's graph: NCW conv1d (CAUSAL) → layerNorm → ReLU, twice per block, residual. */
    static INDArray sameDiffHidden(ParameterStore p) {
        SameDiff sd = SameDiff.create();
        int b = SEQS.length;
        int c = CFG.channels();
        INDArray x = Nd4j.pullRows(p.get(TcnBackbone.EMBEDDING), 1, TcnEngine.ids(SEQS).toIntVector())
                .reshape('c', b, L, c).permute(0, 2, 1).dup('c');
        SDVariable h = sd.constant(x);
        for (int block = 0; block < CFG.blocks(); block++) {
            SDVariable branch = h;
            for (int k = 0; k < 2; k++) {
                Conv1DConfig conv = Conv1DConfig.builder().k(3).s(1).d(CFG.dilation(block, k)).paddingMode(PaddingMode.CAUSAL).dataFormat("NCW").build();
                SDVariable out = sd.cnn().conv1d(branch, sd.constant(p.get(TcnBackbone.convWeight(block, k))), sd.constant(p.get(TcnBackbone.convBias(block, k))), conv);
                out = sd.nn().layerNorm(out, sd.constant(p.get(TcnBackbone.normGain(block, k))), sd.constant(p.get(TcnBackbone.normBias(block, k))), true, 1);
                branch = sd.nn().relu(out, 0);
            }
            h = h.add(branch);
        }
        h.permute(0, 2, 1).reshape(-1, c).rename("out");
        return sd.output(java.util.Map.of(), "out").get("out");
    }

    /** A mask per sequence on every layer, a fixed factor on each weight, a patch on block 1. */
    static final class TestHooks implements BackboneHooks {
        final ParameterStore p;
        final INDArray factor;

        TestHooks(ParameterStore p, INDArray factor) {
            this.p = p;
            this.factor = factor;
        }

        @Override
        public INDArray effectiveWeight(int layer, INDArray stored) {
            return stored.mul(factor);
        }

        @Override
        public void weightGradient(int layer, String storedName, INDArray effectiveGradient, Gradients g) {
            g.add(storedName, effectiveGradient.mul(factor));
        }

        @Override
        public INDArray mask(int layer) {
            return p.get("mask" + layer);
        }

        @Override
        public void maskGradient(int layer, INDArray gradient) {
            collected.add("mask" + layer, gradient);
        }

        @Override
        public String patch(int block) {
            return block == 1 ? "patch." : null;
        }

        Gradients collected;
    }

    static ParameterStore withHookParameters(ParameterStore p, Random r) {
        for (int k = 0; k < CFG.maskedLayers(); k++) p.put("mask" + k, Init.uniform(r, 0.2, 1, SEQS.length, CFG.channels()).castTo(DataType.DOUBLE));
        p.put("patch.W1", Init.normal(r, 0.5, 4, 2).castTo(DataType.DOUBLE));
        p.put("patch.b1", Init.uniform(r, -0.1, 0.3, 1, 2).castTo(DataType.DOUBLE));
        p.put("patch.W2", Init.normal(r, 0.5, 2, 4).castTo(DataType.DOUBLE));
        p.put("patch.b2", Init.uniform(r, -0.1, 0.1, 1, 4).castTo(DataType.DOUBLE));
        return p;
    }

    /** Next-item loss on every position + a label loss on the user vector + Σ R ⊙ hidden. */
    static double loss(ParameterStore p, TestHooks hooks, INDArray r, Gradients collect) {
        Gradients g = collect == null ? new Gradients(n -> false) : collect;
        TcnEngine engine = new TcnEngine(CFG);
        TcnEngine.Pass pass = engine.forward(p, SEQS, hooks);
        INDArray dH = r.dup();
        double loss = pass.hidden().mul(r).sumNumber().doubleValue();
        int[] targets = {-1, 3, 1, 4, 6, -1, 5, 1, 1, 3, 2, -1, -1, -1, -1, 6, 5, -1};
        loss += Readouts.sparseCrossEntropy(p, "head0", pass.hidden(), targets, dH, g);
        INDArray users = TcnEngine.at(pass.hidden(), SEQS.length, L, L - 1);
        INDArray dU = users.ulike().assign(0);
        INDArray soft = Nd4j.createFromArray(new double[][] {{0.25, 0, 0}, {0, 0.25, 0.25}, {0, 0, 0.25}});
        loss += Readouts.softCrossEntropy(p, "head1", users, soft, dU, g);
        TcnEngine.addAt(dH, SEQS.length, L, L - 1, dU);
        if (collect != null) engine.backward(p, pass, dH, g);
        return loss;
    }

    @Test
    void everyGradientMatchesFiniteDifferences() {
        Random rnd = new Random(11);
        ParameterStore p = withHookParameters(params(DataType.DOUBLE, 3), rnd);
        INDArray factor = Init.uniform(rnd, 0.5, 1.5, 12, 4).castTo(DataType.DOUBLE);
        INDArray r = Init.normal(rnd, 1, SEQS.length * L, 4).castTo(DataType.DOUBLE);
        TestHooks hooks = new TestHooks(p, factor);
        Gradients g = new Gradients(n -> true);
        hooks.collected = g;
        loss(p, hooks, r, g);
        List<String> checked = new ArrayList<>();
        for (String name : p.names()) {
            INDArray grad = g.get(name);
            assertTrue(grad != null, "no gradient for " + name);
            INDArray a = p.get(name);
            for (long i = 0; i < a.length(); i += Math.max(1, a.length() / 9)) {
                if (name.equals(TcnBackbone.EMBEDDING) && i < CFG.channels()) continue; // padding row: zero by design
                // each evaluation in a workspace, as every step of a run is: thousands of them outside one left
                // ND4J's deallocator freeing buffers during the loop, and one CI run crashed in libnd4j there (README)
                double numeric = numeric(p, a, i, q -> {
                    try (var ignored = Workspaces.step()) {
                        return loss(q, hooks, r, null);
                    }
                });
                double analytic = grad.reshape(a.length()).getDouble(i);
                assertEquals(numeric, analytic, 1e-6 + 1e-5 * Math.abs(numeric), name + "[" + i + "]");
                checked.add(name);
            }
        }
        assertTrue(checked.size() > 100, "checked " + checked.size());
        assertEquals(0, g.get(TcnBackbone.EMBEDDING).getRow(0).sumNumber().doubleValue(), 0, "padding row gradient");
    }

    static double numeric(ParameterStore p, INDArray a, long i, ToDoubleFunction<ParameterStore> f) {
        INDArray flat = a.reshape(a.length());
        double h = 1e-6;
        double orig = flat.getDouble(i);
        flat.putScalar(i, orig + h);
        double up = f.applyAsDouble(p);
        flat.putScalar(i, orig - h);
        double down = f.applyAsDouble(p);
        flat.putScalar(i, orig);
        return (up - down) / (2 * h);
    }

    @Test
    void frozenParametersGetNoGradientWork() {
        ParameterStore p = params(DataType.FLOAT, 4);
        Gradients g = new Gradients(n -> n.startsWith("head0"));
        try (var ignored = Workspaces.step()) {
            TcnEngine.Pass pass = new TcnEngine(CFG).forward(p, SEQS, BackboneHooks.NONE);
            INDArray dH = pass.hidden().ulike().assign(0);
            Readouts.sparseCrossEntropy(p, "head0", pass.hidden(), TrainingTargets.NEXT, dH, g);
            new TcnEngine(CFG).backward(p, pass, dH, g);
            assertEquals(List.of("head0.W", "head0.b"), List.copyOf(g.asMap().keySet()));
        }
    }

    static final class TrainingTargets {
        static final int[] NEXT = {-1, 3, 1, 4, 6, -1, 5, 1, 1, 3, 2, -1, -1, -1, -1, 6, 5, -1};
    }
}
