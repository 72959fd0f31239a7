package org.teracon.workbench.method.baseline;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.teracon.workbench.method.Fixture;
import org.teracon.workbench.method.TaskData;
import org.teracon.workbench.method.Targets;
import org.teracon.workbench.model.Gradients;
import org.teracon.workbench.model.Network;
import org.teracon.workbench.method.params.ParamValues;
import org.teracon.workbench.model.ParameterStore;
import org.teracon.workbench.model.Readouts;
import org.teracon.workbench.model.TcnBackbone;
import org.teracon.workbench.model.TcnEngine;

class HatMethodTest {

    static double intermediateFraction(float[][] gates) {
        long mid = 0;
        long all = 0;
        for (float[] layer : gates) {
            for (float a : layer) {
                all++;
                if (a > 0.01f && a < 0.99f) mid++;
            }
        }
        return mid / (double) all;
    }

    @Test
    void gatesBinariseAtSMaxAndClaimedUnitsKeepTheirWeights() {
        List<TaskData> tasks = Fixture.tasks("next_item", "taste_group");
        HatMethod m = HatMethod.fromParams(Fixture.BACKBONE, ParamValues.none());
        var env = Fixture.env(3);
        m.learn(tasks.subList(0, 1), env);
        ParameterStore afterT1 = m.network().params().copy();
        float[][] claimed = m.claimed();

        m.learn(tasks, env);

        for (int stage = 0; stage < 2; stage++) {
            assertTrue(intermediateFraction(m.gates(stage, 1.0)) > 0.5, "soft at s = 1");
            assertTrue(intermediateFraction(m.gates(stage)) < 0.05, "near binary at s_max: " + intermediateFraction(m.gates(stage)));
        }
        assertEquals(2, m.masks().size());
        assertEquals(Fixture.BACKBONE.maskedLayers(), m.masks().get("taste_group").length);

        int c = Fixture.BACKBONE.channels();
        int kernel = Fixture.BACKBONE.kernelSize();
        int protectedSeen = 0;
        int freeChanged = 0;
        for (int b = 0; b < Fixture.BACKBONE.blocks(); b++) {
            for (int k = 0; k < 2; k++) {
                float[] post = claimed[2 * b + k];
                float[] pre = k == 0 ? null : claimed[2 * b];
                String w = TcnBackbone.convWeight(b, k);
                float[] before = Fixture.values(afterT1, w);
                float[] after = Fixture.values(m.network().params(), w);
                for (int t = 0; t < kernel; t++) {
                    for (int i = 0; i < c; i++) {
                        for (int o = 0; o < c; o++) {
                            int idx = (t * c + i) * c + o;
                            boolean isProtected = post[o] == 1f && (pre == null || pre[i] == 1f);
                            if (isProtected) {
                                protectedSeen++;
                                assertEquals(before[idx], after[idx], 0f, w + "[" + idx + "] belongs to claimed units");
                            } else if (before[idx] != after[idx]) {
                                freeChanged++;
                            }
                        }
                    }
                }
                for (String p : List.of(TcnBackbone.convBias(b, k), TcnBackbone.normGain(b, k), TcnBackbone.normBias(b, k))) {
                    float[] pb = Fixture.values(afterT1, p);
                    float[] pa = Fixture.values(m.network().params(), p);
                    for (int o = 0; o < c; o++) if (post[o] == 1f) assertEquals(pb[o], pa[o], 0f, p + "[" + o + "]");
                }
            }
        }
        assertTrue(protectedSeen > 0, "T1 must have claimed some units");
        assertTrue(freeChanged > 0, "T2 must still train the unclaimed weights");
        assertArrayEquals(Fixture.values(afterT1, TcnBackbone.EMBEDDING), Fixture.values(m.network().params(), TcnBackbone.EMBEDDING), 0f);
    }

