package org.teracon.workbench.method.baseline;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.teracon.workbench.method.Fixture;
import org.teracon.workbench.method.TaskData;
import org.teracon.workbench.method.Targets;
import org.teracon.workbench.model.BackboneHooks;
import org.teracon.workbench.model.Gradients;
import org.teracon.workbench.method.params.ParamValues;
import org.teracon.workbench.model.Network;
import org.teracon.workbench.model.ParameterStore;
import org.teracon.workbench.model.Readouts;
import org.teracon.workbench.model.TaskHead;
import org.teracon.workbench.model.TcnBackbone;
import org.teracon.workbench.model.TcnEngine;

class PiggybackMethodTest {

    @Test
    void backboneStaysBitIdenticalAndEachTaskLearnsItsOwnMask() {
        List<TaskData> tasks = Fixture.tasks("next_item", "taste_group", "side_group");
        PiggybackMethod m = PiggybackMethod.fromParams(Fixture.BACKBONE, ParamValues.none());
        var env = Fixture.env(4);
        m.learn(tasks.subList(0, 1), env);
        ParameterStore afterT1 = m.network().params().copy();
        Fixture.learnUpTo(m, tasks, 1, 2, env);

        for (String name : afterT1.names()) {
            assertArrayEquals(Fixture.values(afterT1, name), Fixture.values(m.network().params(), name), 0f, name + " moved");
        }
        int differ = 0;
        int dropped = 0;
        for (int b = 0; b < Fixture.BACKBONE.blocks(); b++) {
            for (int k = 0; k < 2; k++) {
                float[] m1 = Fixture.values(m.mask(1, b, k));
                float[] m2 = Fixture.values(m.mask(2, b, k));
                for (int i = 0; i < m1.length; i++) {
                    if (m1[i] != m2[i]) differ++;
                    if (m1[i] == 0f) dropped++;
                }
                INDArray w = m.network().params().get(TcnBackbone.convWeight(b, k));
                assertArrayEquals(Fixture.values(w.mul(m.mask(2, b, k))),
                        Fixture.values(m.network().params(), PiggybackMethod.effective(2, b, k)), 0f, "W_eff = W ⊙ m");
            }
        }
        assertTrue(dropped > 0, "T2's mask must have switched some weights off");
        assertTrue(differ > 0, "T2 and T3 must learn different masks");
    }

    /**
     * The straight-through estimator is, by definition, the gradient with respect to a real-valued mask
     * m in W_eff = W ⊙ m, evaluated at the binary mask and handed to the scores unchanged:
     * dL/dscore := dL/dm = dL/dW_eff ⊙ W. Checked in double precision against central differences of
     * the loss in mask space (W_eff ± h·W at one entry, i.e. m ± h) on entries across every convolution;
     * T1's weights, biases and norms get no gradient at all.
     */
    @Test
    void scoreGradientIsTheStraightThroughEstimate() {
        List<TaskData> tasks = Fixture.tasks("next_item", "taste_group");
        PiggybackMethod m = PiggybackMethod.fromParams(Fixture.BACKBONE, ParamValues.none());
        Fixture.learnUpTo(m, tasks, 0, 1, Fixture.env(5));
        Network net = m.network();
        ParameterStore p = net.params();
        for (String n : List.copyOf(p.names())) p.put(n, p.get(n).castTo(DataType.DOUBLE));
        TaskData task = tasks.get(1);
        var rows = task.byUser(task.split().train());
        int n = Math.min(16, rows.size());
        int[][] seqs = task.sequencesOf(java.util.Arrays.copyOf(rows.users(), n));
        INDArray targets = Targets.labels(java.util.Arrays.copyOf(rows.labels(), n), task.outputSize()).castTo(DataType.DOUBLE);
        String head = Network.headName(1);

        Gradients g = new Gradients(name -> (name.startsWith("pb1.") && name.endsWith(".S")) || name.equals(TaskHead.weight(head))
                || name.equals(TaskHead.bias(head)));
        loss(net, m.hooks(1), seqs, targets, g);
        for (String name : g.asMap().keySet()) {
            assertTrue(name.startsWith("pb1.") || name.startsWith(head), name + " must not train");
            assertFalse(name.endsWith(".Weff"), "the effective weight itself is never stepped");
        }

        int checked = 0;
        double largest = 0;
        for (int b = 0; b < Fixture.BACKBONE.blocks(); b++) {
            for (int k = 0; k < 2; k++) {
                INDArray eff = p.get(PiggybackMethod.effective(1, b, k));
                INDArray w = p.get(TcnBackbone.convWeight(b, k)).reshape(eff.length());
                INDArray analytic = g.get(PiggybackMethod.scores(1, b, k)).reshape(eff.length());
                for (long i = 0; i < eff.length(); i += 7) {
                    double numeric = maskSpaceDerivative(eff, w.getDouble(i), i, () -> loss(net, m.hooks(1), seqs, targets, null));
                    assertEquals(numeric, analytic.getDouble(i), 1e-6 + 1e-5 * Math.abs(numeric), "scores(" + b + "," + k + ")[" + i + "]");
                    largest = Math.max(largest, Math.abs(numeric));
                    checked++;
                }
            }
        }
        assertTrue(checked > 50, "checked " + checked);
        assertTrue(largest > 1e-3, "a vanishing gradient would make the check vacuous: " + largest);
    }

    /** T2's label loss through the hooks; with {@code g}, its gradients too. */
    static double loss(Network net, BackboneHooks hooks, int[][] seqs, INDArray targets, Gradients g) {
        TcnEngine.Pass pass = net.forward(seqs, hooks);
        int l = pass.length();
        INDArray users = TcnEngine.at(pass.hidden(), seqs.length, l, l - 1);
        INDArray dUsers = users.ulike().assign(0);
        double loss = Readouts.softCrossEntropy(net.params(), Network.headName(1), users, targets, dUsers,
                g == null ? new Gradients(name -> false) : g);
        if (g != null) {
            INDArray dHidden = net.zeroHiddenGradient(pass);
            TcnEngine.addAt(dHidden, seqs.length, l, l - 1, dUsers);
            net.backward(pass, dHidden, g);
        }
        return loss;
    }

    /** dL/dm_i by central differences: W_eff,i = W_i · m_i moved by ±h·W_i. */
    static double maskSpaceDerivative(INDArray eff, double w, long i, java.util.function.DoubleSupplier f) {
        INDArray flat = eff.reshape(eff.length());
        double h = 1e-6;
        double orig = flat.getDouble(i);
        flat.putScalar(i, orig + h * w);
        double up = f.getAsDouble();
        flat.putScalar(i, orig - h * w);
        double down = f.getAsDouble();
        flat.putScalar(i, orig);
        return (up - down) / (2 * h);
    }
}