    /**
     * The gate embeddings' gradient through the mask hook (dL/da · a(1 − a) · s) plus the regulariser's
     * (λ/Σ free · free ⊙ a(1 − a) · s) against central differences of class loss + regulariser, in
     * double precision, on every entry of every layer of T2's gates (T1's claimed units make the
     * regulariser's free set non-trivial). The compensation is a deliberate edit after this gradient.
     */
    @Test
    void gateGradientWithRegulariserMatchesFiniteDifferences() {
        List<TaskData> tasks = Fixture.tasks("next_item", "taste_group");
        HatMethod m = HatMethod.fromParams(Fixture.BACKBONE, org.teracon.workbench.method.params.ParamValues.none());
        Fixture.learnUpTo(m, tasks, 0, 1, Fixture.env(6));
        Network net = m.network();
        ParameterStore p = net.params();
        for (String n : List.copyOf(p.names())) p.put(n, p.get(n).castTo(DataType.DOUBLE));
        float[][] claimed = m.claimed();
        int claimedUnits = 0;
        for (float[] layer : claimed) for (float f : layer) if (f == 1f) claimedUnits++;
        assertTrue(claimedUnits > 0 && claimedUnits < claimed.length * claimed[0].length, "free set must be non-trivial");

        TaskData task = tasks.get(1);
        var rows = task.byUser(task.split().train());
        int n = Math.min(16, rows.size());
        int[][] seqs = task.sequencesOf(java.util.Arrays.copyOf(rows.users(), n));
        INDArray targets = Targets.labels(java.util.Arrays.copyOf(rows.labels(), n), task.outputSize()).castTo(DataType.DOUBLE);
        double s = 1.5;

        Gradients g = new Gradients(name -> name.startsWith("hat1."));
        HatMethod.Gates gates = m.hooks(1, s);
        loss(m, net, gates, seqs, targets, g);
        gates.addEmbeddingGradients(g);

        int checked = 0;
        double largest = 0;
        for (int k = 0; k < Fixture.BACKBONE.maskedLayers(); k++) {
            String name = HatMethod.gate(1, k);
            INDArray e = p.get(name);
            INDArray analytic = g.get(name).reshape(e.length());
            for (long i = 0; i < e.length(); i++) {
                double numeric = numeric(e, i, () -> loss(m, net, m.hooks(1, s), seqs, targets, null));
                assertEquals(numeric, analytic.getDouble(i), 1e-6 + 1e-5 * Math.abs(numeric), name + "[" + i + "]");
                largest = Math.max(largest, Math.abs(numeric));
                checked++;
            }
        }
        assertEquals(Fixture.BACKBONE.maskedLayers() * Fixture.BACKBONE.channels(), checked);
        assertTrue(largest > 1e-4, "a vanishing gradient would make the check vacuous: " + largest);
    }

    /** The label loss on T2's head plus HAT's regulariser; with {@code g}, their gradients too. */
    static double loss(HatMethod m, Network net, HatMethod.Gates gates, int[][] seqs, INDArray targets, Gradients g) {
        Gradients collect = g == null ? new Gradients(name -> false) : g;
        TcnEngine.Pass pass = net.forward(seqs, gates);
        int l = pass.length();
        INDArray users = TcnEngine.at(pass.hidden(), seqs.length, l, l - 1);
        INDArray dUsers = users.ulike().assign(0);
        double loss = Readouts.softCrossEntropy(net.params(), Network.headName(1), users, targets, dUsers, collect);
        double reg = m.regulariser(gates, collect);
        assertTrue(!Double.isNaN(reg), "the regulariser must be on");
        if (g != null) {
            INDArray dHidden = net.zeroHiddenGradient(pass);
            TcnEngine.addAt(dHidden, seqs.length, l, l - 1, dUsers);
            net.backward(pass, dHidden, g);
        }
        return loss + reg;
    }

    static double numeric(INDArray a, long i, java.util.function.DoubleSupplier f) {
        INDArray flat = a.reshape(a.length());
        double h = 1e-6;
        double orig = flat.getDouble(i);
        flat.putScalar(i, orig + h);
        double up = f.getAsDouble();
        flat.putScalar(i, orig - h);
        double down = f.getAsDouble();
        flat.putScalar(i, orig);
        return (up - down) / (2 * h);
    }
}
